import { AppError, DEFAULT_FIELDS_OF_ACTION, fieldError, PROJECT_PHASE_LABELS, type targetPictureSave } from '@dz/core';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import { deDate, deNumber, hbars, renderPdf } from '../../lib/pdf.js';
import type { TenantScope } from '../../lib/scope.js';

type Save = z.infer<typeof targetPictureSave>;

/**
 * The municipality's target picture. Before the first save it is the default set of fields of action
 * (version 0, ids assigned now, persisted by the first save).
 */
export async function getTargetPicture(deps: Deps, scope: TenantScope) {
  const mid = scope.municipalityId;
  const [tp, fields, needs] = await Promise.all([
    deps.db.selectFrom('targetPictures').selectAll().where('municipalityId', '=', mid).executeTakeFirst(),
    deps.db.selectFrom('fieldsOfAction').selectAll().where('municipalityId', '=', mid).orderBy('position').execute(),
    deps.db
      .selectFrom('needs')
      .select(['id', 'title', 'status'])
      .where('municipalityId', '=', mid)
      .where('status', '<>', 'merged')
      .orderBy('title')
      .execute(),
  ]);
  const can_ = presentCan(scope, 'targetPicture');
  if (!tp)
    return {
      version: 0,
      vision: '',
      fields: DEFAULT_FIELDS_OF_ACTION.map((f) => ({ id: newId(), ...f, goals: [] })),
      needs,
      can: can_,
    };
  const fieldIds = fields.map((f) => f.id);
  const goals = fieldIds.length
    ? await deps.db.selectFrom('goals').selectAll().where('fieldId', 'in', fieldIds).orderBy('position').execute()
    : [];
  const goalIds = goals.map((g) => g.id);
  const [links, indicators] = goalIds.length
    ? await Promise.all([
        deps.db.selectFrom('goalNeeds').selectAll().where('goalId', 'in', goalIds).execute(),
        deps.db.selectFrom('indicators').selectAll().where('goalId', 'in', goalIds).orderBy('position').execute(),
      ])
    : [[], []];
  const indicatorIds = indicators.map((i) => i.id);
  const values = indicatorIds.length
    ? await deps.db
        .selectFrom('indicatorValues')
        .selectAll()
        .where('indicatorId', 'in', indicatorIds)
        .orderBy('measuredOn')
        .execute()
    : [];
  return {
    version: tp.version,
    vision: tp.vision,
    fields: fields.map((f) => ({
      id: f.id,
      name: f.name,
      description: f.description,
      goals: goals
        .filter((g) => g.fieldId === f.id)
        .map((g) => ({
          id: g.id,
          title: g.title,
          description: g.description,
          needIds: links.filter((l) => l.goalId === g.id).map((l) => l.needId),
          indicators: indicators
            .filter((i) => i.goalId === g.id)
            .map((i) => ({
              id: i.id,
              name: i.name,
              unit: i.unit,
              baseline: i.baseline,
              target: i.target,
              targetDate: i.targetDate,
              values: values
                .filter((v) => v.indicatorId === i.id)
                .map((v) => ({ id: v.id, measuredOn: v.measuredOn, value: v.value })),
            })),
        })),
    })),
    needs,
    can: can_,
  };
}

/**
 * Saves the whole document in one transaction: items keep their ids (so measured values stay with their
 * indicator), new items get ids, items left out are deleted. A stale version gets 409.
 */
export async function saveTargetPicture(deps: Deps, scope: TenantScope, input: Save) {
  authorize(scope, 'targetPicture', 'edit');
  const mid = scope.municipalityId;
  await deps.db.transaction().execute(async (trx) => {
    const tp = await trx
      .selectFrom('targetPictures')
      .selectAll()
      .where('municipalityId', '=', mid)
      .forUpdate()
      .executeTakeFirst();
    const current = tp?.version ?? 0;
    if (current !== input.version)
      throw new AppError('version_conflict', 'Der Datensatz wurde inzwischen von jemand anderem geändert.', [], {
        currentVersion: current,
      });
    if (tp)
      await trx
        .updateTable('targetPictures')
        .set({ vision: input.vision, version: current + 1, updatedAt: new Date() })
        .where('municipalityId', '=', mid)
        .execute();
    else await trx.insertInto('targetPictures').values({ municipalityId: mid, vision: input.vision }).execute();
    // ids must belong to this municipality's document (never adopt foreign rows)
    const ownFields = new Set(
      (await trx.selectFrom('fieldsOfAction').select('id').where('municipalityId', '=', mid).execute()).map(
        (f) => f.id,
      ),
    );
    const ownGoals = new Set(
      ownFields.size
        ? (
            await trx
              .selectFrom('goals')
              .select('id')
              .where('fieldId', 'in', [...ownFields])
              .execute()
          ).map((g) => g.id)
        : [],
    );
    const ownIndicators = new Set(
      ownGoals.size
        ? (
            await trx
              .selectFrom('indicators')
              .select('id')
              .where('goalId', 'in', [...ownGoals])
              .execute()
          ).map((i) => i.id)
        : [],
    );
    const needIds = new Set(
      (await trx.selectFrom('needs').select('id').where('municipalityId', '=', mid).execute()).map((n) => n.id),
    );
    const keepFields: string[] = [];
    const keepGoals: string[] = [];
    const keepIndicators: string[] = [];
    const known = (id: string | undefined, own: Set<string>) => (id && own.has(id) ? id : null);
    for (const [fi, f] of input.fields.entries()) {
      const fid = known(f.id, ownFields) ?? newId();
      keepFields.push(fid);
      const frow = { name: f.name, description: f.description, position: fi + 1 };
      if (ownFields.has(fid)) await trx.updateTable('fieldsOfAction').set(frow).where('id', '=', fid).execute();
      else
        await trx
          .insertInto('fieldsOfAction')
          .values({ id: fid, municipalityId: mid, ...frow })
          .execute();
      for (const [gi, g] of f.goals.entries()) {
        const gid = known(g.id, ownGoals) ?? newId();
        keepGoals.push(gid);
        const grow = { fieldId: fid, title: g.title, description: g.description, position: gi + 1 };
        if (ownGoals.has(gid)) await trx.updateTable('goals').set(grow).where('id', '=', gid).execute();
        else
          await trx
            .insertInto('goals')
            .values({ id: gid, ...grow })
            .execute();
        const bad = g.needIds.findIndex((n) => !needIds.has(n));
        if (bad >= 0)
          throw fieldError(
            `body.fields.${fi}.goals.${gi}.needIds.${bad}`,
            'unknown_need',
            'Diesen Bedarf gibt es nicht.',
          );
        await trx.deleteFrom('goalNeeds').where('goalId', '=', gid).execute();
        const uniqueNeeds = [...new Set(g.needIds)];
        if (uniqueNeeds.length)
          await trx
            .insertInto('goalNeeds')
            .values(uniqueNeeds.map((needId) => ({ goalId: gid, needId })))
            .execute();
        for (const [ii, ind] of g.indicators.entries()) {
          const iid = known(ind.id, ownIndicators) ?? newId();
          keepIndicators.push(iid);
          const irow = {
            goalId: gid,
            position: ii + 1,
            name: ind.name,
            unit: ind.unit,
            baseline: ind.baseline,
            target: ind.target,
            targetDate: ind.targetDate,
          };
          if (ownIndicators.has(iid)) await trx.updateTable('indicators').set(irow).where('id', '=', iid).execute();
          else
            await trx
              .insertInto('indicators')
              .values({ id: iid, ...irow })
              .execute();
        }
      }
    }
    const gone = <T extends string>(own: Set<T>, keep: string[]) => [...own].filter((x) => !keep.includes(x));
    const dropIndicators = gone(ownIndicators, keepIndicators);
    if (dropIndicators.length) await trx.deleteFrom('indicators').where('id', 'in', dropIndicators).execute();
    const dropGoals = gone(ownGoals, keepGoals);
    if (dropGoals.length) await trx.deleteFrom('goals').where('id', 'in', dropGoals).execute();
    const dropFields = gone(ownFields, keepFields);
    if (dropFields.length) await trx.deleteFrom('fieldsOfAction').where('id', 'in', dropFields).execute();
    await writeAudit(trx, scope, {
      action: tp ? 'update' : 'create',
      entity: 'target_picture',
      entityId: mid,
      municipalityId: mid,
      after: { fields: input.fields.length, goals: keepGoals.length, indicators: keepIndicators.length },
    });
  });
  return getTargetPicture(deps, scope);
}

async function ownIndicator(deps: Deps, scope: TenantScope, indicatorId: string) {
  const row = await deps.db
    .selectFrom('indicators as i')
    .innerJoin('goals as g', 'g.id', 'i.goalId')
    .innerJoin('fieldsOfAction as f', 'f.id', 'g.fieldId')
    .select('i.id')
    .where('i.id', '=', indicatorId)
    .where('f.municipalityId', '=', scope.municipalityId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
}

export async function addValue(
  deps: Deps,
  scope: TenantScope,
  indicatorId: string,
  input: { measuredOn: string; value: number },
) {
  await ownIndicator(deps, scope, indicatorId);
  authorize(scope, 'targetPicture', 'edit');
  await deps.db.transaction().execute(async (trx) => {
    const id = newId();
    await trx
      .insertInto('indicatorValues')
      .values({ id, indicatorId, ...input })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'indicator_value',
      entityId: id,
      municipalityId: scope.municipalityId,
      after: input,
    });
  });
  return getTargetPicture(deps, scope);
}

export async function deleteValue(deps: Deps, scope: TenantScope, valueId: string) {
  const v = await deps.db
    .selectFrom('indicatorValues')
    .select(['id', 'indicatorId', 'value', 'measuredOn'])
    .where('id', '=', valueId)
    .executeTakeFirst();
  if (!v) throw new AppError('not_found');
  await ownIndicator(deps, scope, v.indicatorId);
  authorize(scope, 'targetPicture', 'edit');
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('indicatorValues').where('id', '=', valueId).execute();
    await writeAudit(trx, scope, {
      action: 'delete',
      entity: 'indicator_value',
      entityId: valueId,
      municipalityId: scope.municipalityId,
      before: { value: v.value, measuredOn: v.measuredOn },
    });
  });
  return getTargetPicture(deps, scope);
}

/** The target picture as a PDF a council can adopt: vision, fields of action, goals with needs and indicators. */
export async function targetPicturePdf(deps: Deps, scope: TenantScope): Promise<Buffer> {
  const tp = await getTargetPicture(deps, scope);
  const muni = await deps.db
    .selectFrom('municipalities')
    .select(['name', 'population'])
    .where('id', '=', scope.municipalityId)
    .executeTakeFirstOrThrow();
  const needTitle = new Map(tp.needs.map((n) => [n.id, n.title]));
  // the projects that carry each goal (traceability for the council)
  const goalProjects = await deps.db
    .selectFrom('projectGoals as pg')
    .innerJoin('projects as p', 'p.id', 'pg.projectId')
    .select(['pg.goalId', 'p.title', 'p.phase'])
    .where('p.municipalityId', '=', scope.municipalityId)
    .where('p.phase', '<>', 'stopped')
    .orderBy('p.title')
    .execute();
  const content: unknown[] = [
    { text: 'Zielbild Digitalisierung – Entwurf zur Beratung und Beschlussfassung', style: 'kicker' },
    { text: muni.name, style: 'h1' },
    {
      text:
        tp.version === 0
          ? 'Noch nicht gespeichert: Vorschlag mit Standard-Handlungsfeldern.'
          : `Fassung ${tp.version}, Stand ${deDate(new Date().toISOString().slice(0, 10))}`,
      margin: [0, 0, 0, 8],
    },
  ];
  if (tp.vision)
    content.push(
      { text: 'Vision', style: 'h2' },
      {
        table: { widths: ['*'], body: [[{ text: tp.vision, margin: [6, 6, 6, 6] }]] },
        layout: { fillColor: () => '#e6eef8', hLineWidth: () => 0, vLineWidth: () => 0 },
      },
    );
  for (const [fi, f] of tp.fields.entries()) {
    content.push({ text: `${fi + 1}. Handlungsfeld: ${f.name}`, style: 'h2' });
    if (f.description) content.push({ text: f.description, color: '#4a5260' });
    if (f.goals.length === 0) content.push({ text: 'Noch keine Ziele.', italics: true });
    for (const [gi, g] of f.goals.entries()) {
      content.push({ text: `Ziel ${fi + 1}.${gi + 1}: ${g.title}`, style: 'h3' });
      if (g.description) content.push({ text: g.description });
      if (g.needIds.length)
        content.push({
          text: [
            { text: 'Antwortet auf die Bedarfe: ', bold: true },
            g.needIds.map((n) => needTitle.get(n) ?? '').join('; '),
          ],
        });
      const carried = goalProjects.filter((x) => x.goalId === g.id);
      content.push({
        text: [
          { text: 'Umgesetzt durch die Projekte: ', bold: true },
          carried.length
            ? carried.map((x) => `${x.title} (${PROJECT_PHASE_LABELS[x.phase] ?? x.phase})`).join('; ')
            : 'noch kein Projekt',
        ],
      });
      if (g.indicators.length)
        content.push({
          table: {
            headerRows: 1,
            widths: ['*', 60, 60, 70, 70],
            body: [
              ['Indikator', 'Ausgang', 'Ziel', 'bis', 'zuletzt gemessen'].map((t) => ({
                text: t,
                bold: true,
                fontSize: 9,
              })),
              ...g.indicators.map((i) => {
                const last = i.values.at(-1);
                return [
                  { text: `${i.name}${i.unit ? ` (${i.unit})` : ''}`, fontSize: 9 },
                  { text: deNumber(i.baseline), fontSize: 9 },
                  { text: deNumber(i.target), fontSize: 9 },
                  { text: deDate(i.targetDate), fontSize: 9 },
                  { text: last ? `${deNumber(last.value)} (${deDate(last.measuredOn)})` : '–', fontSize: 9 },
                ];
              }),
            ],
          },
          layout: 'lightHorizontalLines',
          margin: [0, 4, 0, 4],
        });
      for (const i of g.indicators.filter((x) => x.values.length > 1))
        content.push(
          // the title is the chart's caption: it moves to the next page with the first bar
          hbars(
            i.values.map((v) => ({
              label: deDate(v.measuredOn),
              value: v.value,
              text: `${deNumber(v.value)} ${i.unit}`,
            })),
            Math.max(i.target ?? 0, ...i.values.map((v) => v.value)),
            `Verlauf: ${i.name}`,
          ),
        );
    }
  }
  content.push(
    { text: 'Beschlussvorschlag', style: 'h2' },
    {
      text: `Der Rat beschließt das vorstehende Zielbild Digitalisierung der ${muni.name} als Grundlage für die Auswahl und Priorisierung von Digitalisierungsvorhaben.`,
    },
  );
  return renderPdf({ title: `Zielbild Digitalisierung – ${muni.name}`, footer: `Zielbild ${muni.name}`, content });
}
