import {
  AppError,
  assessVat,
  betterKeys,
  evaluate,
  financeSave,
  type Partner,
  poolUncertainty,
  projectCreate,
  recommendLegalForm,
  type Study,
  type StudyRole,
  sensitivity,
  type statusQuoInput,
  type studyCreate,
  type studyUpdate,
} from '@dz/core';
import type { Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import type { ServiceStudies } from '../../db/tables/shared-services.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import type { Scope, TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { MAILS } from '../../mail/templates.js';
import { inviteCoordinators } from '../exchange/exchange.access.js';
import { loadSettings, saveFinance } from '../finance/finance.service.js';
import { createProject } from '../projects/projects.service.js';
import { resolveService, serviceOf } from './service-types.service.js';

type Db = Deps['db'] | Transaction<DB>;

const EMPTY_TARGET = {
  staff: [],
  assets: [],
  fixedCents: 0,
  variableCentsPerUnit: {},
  transitionCents: 0,
  location: '',
};

/** Pay groups must be those of the lead's staff cost rates (the study prices with them). */
function checkPayGroups(staff: { payGroup: string }[], rates: { payGroup: string }[], path: string) {
  const known = new Set(rates.map((r) => r.payGroup));
  const errors = staff.flatMap((p, i) =>
    known.has(p.payGroup)
      ? []
      : [
          {
            path: `${path}.${i}.payGroup`,
            code: 'unknown_pay_group',
            message: 'Diese Entgeltgruppe ist in den Kostensätzen nicht hinterlegt.',
          },
        ],
  );
  if (errors.length) throw new AppError('validation_failed', 'Eine Entgeltgruppe ist unbekannt.', errors);
}

/** The study if my municipality takes part (declined partners no longer see it), else 404. */
export async function membership(db: Db, scope: TenantScope, id: string) {
  const row = await db
    .selectFrom('serviceStudies as s')
    .innerJoin('serviceStudyPartners as p', 'p.studyId', 's.id')
    .selectAll('s')
    .select((eb) => [
      'p.status as myStatus',
      eb
        .exists(
          eb
            .selectFrom('serviceTeam as t')
            .select('t.userId')
            .whereRef('t.studyId', '=', 's.id')
            .where('t.userId', '=', scope.user.id),
        )
        .as('onTeam'),
      eb
        .exists(
          eb
            .selectFrom('serviceStudyPartners as lp')
            .select('lp.studyId')
            .whereRef('lp.studyId', '=', 's.id')
            .where('lp.role', '=', 'lead')
            .where('lp.status', '=', 'accepted'),
        )
        .as('leadAccepted'),
      eb
        .selectFrom('serviceClosedMonths as c')
        .select((c) => c.fn.max('c.month').as('m'))
        .whereRef('c.studyId', '=', 's.id')
        .as('lastClosed'),
    ])
    .where('s.id', '=', id)
    .where('p.municipalityId', '=', scope.municipalityId)
    .where('p.status', '<>', 'declined')
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

export const roleOf = (
  scope: TenantScope,
  s: {
    leadMunicipalityId: string;
    myStatus: StudyRole['myStatus'];
    status: StudyRole['status'];
    onTeam: unknown;
    leadAccepted: unknown;
  },
): StudyRole => ({
  isLead: s.leadMunicipalityId === scope.municipalityId,
  myStatus: s.myStatus,
  status: s.status,
  onTeam: Boolean(s.onTeam),
  leadAccepted: Boolean(s.leadAccepted),
});

export async function listStudies(deps: Deps, scope: TenantScope) {
  const rows = await deps.db
    .selectFrom('serviceStudies as s')
    .innerJoin('serviceStudyPartners as p', 'p.studyId', 's.id')
    .innerJoin('municipalities as l', 'l.id', 's.leadMunicipalityId')
    .select((eb) => [
      's.id',
      's.title',
      's.serviceKey',
      's.service',
      's.status',
      's.updatedAt',
      'l.name as lead',
      'p.status as myStatus',
      eb
        .selectFrom('serviceStudyPartners as x')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('x.studyId', '=', 's.id')
        .where('x.status', '<>', 'declined')
        .as('partners'),
    ])
    .where('p.municipalityId', '=', scope.municipalityId)
    .where('p.status', '<>', 'declined')
    .orderBy('s.updatedAt', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      serviceName: serviceOf(r).name,
      lead: r.lead,
      partners: Number(r.partners ?? 0),
      status: r.status,
      myStatus: r.myStatus,
      updatedAt: iso(r.updatedAt),
    })),
    can: presentCan(scope, 'studies'),
  };
}

export async function createStudy(deps: Deps, scope: TenantScope, input: z.infer<typeof studyCreate>) {
  authorize(scope, 'studies', 'create');
  return insertStudy(deps, scope, input, { leadId: scope.municipalityId, networkId: null });
}

/**
 * Writes a new study and invites the partners' coordinations. Started by a coordinator, her municipality leads
 * and takes part; started by a network's moderation, the named lead is invited like every partner.
 */
export async function insertStudy(
  deps: Deps,
  scope: Scope,
  input: z.infer<typeof studyCreate>,
  by: { leadId: string; networkId: string | null },
) {
  const others = [...new Set(input.partnerIds)].filter((m) => m !== by.leadId);
  if (!others.length)
    throw new AppError('validation_failed', 'Laden Sie mindestens eine andere Kommune ein.', [
      { path: 'body.partnerIds', code: 'too_small', message: 'Laden Sie mindestens eine andere Kommune ein.' },
    ]);
  const known = await deps.db.selectFrom('municipalities').select('id').where('id', 'in', others).execute();
  if (known.length !== others.length)
    throw new AppError('validation_failed', 'Eine der eingeladenen Kommunen gibt es nicht.', [
      {
        path: 'body.partnerIds',
        code: 'unknown_municipality',
        message: 'Eine der eingeladenen Kommunen gibt es nicht.',
      },
    ]);
  const service = await resolveService(deps.db, scope, input.serviceKey, by.networkId ?? undefined);
  const id = newId();
  const leadAccepts = by.networkId === null;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('serviceStudies')
      .values({
        id,
        leadMunicipalityId: by.leadId,
        networkId: by.networkId,
        title: input.title,
        serviceKey: input.serviceKey,
        service: service ? JSON.stringify(service) : null,
        allocation: JSON.stringify({
          key: 'population',
          unit: serviceOf({ serviceKey: input.serviceKey, service }).units[0] ?? 'cases',
          baseShare: 0.3,
        }),
        createdBy: scope.user.id,
      })
      .execute();
    await trx
      .insertInto('serviceStudyPartners')
      .values(
        [by.leadId, ...others].map((m, position) => ({
          studyId: id,
          municipalityId: m,
          role: position === 0 ? ('lead' as const) : ('partner' as const),
          status: position === 0 && leadAccepts ? ('accepted' as const) : ('invited' as const),
          position,
        })),
      )
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'service_study',
      entityId: id,
      municipalityId: by.leadId,
      after: { title: input.title, service: input.serviceKey, partners: others.length + 1, network: by.networkId },
    });
  });
  const invited = leadAccepts ? others : [by.leadId, ...others];
  await inviteCoordinators(
    deps,
    by.networkId ? { network: by.networkId } : { municipality: by.leadId },
    invited,
    `/gemeinsame-dienste/${id}`,
    (p) => MAILS.studyInvitation({ ...p, title: input.title }),
  );
  return { id };
}

/**
 * The study as core computes it: the accepted partners in their order (status quo, population, custom
 * percentage), the target model (a new study's is '{}' until the lead first saves it) and the lead's cost rates.
 */
export function studyModel(
  s: Pick<
    Selectable<ServiceStudies>,
    'target' | 'allocation' | 'hoursPerFte' | 'vatTaxable' | 'discountRate' | 'horizonYears'
  >,
  inPool: { name: string; population: number | null; customPercent: number; statusQuo: Partner['statusQuo'] | null }[],
  rates: { payGroup: string; centsPerHour: number }[],
): Study {
  return {
    partners: inPool.map(
      (p): Partner => ({
        name: p.name,
        population: p.population ?? 0,
        customPercent: p.customPercent,
        statusQuo: p.statusQuo ?? { staff: [], assets: [], materialCents: 0, otherCents: 0, volumes: {} },
      }),
    ),
    target: { ...EMPTY_TARGET, ...(s.target as Partial<typeof s.target>) },
    allocation: s.allocation,
    rates: Object.fromEntries(rates.map((r) => [r.payGroup, r.centsPerHour])),
    hoursPerFte: s.hoursPerFte,
    vatTaxable: s.vatTaxable,
    discountRate: s.discountRate,
    horizonYears: s.horizonYears,
  };
}

export async function getStudy(deps: Deps, scope: TenantScope, id: string) {
  const s = await membership(deps.db, scope, id);
  const [partners, settings, network] = await Promise.all([
    deps.db
      .selectFrom('serviceStudyPartners as p')
      .innerJoin('municipalities as m', 'm.id', 'p.municipalityId')
      .select([
        'p.municipalityId',
        'p.role',
        'p.status',
        'p.customPercent',
        'p.statusQuo',
        'p.statusQuoVersion',
        'm.name',
        'm.population',
      ])
      .where('p.studyId', '=', id)
      .orderBy('p.position')
      .execute(),
    loadSettings(deps.db, s.leadMunicipalityId),
    s.networkId
      ? deps.db.selectFrom('networks').select(['id', 'name']).where('id', '=', s.networkId).executeTakeFirst()
      : undefined,
  ]);
  // a study a network's moderation started shows its inputs, the lead's cost rates and the figures only once
  // the named lead has accepted too: until then nobody has agreed to price it with the lead's rates
  const accepted = s.myStatus === 'accepted' && Boolean(s.leadAccepted);
  const inPool = partners.filter((p) => p.status === 'accepted');
  const study = studyModel(s, inPool, settings.rates);
  // a new study's target model is '{}' until the lead first saves it
  const target = { ...EMPTY_TARGET, ...(s.target as Partial<typeof s.target>) };
  // the figures and every partner's inputs are for the accepted participants only
  const computed = accepted && inPool.length >= 2;
  const f = computed ? evaluate(study) : null;
  const sens = computed ? sensitivity(study) : null;
  const withIds = (x: ReturnType<typeof evaluate>, ids: string[]) => ({
    ...x,
    partners: x.partners.map((p, i) => ({ ...p, municipalityId: ids[i]! })),
  });
  const ids = inPool.map((p) => p.municipalityId);
  const { partners: _p1, ...down } = sens?.volumesDown ?? { partners: [] };
  const { partners: _p2, ...up } = sens?.volumesUp ?? { partners: [] };
  return {
    id: s.id,
    version: s.version,
    title: s.title,
    serviceKey: s.serviceKey,
    serviceName: serviceOf(s).name,
    serviceUnits: [...serviceOf(s).units],
    serviceTasks: [...serviceOf(s).tasks],
    status: s.status,
    liveFrom: s.liveFrom,
    lead: { id: s.leadMunicipalityId, name: partners.find((p) => p.role === 'lead')?.name ?? '' },
    network: network ?? null,
    // an invited partner sees who takes part and what the study is about — none of the inputs
    target: accepted ? target : EMPTY_TARGET,
    allocation: accepted ? s.allocation : { ...s.allocation, key: 'population' as const, baseShare: 0.3 },
    vatTaxable: accepted && s.vatTaxable,
    legalAnswers: accepted ? s.legalAnswers : {},
    vatAnswers: accepted ? s.vatAnswers : {},
    legalForms: recommendLegalForm(accepted ? s.legalAnswers : {}),
    vat: assessVat(accepted ? s.vatAnswers : {}),
    // defaults until the lead sets the terms: from 1 January of next year, five years, twelve months' notice
    agreement: {
      startsOn: `${new Date().getFullYear() + 1}-01-01`,
      termYears: 5,
      noticeMonths: 12,
      ...(accepted ? s.agreement : {}),
    },
    hoursPerFte: s.hoursPerFte,
    discountRate: s.discountRate,
    horizonYears: s.horizonYears,
    rates: accepted ? settings.rates : [],
    partners: partners.map((p) => ({
      municipalityId: p.municipalityId,
      name: p.name,
      population: p.population ?? 0,
      role: p.role,
      status: p.status,
      customPercent: accepted ? p.customPercent : 0,
      statusQuo: accepted && p.status === 'accepted' ? p.statusQuo : null,
      statusQuoVersion: accepted ? p.statusQuoVersion : 0,
    })),
    figures: f ? withIds(f, ids) : null,
    betterKeys: f?.partners.some((p) => p.worseOff) ? betterKeys(study) : [],
    sensitivity: sens
      ? {
          volumesDown: down as never,
          volumesUp: up as never,
          leavers: sens.leavers.map((l, i) => ({
            leaves: l.leaves,
            figures: withIds(
              l.figures,
              ids.filter((_, j) => j !== i),
            ),
          })),
        }
      : null,
    uncertainty: computed ? poolUncertainty(study) : null,
    myStatus: s.myStatus,
    can: presentCan(scope, 'studyView', roleOf(scope, s)),
  };
}

/** The lead changes the target model, the key and the economic settings (a stale version gets 409). */
export async function updateStudy(deps: Deps, scope: TenantScope, id: string, input: z.infer<typeof studyUpdate>) {
  await deps.db.transaction().execute(async (trx) => {
    const s = await membership(trx, scope, id);
    authorize(scope, 'studyView', 'edit', roleOf(scope, s));
    assertVersion(s, input.version);
    checkPayGroups(input.target.staff, (await loadSettings(trx, s.leadMunicipalityId)).rates, 'body.target.staff');
    if (input.allocation.key === 'custom') {
      const accepted = await trx
        .selectFrom('serviceStudyPartners')
        .select('municipalityId')
        .where('studyId', '=', id)
        .where('status', '=', 'accepted')
        .execute();
      const keys = Object.keys(input.customPercents).sort();
      if (JSON.stringify(keys) !== JSON.stringify(accepted.map((a) => a.municipalityId).sort()))
        throw new AppError('validation_failed', 'Geben Sie für jede teilnehmende Kommune einen Anteil an.', [
          {
            path: 'body.customPercents',
            code: 'partners',
            message: 'Geben Sie für jede teilnehmende Kommune einen Anteil an.',
          },
        ]);
    }
    const updated = await trx
      .updateTable('serviceStudies')
      .set({
        title: input.title,
        target: JSON.stringify(input.target),
        allocation: JSON.stringify(input.allocation),
        vatTaxable: input.vatTaxable,
        legalAnswers: JSON.stringify(input.legalAnswers),
        vatAnswers: JSON.stringify(input.vatAnswers),
        ...(input.agreement ? { agreement: JSON.stringify(input.agreement) } : {}),
        hoursPerFte: input.hoursPerFte,
        discountRate: input.discountRate,
        horizonYears: input.horizonYears,
        version: s.version + 1,
        updatedAt: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) assertVersion({ version: -1 }, input.version);
    for (const [municipalityId, percent] of Object.entries(input.customPercents))
      await trx
        .updateTable('serviceStudyPartners')
        .set({ customPercent: percent })
        .where('studyId', '=', id)
        .where('municipalityId', '=', municipalityId)
        .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'service_study',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: { key: input.allocation.key, vatTaxable: input.vatTaxable },
    });
  });
  return getStudy(deps, scope, id);
}

/** A partner enters its own status quo; the version guards it against a colleague's parallel edit. */
export async function saveStatusQuo(deps: Deps, scope: TenantScope, id: string, input: z.infer<typeof statusQuoInput>) {
  await deps.db.transaction().execute(async (trx) => {
    const s = await membership(trx, scope, id);
    if (s.myStatus === 'accepted' && !s.leadAccepted)
      throw new AppError(
        'conflict',
        'Ihren Ist-Stand tragen Sie ein, sobald die federführende Kommune zugesagt hat: Die Studie rechnet mit ihren Personalkostensätzen.',
      );
    authorize(scope, 'studyView', 'statusQuo', roleOf(scope, s));
    checkPayGroups(input.staff, (await loadSettings(trx, s.leadMunicipalityId)).rates, 'body.staff');
    const { version, ...statusQuo } = input;
    const r = await trx
      .updateTable('serviceStudyPartners')
      .set({ statusQuo: JSON.stringify(statusQuo), statusQuoVersion: version + 1 })
      .where('studyId', '=', id)
      .where('municipalityId', '=', scope.municipalityId)
      .where('statusQuoVersion', '=', version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) {
      const cur = await trx
        .selectFrom('serviceStudyPartners')
        .select('statusQuoVersion')
        .where('studyId', '=', id)
        .where('municipalityId', '=', scope.municipalityId)
        .executeTakeFirstOrThrow();
      assertVersion({ version: cur.statusQuoVersion }, version);
    }
    await trx.updateTable('serviceStudies').set({ updatedAt: new Date() }).where('id', '=', id).execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'service_study_status_quo',
      entityId: id,
      municipalityId: scope.municipalityId,
    });
  });
  return getStudy(deps, scope, id);
}

/** An invited partner accepts or declines (declined: the study disappears for it). */
export async function answerStudy(deps: Deps, scope: TenantScope, id: string, accept: boolean) {
  await deps.db.transaction().execute(async (trx) => {
    const s = await membership(trx, scope, id);
    authorize(scope, 'studyView', 'answer', roleOf(scope, s));
    const r = await trx
      .updateTable('serviceStudyPartners')
      .set({ status: accept ? 'accepted' : 'declined' })
      .where('studyId', '=', id)
      .where('municipalityId', '=', scope.municipalityId)
      .where('status', '=', 'invited')
      .executeTakeFirst();
    // a colleague answered a moment ago: the first answer stands
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('conflict', 'Ihre Kommune hat bereits geantwortet.');
    // a study a network's moderation started ends when the lead it named declines (its moderation sees why)
    if (!accept && s.leadMunicipalityId === scope.municipalityId)
      await trx.updateTable('serviceStudyPartners').set({ status: 'declined' }).where('studyId', '=', id).execute();
    await trx.updateTable('serviceStudies').set({ updatedAt: new Date() }).where('id', '=', id).execute();
    await writeAudit(trx, scope, {
      action: accept ? 'accept' : 'decline',
      entity: 'service_study',
      entityId: id,
      municipalityId: scope.municipalityId,
    });
  });
  return { ok: true as const };
}

/** The draft agreement of a study (accepted participants, once there are figures): its model for DOCX and PDF. */
export async function agreementOf(deps: Deps, scope: TenantScope, id: string) {
  const d = await getStudy(deps, scope, id);
  if (!d.figures)
    throw new AppError('conflict', 'Den Vertragsentwurf gibt es, sobald mindestens zwei Kommunen zugesagt haben.');
  return d;
}

/**
 * One council paper per partner through the decision-paper module: my municipality gets a project for its
 * decision whose finances are its share (the transition share once, the annual share as running cost, today's
 * own cost as the benefit that falls away), so the paper's financial effects come from the study. Made once;
 * later calls answer with the same project.
 */
export async function prepareCouncilPaper(deps: Deps, scope: TenantScope, id: string) {
  const d = await getStudy(deps, scope, id);
  authorize(scope, 'projects', 'create');
  const mine = d.figures?.partners.find((p) => p.municipalityId === scope.municipalityId);
  if (!mine)
    throw new AppError('conflict', 'Die Beschlussvorlage gibt es, sobald mindestens zwei Kommunen zugesagt haben.');
  const linked = await deps.db
    .selectFrom('serviceStudyPartners as p')
    .innerJoin('projects as x', 'x.id', 'p.projectId')
    .select('x.id')
    .where('p.studyId', '=', id)
    .where('p.municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (linked) return { projectId: linked.id };
  const point = (cents: number) => ({ min: cents, likely: cents, max: cents });
  // checked before anything is written: shares beyond the finance limits are a 409 with a reason, never a 500
  const finance = financeSave.safeParse({
    version: 0,
    costs: [
      ...(mine.transitionCents > 0
        ? [
            {
              kind: 'one_time',
              category: 'implementation',
              label: 'Anteil an den Umstellungskosten des gemeinsamen Dienstes',
              year: 0,
              ...point(mine.transitionCents),
            },
          ]
        : []),
      {
        kind: 'recurring',
        category: 'operation',
        label: `Kostenanteil am gemeinsamen Dienst ${d.serviceName} pro Jahr`,
        year: 1,
        ...point(mine.pooledGrossCents),
      },
    ],
    benefits: [{ label: 'Wegfallende eigene Kosten der Aufgabe (heutiger Aufwand)', centsPerYear: mine.aloneCents }],
  });
  if (!finance.success)
    throw new AppError(
      'conflict',
      'Die Beträge dieser Studie sind zu groß für eine Beschlussvorlage; prüfen Sie die Eingaben.',
    );
  const others = d.partners.filter((p) => p.status === 'accepted' && p.municipalityId !== scope.municipalityId);
  const { id: projectId } = await createProject(
    deps,
    scope,
    projectCreate.parse({
      title: d.title.slice(0, 200),
      description: `Beitritt zum gemeinsamen Dienst „${d.serviceName}“ mit ${others.map((p) => p.name).join(', ')} (Machbarkeitsstudie unter Federführung von ${d.lead.name}). Kosten und Nutzen sind der Anteil unserer Kommune nach der Studie.`,
      phase: 'planning',
      startsOn: d.agreement.startsOn,
    }),
  );
  try {
    await saveFinance(deps, scope, projectId, finance.data);
    const won = await deps.db
      .updateTable('serviceStudyPartners')
      .set({ projectId })
      .where('studyId', '=', id)
      .where('municipalityId', '=', scope.municipalityId)
      .where((eb) =>
        eb.or([eb('projectId', 'is', null), eb('projectId', 'not in', eb.selectFrom('projects').select('id'))]),
      )
      .executeTakeFirst();
    if (Number(won.numUpdatedRows) !== 1)
      throw new AppError('conflict', 'Ein Kollege hat die Vorlage gerade angelegt.');
  } catch (err) {
    // no half-made project: the project goes again when its finances or the link could not be saved (directly:
    // a mayor may create projects but not delete them)
    await deps.db.deleteFrom('projects').where('id', '=', projectId).execute();
    throw err;
  }
  return { projectId };
}
