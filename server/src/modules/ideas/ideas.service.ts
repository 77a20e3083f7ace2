import { AppError, allows, type IdeaStatus } from '@dz/core';
import { sql } from 'kysely';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { draftNews } from '../newsroom/drafts.js';

function ideasQuery(deps: Deps, scope: TenantScope) {
  return deps.db
    .selectFrom('ideas as i')
    .select([
      'i.id',
      'i.title',
      'i.description',
      'i.status',
      'i.needId',
      'i.createdAt',
      'i.submittedBy',
      'i.version',
      (eb) =>
        eb
          .selectFrom('ideaSupports as s')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('s.ideaId', '=', 'i.id')
          .as('supports'),
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('ideaSupports as s')
              .select('s.ideaId')
              .whereRef('s.ideaId', '=', 'i.id')
              .where('s.userId', '=', scope.user.id),
          )
          .as('supportedByMe'),
      (eb) =>
        eb
          .selectFrom('ideaEvents as e')
          .select('e.reason')
          .whereRef('e.ideaId', '=', 'i.id')
          .orderBy('e.at', 'desc')
          .limit(1)
          .as('lastReason'),
    ])
    .where('i.municipalityId', '=', scope.municipalityId);
}

type Row = Awaited<ReturnType<ReturnType<typeof ideasQuery>['execute']>>[number];
function summary(scope: TenantScope, r: Row) {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    status: r.status,
    supports: Number(r.supports ?? 0),
    supportedByMe: Boolean(r.supportedByMe),
    mine: r.submittedBy === scope.user.id,
    needId: r.needId,
    createdAt: iso(r.createdAt),
    lastReason: r.lastReason ?? '',
  };
}

/** All ideas of the municipality, most supported first; "mine" shows the submitter what became of theirs. */
export async function listIdeas(deps: Deps, scope: TenantScope, mine: boolean) {
  let q = ideasQuery(deps, scope);
  if (mine) q = q.where('i.submittedBy', '=', scope.user.id);
  const rows = await q.orderBy(sql`supports`, 'desc').orderBy('i.createdAt', 'desc').execute();
  return {
    items: rows.map((r) => summary(scope, r)),
    can: presentCan(scope, 'ideas'),
  };
}

export async function getIdea(deps: Deps, scope: TenantScope, id: string) {
  const r = await ideasQuery(deps, scope).where('i.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('not_found');
  const [events, author] = await Promise.all([
    deps.db
      .selectFrom('ideaEvents')
      .select(['at', 'status', 'reason'])
      .where('ideaId', '=', id)
      .orderBy('at')
      .execute(),
    // the submitter's name is shown to coordinators only
    r.submittedBy && allows(scope, 'manage_needs')
      ? deps.db.selectFrom('users').select('name').where('id', '=', r.submittedBy).executeTakeFirst()
      : undefined,
  ]);
  const _manage = allows(scope, 'manage_needs');
  return {
    ...summary(scope, r),
    version: r.version,
    submittedBy: author?.name ?? null,
    events: events.map((e) => ({ at: iso(e.at), status: e.status, reason: e.reason })),
    can: presentCan(scope, 'idea', { submittedBy: r.submittedBy, needId: r.needId }),
  };
}

export async function submitIdea(
  deps: Deps,
  scope: TenantScope,
  input: { title: string; description: string; creditConsent: boolean },
) {
  authorize(scope, 'ideas', 'submit');
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('ideas')
      .values({ id, municipalityId: scope.municipalityId, ...input, submittedBy: scope.user.id })
      .execute();
    await trx
      .insertInto('ideaEvents')
      .values({ id: newId(), ideaId: id, status: 'new', reason: 'Eingereicht', actorId: scope.user.id })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'idea',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: { title: input.title },
    });
  });
  return { id };
}

async function requireIdea(deps: Deps, scope: TenantScope, id: string) {
  const i = await deps.db
    .selectFrom('ideas')
    .selectAll()
    .where('id', '=', id)
    .where('municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (!i) throw new AppError('not_found');
  return i;
}

/** One support per person; nobody supports their own idea. */
export async function support(deps: Deps, scope: TenantScope, id: string, on: boolean) {
  const i = await requireIdea(deps, scope, id);
  authorize(scope, 'ideas', 'submit');
  if (i.submittedBy === scope.user.id) throw new AppError('conflict', 'Eigene Ideen lassen sich nicht unterstützen.');
  if (on)
    await deps.db
      .insertInto('ideaSupports')
      .values({ ideaId: id, userId: scope.user.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
  else await deps.db.deleteFrom('ideaSupports').where('ideaId', '=', id).where('userId', '=', scope.user.id).execute();
  return getIdea(deps, scope, id);
}

export async function changeStatus(
  deps: Deps,
  scope: TenantScope,
  id: string,
  input: { version: number; status: IdeaStatus; reason: string },
) {
  await requireIdea(deps, scope, id);
  authorize(scope, 'ideas', 'manage');
  await deps.db.transaction().execute(async (trx) => {
    const i = await trx.selectFrom('ideas').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    assertVersion(i, input.version, { status: i.status, version: i.version });
    await trx
      .updateTable('ideas')
      .set({ status: input.status, version: i.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('ideaEvents')
      .values({ id: newId(), ideaId: id, status: input.status, reason: input.reason, actorId: scope.user.id })
      .execute();
    if (input.status === 'implemented' && i.status !== 'implemented') {
      // the submitter is named only with their consent, given when they submitted the idea
      const by =
        i.creditConsent && i.submittedBy
          ? await trx.selectFrom('users').select('name').where('id', '=', i.submittedBy).executeTakeFirst()
          : undefined;
      await draftNews(
        trx,
        scope.municipalityId,
        { key: id, path: `/ideen/${id}` },
        {
          kind: 'idea_implemented',
          idea: i.title,
          submitter: by?.name ?? null,
        },
      );
    }
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'idea',
      entityId: id,
      municipalityId: scope.municipalityId,
      before: { status: i.status },
      after: { status: input.status, reason: input.reason },
    });
  });
  return getIdea(deps, scope, id);
}

/** The coordinator turns an idea into a need (source: staff); the submitter reads it in the idea's history. */
export async function toNeed(deps: Deps, scope: TenantScope, id: string, version: number) {
  await requireIdea(deps, scope, id);
  authorize(scope, 'ideas', 'manage');
  const needId = newId();
  await deps.db.transaction().execute(async (trx) => {
    const i = await trx.selectFrom('ideas').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    assertVersion(i, version, { status: i.status, needId: i.needId, version: i.version });
    if (i.needId) throw new AppError('conflict', 'Die Idee ist bereits ein Bedarf.');
    await trx
      .insertInto('needs')
      .values({
        id: needId,
        municipalityId: scope.municipalityId,
        title: i.title,
        description: i.description,
        urgency: 'medium',
        source: 'employee',
        createdBy: scope.user.id,
      })
      .execute();
    await trx
      .updateTable('ideas')
      .set({ status: 'accepted', needId, version: i.version + 1, updatedAt: new Date() })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('ideaEvents')
      .values({
        id: newId(),
        ideaId: id,
        status: 'accepted',
        reason: 'Als Bedarf in das Bedarfsregister übernommen.',
        actorId: scope.user.id,
      })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'need',
      entityId: needId,
      municipalityId: scope.municipalityId,
      after: { title: i.title, source: 'employee', fromIdea: id },
    });
  });
  return getIdea(deps, scope, id);
}
