import { AppError, fieldError, monthOf, presentCan, type studyAdvance, type teamMemberAdd } from '@dz/core';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { authorize } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { loadSettings } from '../finance/finance.service.js';
import { draftNews } from '../newsroom/drafts.js';
import { participant } from './operation.access.js';
import { serviceOf } from './service-types.service.js';
import { getStudy, membership, roleOf } from './studies.service.js';

/*
 * A shared service on its way to operation: the lead moves the study to agreed and live; each partner's
 * coordination names its colleagues to the service team, with the pay group their time is priced by.
 */

/** The lead moves the study on: agreed (the councils decided), then live from a month (409 out of order). */
export async function advanceStudy(deps: Deps, scope: TenantScope, id: string, input: z.infer<typeof studyAdvance>) {
  await deps.db.transaction().execute(async (trx) => {
    const s = await membership(trx, scope, id);
    authorize(scope, 'studyView', 'advance', roleOf(scope, s));
    assertVersion(s, input.version);
    const from = input.status === 'agreed' ? 'calculation' : 'agreed';
    if (s.status !== from)
      throw new AppError(
        'conflict',
        input.status === 'agreed'
          ? 'Die Studie ist bereits beschlossen.'
          : 'Der Dienst kann erst starten, wenn die Räte die Vereinbarung beschlossen haben.',
      );
    const accepted = await trx
      .selectFrom('serviceStudyPartners')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('studyId', '=', id)
      .where('status', '=', 'accepted')
      .executeTakeFirstOrThrow();
    if (Number(accepted.n) < 2)
      throw new AppError('conflict', 'Ein gemeinsamer Dienst braucht mindestens zwei beteiligte Kommunen.');
    const liveFrom = input.status === 'live' ? (input.liveFrom ?? monthOf(new Date())) : null;
    await trx
      .updateTable('serviceStudies')
      .set((eb) => ({ status: input.status, liveFrom, version: eb('version', '+', 1), updatedAt: new Date() }))
      .where('id', '=', id)
      .execute();
    if (liveFrom) {
      // going live is news in every partner municipality
      const partners = await trx
        .selectFrom('serviceStudyPartners as p')
        .innerJoin('municipalities as m', 'm.id', 'p.municipalityId')
        .select(['p.municipalityId', 'm.name'])
        .where('p.studyId', '=', id)
        .where('p.status', '=', 'accepted')
        .orderBy('p.position')
        .execute();
      const service = serviceOf(s).name;
      for (const p of partners)
        await draftNews(
          trx,
          p.municipalityId,
          { key: id, path: `/gemeinsame-dienste/${id}` },
          {
            kind: 'service_live',
            service,
            partners: partners.map((x) => x.name),
            liveFrom,
          },
        );
    }
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'service_study',
      entityId: id,
      municipalityId: scope.municipalityId,
      before: { status: s.status },
      after: { status: input.status, liveFrom },
    });
  });
  return getStudy(deps, scope, id);
}

export async function getTeam(deps: Deps, scope: TenantScope, id: string) {
  const s = await participant(deps.db, scope, id);
  const manage = presentCan(scope, 'studyView', roleOf(scope, s)).team;
  const [members, candidates, settings] = await Promise.all([
    deps.db
      .selectFrom('serviceTeam as t')
      .innerJoin('users as u', 'u.id', 't.userId')
      .innerJoin('municipalities as m', 'm.id', 't.municipalityId')
      .select(['t.userId', 'u.name', 'm.name as municipality', 't.payGroup', 't.municipalityId'])
      .where('t.studyId', '=', id)
      .orderBy('m.name')
      .orderBy('u.name')
      .execute(),
    manage
      ? deps.db
          .selectFrom('memberships as ms')
          .innerJoin('users as u', 'u.id', 'ms.userId')
          .select(['u.id as userId', 'u.name'])
          .distinct()
          .where('ms.municipalityId', '=', scope.municipalityId)
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('serviceTeam as t')
                  .select('t.userId')
                  .where('t.studyId', '=', id)
                  .whereRef('t.userId', '=', 'u.id'),
              ),
            ),
          )
          .orderBy('u.name')
          .execute()
      : [],
    loadSettings(deps.db, s.leadMunicipalityId),
  ]);
  return {
    members: members.map((m) => ({
      userId: m.userId,
      name: m.name,
      municipality: m.municipality,
      payGroup: m.payGroup,
      own: manage && m.municipalityId === scope.municipalityId,
    })),
    candidates,
    payGroups: settings.rates.map((r) => r.payGroup),
  };
}

/** A partner's coordination names a colleague of its own municipality to the team, priced by a pay group. */
export async function addTeamMember(deps: Deps, scope: TenantScope, id: string, input: z.infer<typeof teamMemberAdd>) {
  await deps.db.transaction().execute(async (trx) => {
    const s = await participant(trx, scope, id);
    authorize(scope, 'studyView', 'team', roleOf(scope, s));
    const colleague = await trx
      .selectFrom('memberships')
      .select('userId')
      .where('userId', '=', input.userId)
      .where('municipalityId', '=', scope.municipalityId)
      .executeTakeFirst();
    if (!colleague) throw fieldError('body.userId', 'unknown_user', 'Wählen Sie eine Person Ihrer eigenen Kommune.');
    const rates = (await loadSettings(trx, s.leadMunicipalityId)).rates;
    if (!rates.some((r) => r.payGroup === input.payGroup))
      throw fieldError(
        'body.payGroup',
        'unknown_pay_group',
        'Diese Entgeltgruppe ist in den Kostensätzen nicht hinterlegt.',
      );
    await trx
      .insertInto('serviceTeam')
      .values({ studyId: id, userId: input.userId, municipalityId: scope.municipalityId, payGroup: input.payGroup })
      .onConflict((oc) => oc.columns(['studyId', 'userId']).doUpdateSet({ payGroup: input.payGroup }))
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'service_team',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: { userId: input.userId, payGroup: input.payGroup },
    });
  });
  return getTeam(deps, scope, id);
}

/** A partner's coordination takes one of its own colleagues off the team (recorded time stays). */
export async function removeTeamMember(deps: Deps, scope: TenantScope, id: string, userId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const s = await participant(trx, scope, id);
    authorize(scope, 'studyView', 'team', roleOf(scope, s));
    const gone = await trx
      .deleteFrom('serviceTeam')
      .where('studyId', '=', id)
      .where('userId', '=', userId)
      .where('municipalityId', '=', scope.municipalityId)
      .executeTakeFirst();
    if (!Number(gone.numDeletedRows)) throw new AppError('not_found');
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: 'service_team',
      entityId: id,
      municipalityId: scope.municipalityId,
      before: { userId },
    });
  });
  return getTeam(deps, scope, id);
}
