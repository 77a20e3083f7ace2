/// <reference lib="webworker" />
import { type SimulationInput, simulate } from '@dz/core';

/** Runs the Monte Carlo simulation off the main thread, so the page never freezes. */
self.onmessage = (e: MessageEvent<SimulationInput>) => {
  self.postMessage(simulate(e.data));
};
