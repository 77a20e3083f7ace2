import { digestWeek } from '@dz/core';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.js';
import type { MailOutbox } from '../mail/outbox.js';
import { appLink, MAILS } from '../mail/templates.js';
import { readableBy } from '../modules/newsroom/newsroom.access.js';
import { sendNotificationDigests } from './notification-digest.js';
import { scheduleJob } from './schedule.js';

/** Hourly: whoever has not had this week's digest gets it with the first run of the week. */
export const DIGEST_INTERVAL_MS = 3600_000;

/**
 * The weekly news digest: per person and municipality, the posts published for them in the seven days before
 * `now` (all staff, or their department). Nobody gets a mail without news, nobody gets two in one week (the
 * row in news_digests is written in the transaction that queues the mail), and whoever switched it off gets none.
 */
export async function sendNewsDigests(deps: { db: Database; outbox: MailOutbox; publicUrl: string }, now = new Date()) {
  const week = digestWeek(now);
  const since = new Date(now.getTime() - 7 * 86_400_000);
  const rows = await deps.db
    .selectFrom('memberships as ms')
    .innerJoin('users as u', 'u.id', 'ms.userId')
    .innerJoin('municipalities as m', 'm.id', 'ms.municipalityId')
    .innerJoin('newsPosts as p', 'p.municipalityId', 'ms.municipalityId')
    .select(['ms.userId', 'ms.municipalityId', 'u.email', 'u.name', 'm.name as municipality', 'p.id', 'p.title'])
    .where('ms.newsDigest', '=', true)
    .where('p.publishedAt', '>=', since)
    .where('p.publishedAt', '<=', now)
    .where((eb) => readableBy(eb, eb.ref('ms.userId')))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('newsDigests as d')
            .select('d.userId')
            .whereRef('d.userId', '=', 'ms.userId')
            .whereRef('d.municipalityId', '=', 'ms.municipalityId')
            .where('d.week', '=', week),
        ),
      ),
    )
    .orderBy('ms.municipalityId')
    .orderBy('ms.userId')
    .orderBy('p.publishedAt', 'desc')
    .execute();
  const people = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.municipalityId}:${r.userId}`;
    people.set(key, [...(people.get(key) ?? []), r]);
  }
  let sent = 0;
  for (const posts of people.values()) {
    const p = posts[0]!;
    await deps.db.transaction().execute(async (trx) => {
      const r = await trx
        .insertInto('newsDigests')
        .values({ municipalityId: p.municipalityId, userId: p.userId, week, posts: posts.length })
        .onConflict((oc) => oc.doNothing())
        .returning('userId')
        .executeTakeFirst();
      // another instance sent it a moment ago
      if (!r) return;
      await deps.outbox.queue(
        trx,
        p.email,
        MAILS.newsDigest({
          name: p.name,
          municipality: p.municipality,
          posts: posts.map((x) => ({
            title: x.title,
            url: appLink(deps.publicUrl, `/neuigkeiten#${x.id}`, p.municipalityId),
          })),
          settingsUrl: appLink(deps.publicUrl, '/neuigkeiten', p.municipalityId),
        }),
        p.municipalityId,
      );
      sent++;
    });
  }
  return { sent };
}

/** Hourly: the news digest and the notifications' weekly overview, each once a week per person. */
export function scheduleWeeklyDigests(
  deps: { db: Database; outbox: MailOutbox; publicUrl: string },
  log: FastifyBaseLogger,
  intervalMs = DIGEST_INTERVAL_MS,
) {
  return scheduleJob(
    log,
    {
      failed: 'weekly digest failed',
      task: async () => {
        const { sent } = await sendNewsDigests(deps);
        if (sent) log.info({ sent }, 'weekly news digests queued');
        const overviews = await sendNotificationDigests(deps);
        if (overviews.sent) log.info({ sent: overviews.sent }, 'weekly notification overviews queued');
      },
    },
    { firstRunMs: intervalMs, intervalMs },
  );
}
