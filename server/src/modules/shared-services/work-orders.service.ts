import {
  AppError,
  billedMonth,
  fieldError,
  isOverdue,
  NEXT_STATUS,
  dueAt as orderDueAt,
  presentCan,
  timeCents,
  type WorkOrderStatus,
  type workEntryCreate,
  type workOrderCreate,
  type workOrderQuery,
  type workOrderUpdate,
} from '@dz/core';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import type { Upload } from '../../lib/upload.js';
import { assertVersion } from '../../lib/versioning.js';
import { appLink, MAILS } from '../../mail/templates.js';
import { loadSettings } from '../finance/finance.service.js';
import { notify } from '../notifications/notify.js';
import { type Db, firstOpenMonth, MAX_ATTACHMENTS, participant, type Study, tasksOf } from './operation.access.js';
import { roleOf } from './studies.service.js';

/**
 * Work orders of a live shared service: partners file them, the team triages them and records time and
 * material. Visibility: a partner sees its own orders, the team every order of its service — and nothing else
 * of the partners.
 */
/** The orders I may see: the team every order of the service, a partner only its own. */
function ordersOf(db: Db, scope: TenantScope, s: Study) {
  let q = db
    .selectFrom('serviceWorkOrders as o')
    .innerJoin('municipalities as m', 'm.id', 'o.municipalityId')
    .leftJoin('users as a', 'a.id', 'o.assigneeId')
    .where('o.studyId', '=', s.id);
  if (!s.onTeam) q = q.where('o.municipalityId', '=', scope.municipalityId);
  return q;
}

const summaryColumns = [
  'o.id',
  'o.number',
  'o.title',
  'o.type',
  'o.municipalityId',
  'm.name as municipality',
  'o.priority',
  'o.status',
  'o.dueOn',
  'o.createdAt',
  'o.doneAt',
  'a.name as assignee',
] as const;

function summary(
  o: {
    id: string;
    number: number;
    title: string;
    type: string;
    municipalityId: string;
    municipality: string;
    priority: z.infer<typeof workOrderCreate>['priority'];
    status: WorkOrderStatus;
    dueOn: string | null;
    createdAt: Date;
    doneAt: Date | null;
    assignee: string | null;
  },
  now: Date,
) {
  return {
    id: o.id,
    number: o.number,
    title: o.title,
    type: o.type,
    municipality: { id: o.municipalityId, name: o.municipality },
    priority: o.priority,
    status: o.status,
    dueAt: orderDueAt(o).toISOString(),
    overdue: isOverdue(o, now),
    assignee: o.assignee,
    createdAt: iso(o.createdAt),
    doneAt: o.doneAt ? iso(o.doneAt) : null,
  };
}

export async function listOrders(deps: Deps, scope: TenantScope, id: string, query: z.infer<typeof workOrderQuery>) {
  const s = await participant(deps.db, scope, id);
  let q = ordersOf(deps.db, scope, s).select(summaryColumns);
  if (query.status === 'open') q = q.where('o.status', 'in', ['new', 'planned', 'in_progress']);
  else if (query.status) q = q.where('o.status', '=', query.status);
  const rows = await q.orderBy('o.createdAt', 'desc').limit(500).execute();
  const now = new Date();
  const can = presentCan(scope, 'studyView', roleOf(scope, s));
  return {
    items: rows.map((o) => summary(o, now)),
    team: Boolean(s.onTeam),
    tasks: tasksOf(s),
    can: { file: can.file, work: can.work },
  };
}

export async function createOrder(deps: Deps, scope: TenantScope, id: string, input: z.infer<typeof workOrderCreate>) {
  return deps.db.transaction().execute(async (trx) => {
    const s = await participant(trx, scope, id);
    authorize(scope, 'studyView', 'file', roleOf(scope, s));
    if (!tasksOf(s).includes(input.type))
      throw fieldError('body.type', 'unknown_type', 'Wählen Sie eine Auftragsart aus dem Katalog des Dienstes.');
    if (input.dueOn && input.dueOn < new Date().toISOString().slice(0, 10))
      throw fieldError('body.dueOn', 'in_past', 'Das Fälligkeitsdatum liegt in der Vergangenheit.');
    // the order's number: one per service, counted on the study row (which also serialises the numbering)
    const { orderSeq } = await trx
      .updateTable('serviceStudies')
      .set((eb) => ({ orderSeq: eb('orderSeq', '+', 1) }))
      .where('id', '=', id)
      .returning('orderSeq')
      .executeTakeFirstOrThrow();
    const orderId = newId();
    await trx
      .insertInto('serviceWorkOrders')
      .values({
        id: orderId,
        studyId: id,
        municipalityId: scope.municipalityId,
        number: orderSeq,
        type: input.type,
        title: input.title,
        description: input.description,
        location: input.location,
        priority: input.priority,
        dueOn: input.dueOn,
        createdBy: scope.user.id,
      })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'service_work_order',
      entityId: orderId,
      municipalityId: scope.municipalityId,
      after: { study: id, number: orderSeq, type: input.type, priority: input.priority },
    });
    return { id: orderId, number: orderSeq };
  });
}

/** One order if I may see it (the team any of its service, a partner its own), else 404. */
async function visibleOrder(db: Db, scope: TenantScope, s: Study, orderId: string) {
  const o = await ordersOf(db, scope, s)
    .leftJoin('users as f', 'f.id', 'o.createdBy')
    .select([...summaryColumns, 'o.version', 'o.description', 'o.location', 'o.rejectReason', 'o.assigneeId'])
    .select(['o.createdBy', 'f.name as filedBy'])
    .where('o.id', '=', orderId)
    .executeTakeFirst();
  if (!o) throw new AppError('not_found');
  return o;
}

export async function getOrder(deps: Deps, scope: TenantScope, id: string, orderId: string) {
  const s = await participant(deps.db, scope, id);
  const o = await visibleOrder(deps.db, scope, s, orderId);
  const can = presentCan(scope, 'studyView', roleOf(scope, s));
  const [entries, attachments, team] = await Promise.all([
    deps.db
      .selectFrom('serviceWorkEntries')
      .select([
        'id',
        'kind',
        'person',
        'payGroup',
        'minutes',
        'label',
        'quantity',
        'cents',
        'workedOn',
        'billedMonth',
        'correctionOf',
        'note',
      ])
      .where('orderId', '=', orderId)
      .where('kind', '<>', 'completion')
      .orderBy('workedOn')
      .orderBy('createdAt')
      .execute(),
    deps.db
      .selectFrom('serviceWorkAttachments')
      .select(['id', 'fileName', 'contentType', 'size'])
      .where('orderId', '=', orderId)
      .orderBy('createdAt')
      .execute(),
    can.work
      ? deps.db
          .selectFrom('serviceTeam as t')
          .innerJoin('users as u', 'u.id', 't.userId')
          .select(['t.userId', 'u.name', 't.payGroup'])
          .where('t.studyId', '=', id)
          .orderBy('u.name')
          .execute()
      : [],
  ]);
  const sum = (kind: 'time' | 'material', f: (e: (typeof entries)[number]) => number) =>
    entries.filter((e) => e.kind === kind).reduce((a, e) => a + f(e), 0);
  const own = o.municipalityId === scope.municipalityId;
  return {
    ...summary(o, new Date()),
    version: o.version,
    studyId: id,
    serviceTitle: s.title,
    description: o.description,
    location: o.location,
    dueOn: o.dueOn,
    rejectReason: o.rejectReason,
    filedBy: o.filedBy,
    assigneeId: o.assigneeId,
    entries: entries.map((e) => ({ ...e, kind: e.kind as 'time' | 'material', cents: Number(e.cents) })),
    attachments,
    totals: {
      minutes: sum('time', (e) => e.minutes),
      timeCents: sum('time', (e) => Number(e.cents)),
      materialCents: sum('material', (e) => Number(e.cents)),
    },
    next: can.work ? [...NEXT_STATUS[o.status]] : [],
    team,
    can: {
      work: can.work,
      attach: (can.work || (own && can.file)) && o.status !== 'done' && o.status !== 'rejected',
    },
  };
}

/**
 * The team triages an order: status (forward through the queue, 409 otherwise), assignee (a team member),
 * priority and due date. Done books the order for its month and tells whoever filed it by email.
 */
export async function updateOrder(
  deps: Deps,
  scope: TenantScope,
  id: string,
  orderId: string,
  input: z.infer<typeof workOrderUpdate>,
) {
  await deps.db.transaction().execute(async (trx) => {
    const s = await participant(trx, scope, id);
    authorize(scope, 'studyView', 'work', roleOf(scope, s));
    const o = await visibleOrder(trx, scope, s, orderId);
    assertVersion(o, input.version);
    if (input.status !== o.status && !NEXT_STATUS[o.status].includes(input.status))
      throw new AppError(
        'conflict',
        o.status === 'done' || o.status === 'rejected'
          ? 'Der Auftrag ist abgeschlossen und lässt sich nicht mehr ändern.'
          : 'Dieser Statuswechsel ist nicht möglich.',
      );
    if (input.assigneeId) {
      const member = await trx
        .selectFrom('serviceTeam')
        .select('userId')
        .where('studyId', '=', id)
        .where('userId', '=', input.assigneeId)
        .executeTakeFirst();
      if (!member)
        throw fieldError('body.assigneeId', 'not_on_team', 'Zuweisen können Sie nur Personen des Service-Teams.');
    }
    const now = new Date();
    const done = input.status === 'done' && o.status !== 'done';
    await trx
      .updateTable('serviceWorkOrders')
      .set((eb) => ({
        status: input.status,
        assigneeId: input.assigneeId,
        priority: input.priority,
        dueOn: input.dueOn,
        rejectReason: input.status === 'rejected' ? input.rejectReason : '',
        doneAt: done ? now : o.doneAt,
        updatedAt: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', orderId)
      .execute();
    if (done) {
      await bookEntry(trx, s, o, {
        kind: 'completion',
        workedOn: now.toISOString().slice(0, 10),
        cents: 0,
        createdBy: scope.user.id,
      });
      const filer = o.createdBy
        ? await trx.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', o.createdBy).executeTakeFirst()
        : undefined;
      if (filer)
        await notify(
          deps,
          trx,
          { userId: filer.id, email: filer.email },
          MAILS.workOrderDone({
            name: filer.name,
            number: o.number,
            title: o.title,
            service: s.title,
            url: appLink(deps.config.publicUrl, `/gemeinsame-dienste/${id}/auftraege/${orderId}`, o.municipalityId),
          }),
          { path: `/gemeinsame-dienste/${id}/auftraege/${orderId}`, municipalityId: o.municipalityId },
        );
    }
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'service_work_order',
      entityId: orderId,
      municipalityId: o.municipalityId,
      before: { status: o.status, assigneeId: o.assigneeId, priority: o.priority },
      after: { status: input.status, assigneeId: input.assigneeId, priority: input.priority },
    });
  });
  return getOrder(deps, scope, id, orderId);
}

/**
 * Books one billable fact for the order's partner in the month it belongs to — or, when that month is closed,
 * in the first open month as a visible correction. Closing a month takes the study row FOR UPDATE; booking
 * takes it FOR SHARE, so no fact slips into a month while it closes.
 */
async function bookEntry(
  trx: Transaction<DB>,
  s: Study,
  o: { id: string; municipalityId: string },
  e: {
    kind: 'completion' | 'time' | 'material';
    workedOn: string;
    cents: number;
    createdBy: string;
    userId?: string;
    person?: string;
    payGroup?: string;
    minutes?: number;
    label?: string;
    quantity?: number;
    note?: string;
  },
) {
  await trx.selectFrom('serviceStudies').select('id').where('id', '=', s.id).forShare().execute();
  const b = billedMonth(e.workedOn.slice(0, 7), await firstOpenMonth(trx, s));
  await trx
    .insertInto('serviceWorkEntries')
    .values({
      id: newId(),
      studyId: s.id,
      orderId: o.id,
      municipalityId: o.municipalityId,
      kind: e.kind,
      userId: e.userId ?? null,
      person: e.person ?? null,
      payGroup: e.payGroup ?? null,
      minutes: e.minutes ?? 0,
      label: e.label ?? null,
      quantity: e.quantity ?? null,
      cents: e.cents,
      workedOn: e.workedOn,
      billedMonth: b.month,
      correctionOf: b.correctionOf,
      note: e.note ?? '',
      createdBy: e.createdBy,
    })
    .execute();
}

/** The team records time (priced by the person's pay group) or material (at cost) on an order. */
export async function addEntry(
  deps: Deps,
  scope: TenantScope,
  id: string,
  orderId: string,
  input: z.infer<typeof workEntryCreate>,
) {
  await deps.db.transaction().execute(async (trx) => {
    const s = await participant(trx, scope, id);
    authorize(scope, 'studyView', 'work', roleOf(scope, s));
    const o = await visibleOrder(trx, scope, s, orderId);
    if (o.status === 'rejected')
      throw new AppError('conflict', 'Auf einen abgelehnten Auftrag lässt sich nichts buchen.');
    if (input.workedOn > new Date().toISOString().slice(0, 10))
      throw fieldError('body.workedOn', 'in_future', 'Das Datum liegt in der Zukunft.');
    if (input.kind === 'time') {
      const member = await trx
        .selectFrom('serviceTeam as t')
        .innerJoin('users as u', 'u.id', 't.userId')
        .select(['u.name', 't.payGroup'])
        .where('t.studyId', '=', id)
        .where('t.userId', '=', input.userId)
        .executeTakeFirst();
      if (!member) throw fieldError('body.userId', 'not_on_team', 'Zeit erfassen Sie für Personen des Service-Teams.');
      const rate = (await loadSettings(trx, s.leadMunicipalityId)).rates.find((r) => r.payGroup === member.payGroup);
      await bookEntry(trx, s, o, {
        kind: 'time',
        workedOn: input.workedOn,
        cents: timeCents(input.minutes, rate?.centsPerHour ?? 0),
        userId: input.userId,
        person: member.name,
        payGroup: member.payGroup,
        minutes: input.minutes,
        note: input.note,
        createdBy: scope.user.id,
      });
    } else {
      await bookEntry(trx, s, o, {
        kind: 'material',
        workedOn: input.workedOn,
        cents: Math.round(input.quantity * input.unitCents),
        label: input.label,
        quantity: input.quantity,
        createdBy: scope.user.id,
      });
    }
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'service_work_entry',
      entityId: orderId,
      municipalityId: o.municipalityId,
      after: { kind: input.kind, workedOn: input.workedOn },
    });
  });
  return getOrder(deps, scope, id, orderId);
}

/** The team removes a wrong entry while its month is open; a closed month is corrected by a new entry. */
export async function deleteEntry(deps: Deps, scope: TenantScope, id: string, orderId: string, entryId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const s = await participant(trx, scope, id);
    authorize(scope, 'studyView', 'work', roleOf(scope, s));
    await visibleOrder(trx, scope, s, orderId);
    await trx.selectFrom('serviceStudies').select('id').where('id', '=', id).forShare().execute();
    const e = await trx
      .selectFrom('serviceWorkEntries')
      .select(['kind', 'billedMonth', 'minutes', 'cents'])
      .where('id', '=', entryId)
      .where('orderId', '=', orderId)
      .where('kind', '<>', 'completion')
      .executeTakeFirst();
    if (!e) throw new AppError('not_found');
    if (e.billedMonth < (await firstOpenMonth(trx, s)))
      throw new AppError(
        'conflict',
        'Der Monat dieser Buchung ist abgeschlossen. Erfassen Sie eine Korrektur im laufenden Monat.',
      );
    await trx.deleteFrom('serviceWorkEntries').where('id', '=', entryId).execute();
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: 'service_work_entry',
      entityId: orderId,
      municipalityId: scope.municipalityId,
      before: { kind: e.kind, minutes: e.minutes, cents: Number(e.cents) },
    });
  });
  return getOrder(deps, scope, id, orderId);
}

/** The filing partner or the team attaches a photo or document to an open order. */
export async function addAttachment(deps: Deps, scope: TenantScope, id: string, orderId: string, file: Upload) {
  const d = await getOrder(deps, scope, id, orderId);
  if (!d.can.attach) throw new AppError('forbidden', 'Dazu fehlt Ihnen die Berechtigung.');
  if (d.attachments.length >= MAX_ATTACHMENTS)
    throw fieldError('body.file', 'too_many', `Ein Auftrag hat höchstens ${MAX_ATTACHMENTS} Anhänge.`);
  const fileName = file.fileName.replace(/[\\/\p{Cc}]/gu, '_').slice(0, 200) || 'datei';
  const attId = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('serviceWorkAttachments')
      .values({
        id: attId,
        orderId,
        fileName,
        contentType: file.contentType,
        size: file.content.length,
        content: file.content,
        createdBy: scope.user.id,
      })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'service_work_attachment',
      entityId: orderId,
      municipalityId: d.municipality.id,
      after: { file: fileName, size: file.content.length },
    });
  });
  return { id: attId };
}

export async function readAttachment(deps: Deps, scope: TenantScope, id: string, orderId: string, attId: string) {
  const s = await participant(deps.db, scope, id);
  await visibleOrder(deps.db, scope, s, orderId);
  const f = await deps.db
    .selectFrom('serviceWorkAttachments')
    .select(['fileName', 'contentType', 'content'])
    .where('id', '=', attId)
    .where('orderId', '=', orderId)
    .executeTakeFirst();
  if (!f) throw new AppError('not_found');
  return f;
}
