import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { newId } from '../lib/ids.js';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

/** A guide the demo circle's moderation curates for its members only (the platform's starter guides come from 0043). */
const CIRCLE_GUIDE = {
  title: 'Leuchtturmprojekte des Zirkels nachnutzen',
  summary:
    'Wie die Mitglieder des Innovationszirkels ein Projekt einer anderen Kommune übernehmen – mit Ansprechperson, Kosten und Erfahrungen – und was sie zurückgeben.',
  body: `Der Innovationszirkel lebt davon, dass nicht jede Kommune das Rad neu erfindet. Diese Hilfe gilt nur für die Mitglieder des Zirkels.

## So übernehmen Sie ein Projekt

1. Im **Austausch** nach dem Thema suchen (z. B. „Terminvergabe“ oder „Bauhof“) – Leuchtturmprojekte des Zirkels stehen oben.
2. Die **Ansprechperson** fragen: Was hat gut funktioniert, was würden Sie anders machen, welche Kosten kamen später dazu?
3. Mit *Als Vorlage übernehmen* das Projekt mit Meilensteinen und Kostenplan in die eigene Kommune holen und anpassen.

## Was wir uns zusagen

- Wer übernimmt, meldet nach einem halben Jahr kurz zurück, wie es läuft.
- Wer ein Projekt abschließt, veröffentlicht es im Austausch – mit den **ehrlichen** Erfahrungen, auch den schlechten.
- Beim nächsten Zirkeltreffen stellen zwei Kommunen ihre Nachnutzung in je zehn Minuten vor.`,
  modules: ['exchange', 'networks', 'projects'],
  phases: ['idea', 'planning'],
};

/**
 * The demo's method library: the circle's own guide (members only) and ticks of Plön — the pre-survey checklist for
 * the municipality, and the council-paper checklist for its e-invoice project — so `/hilfen` shows both kinds.
 */
export async function seedDemoGuides(
  trx: Transaction<DB>,
  o: { networkId: string; moderatorId: string; municipalityId: string; coordinatorId: string },
) {
  const id = newId();
  await trx
    .insertInto('guides')
    .values({
      id,
      networkId: o.networkId,
      kind: 'article',
      title: CIRCLE_GUIDE.title,
      summary: CIRCLE_GUIDE.summary,
      body: CIRCLE_GUIDE.body,
      modules: JSON.stringify(CIRCLE_GUIDE.modules),
      phases: JSON.stringify(CIRCLE_GUIDE.phases),
      createdBy: o.moderatorId,
      updatedBy: o.moderatorId,
    })
    .execute();
  await trx
    .insertInto('guideVersions')
    .values({
      guideId: id,
      version: 1,
      title: CIRCLE_GUIDE.title,
      summary: CIRCLE_GUIDE.summary,
      body: CIRCLE_GUIDE.body,
      items: '[]',
      modules: JSON.stringify(CIRCLE_GUIDE.modules),
      phases: JSON.stringify(CIRCLE_GUIDE.phases),
      files: '[]',
      changeNote: 'Beim Zirkeltreffen verabredet',
      editedBy: o.moderatorId,
      editedAt: new Date(),
    })
    .execute();
  const starter = async (key: string) =>
    (await trx.selectFrom('guides').select('id').where('starterKey', '=', key).executeTakeFirst())?.id;
  const survey = await starter('pre-survey-checklist');
  if (survey)
    await trx
      .insertInto('guideTicks')
      .values(
        ['leitfrage', 'fragebogen', 'modus'].map((itemKey, i) => ({
          guideId: survey,
          itemKey,
          municipalityId: o.municipalityId,
          projectId: null,
          tickedBy: o.coordinatorId,
          tickedAt: daysAgo(20 - i),
        })),
      )
      .execute();
  const paper = await starter('council-paper-checklist');
  const project = await trx
    .selectFrom('projects')
    .select('id')
    .where('municipalityId', '=', o.municipalityId)
    .where('title', '=', 'E-Rechnung und digitaler Rechnungsworkflow')
    .executeTakeFirst();
  if (paper && project)
    await trx
      .insertInto('guideTicks')
      .values(
        ['lebenszyklus', 'eigenleistung'].map((itemKey, i) => ({
          guideId: paper,
          itemKey,
          municipalityId: o.municipalityId,
          projectId: project.id,
          tickedBy: o.coordinatorId,
          tickedAt: daysAgo(5 - i),
        })),
      )
      .execute();
}
