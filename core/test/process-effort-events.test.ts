import { describe, expect, it } from 'vitest';
import { caseEffort } from '../src/domain/index.js';
import type { ProcessGraph, ProcessNode } from '../src/domain/process-model.js';

const RATES = { 'EG 8': 6000 };
const node = (id: string, kind: ProcessNode['kind'], extra: Partial<ProcessNode> = {}): ProcessNode => ({
  id,
  name: id,
  kind,
  minutes: kind === 'task' ? 10 : null,
  payGroup: 'EG 8',
  mediaBreak: false,
  lane: null,
  ...extra,
});
const flow = (source: string, target: string) => ({
  id: `${source}-${target}`,
  name: '',
  source,
  target,
  probability: null,
});

/** Start → check (10 min) → next (10 min) → end; a timer on the check leads to a reminder (10 min) in half the cases. */
const withTimer = (interrupting: boolean): ProcessGraph => ({
  nodes: [
    node('s', 'start'),
    node('check', 'task'),
    node('next', 'task'),
    node('e', 'end'),
    node('timer', 'boundary', { attachedTo: 'check', probability: 0.5, interrupting }),
    node('remind', 'task'),
    node('e2', 'end'),
  ],
  flows: [flow('s', 'check'), flow('check', 'next'), flow('next', 'e'), flow('timer', 'remind'), flow('remind', 'e2')],
  lanes: [],
});

const visits = (g: ProcessGraph) => {
  const r = caseEffort(g, RATES);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.effort;
};

describe('boundary events and several starts', () => {
  it('an interrupting boundary event takes its share of the cases off the normal path', () => {
    const e = visits(withTimer(true));
    expect(e.visits).toMatchObject({ check: 1, next: 0.5, remind: 0.5 });
    // 10 + 5 + 5 minutes
    expect(e.minutesPerCase).toBeCloseTo(20, 9);
  });

  it('a non-interrupting one adds its path beside the normal one', () => {
    const e = visits(withTimer(false));
    expect(e.visits).toMatchObject({ check: 1, next: 1, remind: 0.5 });
    expect(e.minutesPerCase).toBeCloseTo(25, 9);
  });

  it('counts every start event once per case and warns about alternative ways in', () => {
    const g: ProcessGraph = {
      nodes: [node('online', 'start'), node('paper', 'start'), node('check', 'task'), node('e', 'end')],
      flows: [flow('online', 'check'), flow('paper', 'check'), flow('check', 'e')],
      lanes: [],
    };
    const e = visits(g);
    expect(e.visits.check).toBe(2);
    expect(e.warnings).toContainEqual({ code: 'several_starts', elementId: 'paper' });
  });
});
