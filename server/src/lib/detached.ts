import type { FastifyBaseLogger } from 'fastify';

/**
 * Work that runs after the answer has been sent, so neither its duration nor its failure shows in the
 * answer (e.g. whether a password-reset mail went to an existing account). Tracked, so shutdown and
 * tests can wait until it is done.
 */
export class Detached {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly log: FastifyBaseLogger) {}

  /** Starts `task` on a later turn of the event loop; errors are logged, never thrown. */
  run(what: string, task: () => Promise<unknown>): void {
    const p: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(task)
      .then(
        () => undefined,
        (err) => this.log.error({ err }, `${what} failed`),
      )
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Resolves once every started task (and any they started) has finished. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}
