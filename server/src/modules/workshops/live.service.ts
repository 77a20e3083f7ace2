import { AppError } from '@dz/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../lib/deps.js';
import { hashSecret, newId, newSecret } from '../../lib/ids.js';
import { publishLive } from '../../lib/realtime.js';
import type { Scope } from '../../lib/scope.js';

/** The participant's token also lives in this cookie, so a re-join in the same browser is the same person. */
export const PARTICIPANT_COOKIE = 'dz_participant';

/**
 * Participants join a workshop with its short code and a name, on their own device and without an
 * account. They get a secret token (kept in the browser's session storage, sent as a header, and in an
 * httpOnly cookie) that allows exactly this: read the live agenda, add ideas, cast and withdraw dots.
 *
 * Dot budgets belong to the person, so a re-join must not mint a fresh participant:
 * - signed in (session cookie): one participant per user and workshop, whatever else is sent; a re-join
 *   on any device gets another token for that same participant. An anonymous participant whose token the
 *   user presents is claimed for the user if the user has none yet.
 * - anonymous: a token of this workshop presented on join (header or the participant cookie) names the
 *   same participant, and the same token is returned.
 * Residual risk, accepted: an anonymous joiner who drops both (private window, cleared cookies, another
 * device) cannot be told apart from a new person and gets a new budget, and a signed-in user can do the
 * same by joining without the session. Joins are rate limited per address and counted for the moderator;
 * a workshop whose votes must hold strictly should let only signed-in members vote.
 */
export async function join(
  deps: Deps,
  scope: Scope | null,
  input: { code: string; name: string; organisation: string },
  presented: readonly (string | undefined)[],
) {
  return deps.db.transaction().execute(async (trx) => {
    // the workshop row is locked, so parallel joins of one person cannot both create a participant
    const w = await trx
      .selectFrom('workshops')
      .select(['id', 'status'])
      .where('joinCode', '=', input.code)
      .forUpdate()
      .executeTakeFirst();
    if (!w)
      throw new AppError('validation_failed', 'Diesen Code gibt es nicht.', [
        { path: 'body.code', code: 'unknown_code', message: 'Diesen Code gibt es nicht.' },
      ]);
    if (w.status === 'done') throw new AppError('workshop_closed', 'Der Workshop ist beendet.');
    const held = await heldParticipant(trx, w.id, presented);
    let id: string | undefined;
    if (scope) {
      const mine = await trx
        .selectFrom('workshopParticipants')
        .select('id')
        .where('workshopId', '=', w.id)
        .where('userId', '=', scope.user.id)
        .executeTakeFirst();
      id = mine?.id;
      if (!id && held && held.userId === null) {
        id = held.id;
        await trx.updateTable('workshopParticipants').set({ userId: scope.user.id }).where('id', '=', id).execute();
      }
    } else if (held) id = held.id;
    if (id) {
      await trx
        .updateTable('workshopParticipants')
        .set({ name: input.name, organisation: input.organisation })
        .where('id', '=', id)
        .execute();
    } else {
      id = newId();
      await trx
        .insertInto('workshopParticipants')
        .values({
          id,
          workshopId: w.id,
          name: input.name,
          organisation: input.organisation,
          userId: scope?.user.id ?? null,
        })
        .execute();
    }
    let token = held?.id === id ? held.token : undefined;
    if (!token) {
      token = newSecret();
      await trx
        .insertInto('workshopParticipantTokens')
        .values({ tokenHash: hashSecret(token), participantId: id })
        .execute();
    }
    await publishLive(trx, w.id);
    return { token, workshopId: w.id };
  });
}

/** The participant of workshop `workshopId` that one of the presented tokens belongs to. */
async function heldParticipant(db: Transaction<DB>, workshopId: string, presented: readonly (string | undefined)[]) {
  for (const token of presented) {
    if (!token || token.length > 100) continue;
    const p = await db
      .selectFrom('workshopParticipantTokens as t')
      .innerJoin('workshopParticipants as p', 'p.id', 't.participantId')
      .select(['p.id', 'p.userId'])
      .where('t.tokenHash', '=', hashSecret(token))
      .where('p.workshopId', '=', workshopId)
      .executeTakeFirst();
    if (p) return { ...p, token };
  }
  return undefined;
}

export function setParticipantCookie(reply: FastifyReply, config: Config, token: string) {
  reply.setCookie(PARTICIPANT_COOKIE, token, {
    path: '/api/v1/live',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    maxAge: 7 * 24 * 3600,
  });
}

const participantColumns = [
  'p.id',
  'p.name',
  'p.workshopId',
  'p.userId',
  'w.status',
  'w.votesPerPerson',
  'w.title',
  'w.leitfrage',
  'w.currentItemId',
] as const;

export async function participantOf(deps: Deps, token: string | undefined) {
  if (!token || token.length > 100)
    throw new AppError('unauthenticated', 'Bitte treten Sie dem Workshop mit dem Code bei.');
  const p = await deps.db
    .selectFrom('workshopParticipantTokens as t')
    .innerJoin('workshopParticipants as p', 'p.id', 't.participantId')
    .innerJoin('workshops as w', 'w.id', 'p.workshopId')
    .select(participantColumns)
    .where('t.tokenHash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!p) throw new AppError('unauthenticated', 'Bitte treten Sie dem Workshop mit dem Code bei.');
  return p;
}
export type Participant = Awaited<ReturnType<typeof participantOf>>;

export function tokenOf(req: FastifyRequest): string | undefined {
  const h = req.headers['x-participant-token'];
  if (typeof h === 'string') return h;
  const q = (req.query as Record<string, unknown> | undefined)?.token;
  return typeof q === 'string' ? q : undefined;
}

export async function liveState(deps: Deps, p: Participant) {
  const [items, ideas, mine] = await Promise.all([
    deps.db
      .selectFrom('workshopItems')
      .select(['id', 'kind', 'title'])
      .where('workshopId', '=', p.workshopId)
      .orderBy('position')
      .execute(),
    deps.db
      .selectFrom('workshopIdeas as i')
      .leftJoin('workshopVotes as v', 'v.ideaId', 'i.id')
      .select(['i.id', 'i.itemId', 'i.text', (eb) => eb.fn.count<number>('v.id').as('votes')])
      .where('i.workshopId', '=', p.workshopId)
      .groupBy(['i.id', 'i.itemId', 'i.text', 'i.createdAt'])
      .orderBy('i.createdAt')
      .execute(),
    deps.db
      .selectFrom('workshopVotes')
      .select(['ideaId', 'itemId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('participantId', '=', p.id)
      .groupBy(['ideaId', 'itemId'])
      .execute(),
  ]);
  const mineByIdea = new Map(mine.map((m) => [m.ideaId, Number(m.n)]));
  const usedByItem = new Map<string, number>();
  for (const m of mine) usedByItem.set(m.itemId, (usedByItem.get(m.itemId) ?? 0) + Number(m.n));
  return {
    workshopId: p.workshopId,
    title: p.title,
    leitfrage: p.leitfrage,
    status: p.status,
    currentItemId: p.currentItemId,
    votesPerPerson: p.votesPerPerson,
    me: { name: p.name },
    items: items.map((it) => ({
      id: it.id,
      kind: it.kind,
      title: it.title,
      votesLeft: p.votesPerPerson - (usedByItem.get(it.id) ?? 0),
      ideas: ideas
        .filter((i) => i.itemId === it.id)
        .map((i) => ({ id: i.id, text: i.text, votes: Number(i.votes), mine: mineByIdea.get(i.id) ?? 0 })),
    })),
  };
}

export async function addIdea(deps: Deps, p: Participant, input: { itemId: string; text: string }) {
  if (p.status === 'done') throw new AppError('workshop_closed', 'Der Workshop ist beendet.');
  await deps.db.transaction().execute(async (trx) => {
    const it = await trx
      .selectFrom('workshopItems')
      .select('id')
      .where('id', '=', input.itemId)
      .where('workshopId', '=', p.workshopId)
      .executeTakeFirst();
    if (!it) throw new AppError('not_found');
    await trx
      .insertInto('workshopIdeas')
      .values({ id: newId(), workshopId: p.workshopId, itemId: input.itemId, text: input.text, participantId: p.id })
      .execute();
    await publishLive(trx, p.workshopId);
  });
  return liveState(deps, await participantOfId(deps, p.id));
}

async function participantOfId(deps: Deps, id: string): Promise<Participant> {
  return deps.db
    .selectFrom('workshopParticipants as p')
    .innerJoin('workshops as w', 'w.id', 'p.workshopId')
    .select(participantColumns)
    .where('p.id', '=', id)
    .executeTakeFirstOrThrow();
}

/** One dot on an idea; the participant's dots per topic are limited (locked row, so parallel clicks cannot overspend). */
export async function vote(deps: Deps, p: Participant, ideaId: string) {
  if (p.status !== 'live') throw new AppError('workshop_closed', 'Abstimmen ist nur während des Workshops möglich.');
  await deps.db.transaction().execute(async (trx) => {
    await trx.selectFrom('workshopParticipants').select('id').where('id', '=', p.id).forUpdate().executeTakeFirst();
    const idea = await trx
      .selectFrom('workshopIdeas')
      .select(['id', 'itemId'])
      .where('id', '=', ideaId)
      .where('workshopId', '=', p.workshopId)
      .executeTakeFirst();
    if (!idea) throw new AppError('not_found');
    const used = await trx
      .selectFrom('workshopVotes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('participantId', '=', p.id)
      .where('itemId', '=', idea.itemId)
      .executeTakeFirstOrThrow();
    if (Number(used.n) >= p.votesPerPerson)
      throw new AppError('no_votes_left', 'Sie haben alle Punkte für dieses Thema vergeben.');
    await trx
      .insertInto('workshopVotes')
      .values({ id: newId(), ideaId, itemId: idea.itemId, participantId: p.id })
      .execute();
    await publishLive(trx, p.workshopId);
  });
  return liveState(deps, p);
}

export async function unvote(deps: Deps, p: Participant, ideaId: string) {
  if (p.status !== 'live') throw new AppError('workshop_closed', 'Abstimmen ist nur während des Workshops möglich.');
  await deps.db.transaction().execute(async (trx) => {
    const v = await trx
      .selectFrom('workshopVotes')
      .select('id')
      .where('participantId', '=', p.id)
      .where('ideaId', '=', ideaId)
      .limit(1)
      .executeTakeFirst();
    if (!v) throw new AppError('not_found');
    await trx.deleteFrom('workshopVotes').where('id', '=', v.id).execute();
    await publishLive(trx, p.workshopId);
  });
  return liveState(deps, p);
}

/** Concurrent event streams per holder (a participant, or a signed-in user in one workshop). */
export const MAX_STREAMS = 3;

/**
 * Server-Sent Events: an "update" event whenever anything in the workshop changes (on any app
 * instance: the change arrives through PostgreSQL notifications), a comment line as heartbeat.
 * A holder keeps at most MAX_STREAMS streams open (one per tab or device is plenty); the next gets 429
 * until one closes. The count lives in this instance: behind a load balancer a holder may reach
 * MAX_STREAMS per instance, and a connection that died silently counts until its heartbeat fails.
 */
export function streamUpdates(deps: Deps, reply: FastifyReply, topic: string, holder: string) {
  const release = deps.live.acquire(holder, MAX_STREAMS);
  if (!release)
    throw new AppError(
      'too_many_streams',
      `Sie haben bereits ${MAX_STREAMS} Live-Ansichten dieses Workshops geöffnet. Bitte schließen Sie eine davon und laden Sie die Seite neu.`,
    );
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n\n');
  res.write('event: update\ndata: {}\n\n');
  const unsubscribe = deps.live.subscribe(topic, () => res.write('event: update\ndata: {}\n\n'));
  const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
  // the response closes when the client goes away (or the server shuts down)
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    release();
  });
}
