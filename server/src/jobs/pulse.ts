import { quarterOf, reminderDue } from '@dz/core';
import type { FastifyBaseLogger } from 'fastify';
import { type PulseDeps, startRound } from '../modules/pulse/pulse.service.js';
import { sendReminders } from '../modules/surveys/distribution.service.js';
import { scheduleJob } from './schedule.js';

/** Hourly, like the news digest: the first run after a quarter starts opens its round. */
export const PULSE_INTERVAL_MS = 3600_000;
/**
 * A round starts on its own only in the first days of a quarter: switching the schedule on in the middle of a
 * quarter waits for the next one (the coordination can start this quarter's round by hand).
 */
export const PULSE_START_WINDOW_DAYS = 14;

/**
 * The pulse's schedule at `now`: for every municipality that switched it on, the round of the new quarter (when
 * none exists yet and the quarter began at most PULSE_START_WINDOW_DAYS ago), and the one reminder of open rounds
 * through the engine, `remindAfterDays` after they opened. Rounds are never closed here: closing releases the
 * results, which is the coordination's decision on the survey page.
 */
export async function runPulseSchedule(deps: PulseDeps, now = new Date()) {
  const today = now.toISOString().slice(0, 10);
  const enabled = await deps.db
    .selectFrom('pulseSettings')
    .select(['municipalityId', 'quarterStartMonth', 'remindAfterDays'])
    .where('enabled', '=', true)
    .execute();
  let started = 0;
  let reminded = 0;
  for (const st of enabled) {
    const q = quarterOf(today, st.quarterStartMonth);
    const age = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${q.startsOn}T00:00:00Z`)) / 86_400_000;
    const exists = await deps.db
      .selectFrom('pulseRounds')
      .select('id')
      .where('municipalityId', '=', st.municipalityId)
      .where('quarter', '=', q.key)
      .executeTakeFirst();
    if (!exists && age < PULSE_START_WINDOW_DAYS) {
      await startRound(deps, null, st.municipalityId, { intro: '' }, now);
      started++;
    }
    const due = await deps.db
      .selectFrom('pulseRounds as pr')
      .innerJoin('surveys as s', 's.id', 'pr.surveyId')
      .select(['pr.id', 's.id as surveyId', 's.opensOn'])
      .where('pr.municipalityId', '=', st.municipalityId)
      .where('pr.remindedAt', 'is', null)
      .where('s.status', '=', 'open')
      .execute();
    for (const r of due) {
      if (!r.opensOn || !reminderDue(r.opensOn, st.remindAfterDays, today)) continue;
      // marked first: a second instance running at the same time finds it taken
      const mine = await deps.db
        .updateTable('pulseRounds')
        .set({ remindedAt: now })
        .where('id', '=', r.id)
        .where('remindedAt', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!mine) continue;
      const s = await deps.db.selectFrom('surveys').selectAll().where('id', '=', r.surveyId).executeTakeFirstOrThrow();
      await sendReminders(deps, null, s);
      reminded++;
    }
  }
  return { started, reminded };
}

export function schedulePulse(deps: PulseDeps, log: FastifyBaseLogger, intervalMs = PULSE_INTERVAL_MS) {
  return scheduleJob(
    log,
    {
      failed: 'change-readiness pulse schedule failed',
      task: async () => {
        const r = await runPulseSchedule(deps);
        if (r.started || r.reminded) log.info(r, 'change-readiness pulse: rounds started, reminders sent');
      },
    },
    { firstRunMs: 60_000, intervalMs },
  );
}
