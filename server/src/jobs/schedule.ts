import type { FastifyBaseLogger } from 'fastify';

/**
 * A background job on a timer: a first run after `firstRunMs`, then every `intervalMs`. One run at a time (a run
 * asked for while one is going joins it), a failure is logged as `failed` and never stops the server, and `stop`
 * ends the timers and waits for a run in progress (before the database is closed).
 */
export function scheduleJob(
  log: FastifyBaseLogger,
  job: { task: () => Promise<void>; failed: string },
  timing: { firstRunMs: number; intervalMs: number },
) {
  let current: Promise<void> | null = null;
  const run = () => {
    current ??= (async () => {
      try {
        await job.task();
      } catch (err) {
        log.error({ err }, job.failed);
      } finally {
        current = null;
      }
    })();
    return current;
  };
  const first = setTimeout(run, timing.firstRunMs);
  const every = setInterval(run, timing.intervalMs);
  first.unref();
  every.unref();
  return {
    run,
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await current;
    },
  };
}
