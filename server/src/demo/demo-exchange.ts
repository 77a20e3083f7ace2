import type { Database } from '../db/database.js';
import type { Deps } from '../lib/deps.js';
import { newId } from '../lib/ids.js';
import type { TenantScope } from '../lib/scope.js';
import { publicationState, publish } from '../modules/exchange/publications.service.js';

/**
 * Plön publishes two of its projects through the same service a user would use (so the demo entries carry
 * exactly what publishing produces), and the circle's moderator marks the appointment booking as a
 * lighthouse project.
 */
export async function seedDemoExchange(
  db: Database,
  o: {
    municipalityId: string;
    coordinator: { id: string; email: string; name: string };
    networkId: string;
    moderatorId: string;
  },
) {
  const scope: TenantScope = {
    sessionId: 'demo',
    csrfToken: 'demo',
    lastSeenAt: new Date(),
    user: { ...o.coordinator, locale: 'de', isPlatformAdmin: false },
    municipalityId: o.municipalityId,
    roles: ['coordinator'],
    networkIds: [o.networkId],
    moderatedNetworkIds: [],
  };
  const deps = { db } as unknown as Deps;
  const project = async (title: string) =>
    (
      await db
        .selectFrom('projects')
        .select('id')
        .where('municipalityId', '=', o.municipalityId)
        .where('title', '=', title)
        .executeTakeFirstOrThrow()
    ).id;
  const bookingId = await project('Online-Terminvergabe Bürgerbüro');
  // costs, effort and duration as the publishing form prefills them from the project
  const prefilled = (await publicationState(deps, scope, bookingId)).input;
  const booking = await publish(deps, scope, bookingId, {
    version: 0,
    visibility: 'all',
    networkIds: [],
    title: 'Online-Terminvergabe im Bürgerbüro',
    problem:
      'Lange Wartezeiten im Bürgerbüro, Termine nur telefonisch; Spitzen vor den Ferien und bei Ausweisverlängerungen.',
    solution:
      'Terminbuchung über die Homepage mit Erinnerung per E-Mail, Anbindung an das Einwohnermeldeverfahren, zwei Schalter im Testbetrieb.',
    results: 'Im Testbetrieb sinkt die Wartezeit vor Ort deutlich; ein Drittel der Termine wird online gebucht.',
    lessons:
      'Schnittstelle zum Fachverfahren früh klären; Personalrat und Bürgerbüro-Team von Anfang an einbinden; Barrierefreiheit des Buchungsformulars prüfen lassen.',
    fieldOfAction: 'Digitale Verwaltungsleistungen',
    stage: 'running',
    tcoCents: prefilled.tcoCents,
    effortHours: prefilled.effortHours,
    durationMonths: prefilled.durationMonths,
    products: 'Terminvergabe-Software (SaaS), Schnittstelle zum Einwohnermeldeverfahren',
    contactRole: 'Leitung Bürgerbüro',
    documentIds: [],
    shareMilestones: true,
    shareTasks: true,
    shareCosts: true,
    shareRisks: true,
    processModelIds: [],
  });
  await publish(deps, scope, await project('Neue Homepage'), {
    version: 0,
    visibility: 'networks',
    networkIds: [o.networkId],
    title: 'Neue barrierefreie Homepage',
    problem: 'Die alte Homepage war nicht barrierefrei und auf dem Smartphone kaum nutzbar.',
    solution:
      'Relaunch mit einem Baukasten, einfache Sprache für die wichtigsten Seiten, Erklärung zur Barrierefreiheit.',
    results: 'Deutlich mehr Zugriffe vom Smartphone; weniger Anrufe zu Öffnungszeiten.',
    lessons: 'Redaktion in den Ämtern schulen, sonst veralten die Inhalte schnell.',
    fieldOfAction: 'Kommunikation und Beteiligung',
    stage: 'completed',
    tcoCents: 2_400_000,
    effortHours: 160,
    durationMonths: 11,
    products: 'Homepage-Baukasten eines kommunalen IT-Dienstleisters',
    contactRole: 'Hauptamt, Öffentlichkeitsarbeit',
    documentIds: [],
    shareMilestones: true,
    shareTasks: true,
    shareCosts: true,
    shareRisks: true,
    processModelIds: [],
  });
  // Hünfelden looks for partners for its e-invoicing need, so Plön's „Partner finden“ has a suggestion
  const huenfelden = await db
    .selectFrom('municipalities')
    .select('id')
    .where('name', '=', 'Hünfelden')
    .executeTakeFirst();
  if (huenfelden)
    await db
      .insertInto('needs')
      .values({
        id: newId(),
        municipalityId: huenfelden.id,
        title: 'Eingangsrechnungen digital verarbeiten (E-Rechnung)',
        description: 'Wir suchen Kommunen, die den digitalen Rechnungsworkflow gemeinsam einführen wollen.',
        urgency: 'high',
        source: 'department',
        seekingPartners: true,
      })
      .execute();
  if (booking.publicationId)
    await db
      .insertInto('lighthouseMarks')
      .values({ publicationId: booking.publicationId, networkId: o.networkId, markedBy: o.moderatorId })
      .execute();
}
