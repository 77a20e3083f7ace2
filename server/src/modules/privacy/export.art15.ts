import { FORMER_STAFF_NAME, fmtNumber } from '@dz/core';
import type { ExportContext } from './export.context.js';
import type { PersonalData } from './export.service.js';
import { ACTIVITY_KEYS, type ActivityKey } from './personal-data.js';
import { ACTIVITIES } from './records.js';

/*
 * The information Art. 15(1) and (2) GDPR gives the person besides the copy of their data: controller, purposes
 * and legal bases, categories, recipients, storage period per processing activity they have data in (from the
 * records of processing, records.ts, and their municipalities' retention settings), their rights, the complaint
 * to a supervisory authority, the source of the data, automated decisions and transfers to third countries.
 */

const keyValue = (rows: [string, string][]) => ({
  table: { widths: [150, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, v]) },
  layout: 'lightHorizontalLines',
  margin: [0, 0, 0, 6],
});

const list = (items: string[]) => ({ ul: items, margin: [0, 0, 0, 4] });

const entries = (n: number) => (n === 1 ? '1 Eintrag' : `${fmtNumber(n)} Einträge`);

/** The activities the person has rows in (the account always), in the order of the records. */
export function activitiesOf(data: PersonalData): ActivityKey[] {
  const used = new Set<ActivityKey>(['accounts']);
  for (const t of data.tables) if (t.rows.length) used.add(t.activity);
  return ACTIVITY_KEYS.filter((k) => used.has(k));
}

/** The storage period of an activity, with the retention periods the person's municipalities set. */
function retentionOf(key: ActivityKey, ctx: ExportContext): string {
  const lines = [ACTIVITIES[key].retention];
  if (key === 'surveys') {
    for (const m of ctx.municipalities) {
      lines.push(
        m.surveyAnswersMonths === null
          ? `${m.name}: keine Frist für Rohantworten festgelegt; sie bleiben, bis die Kommune eine Frist festlegt.`
          : `${m.name}: Rohantworten werden ${fmtNumber(m.surveyAnswersMonths)} Monate nach Abschluss der Umfrage gelöscht.`,
      );
    }
  }
  if (key === 'workshops') {
    for (const m of ctx.municipalities) {
      lines.push(
        m.workshopNamesDays === null
          ? `${m.name}: keine Frist für die Namen der Teilnehmenden festgelegt.`
          : `${m.name}: Namen der Teilnehmenden werden ${fmtNumber(m.workshopNamesDays)} Tage nach dem Workshop entfernt.`,
      );
    }
  }
  return lines.join('\n');
}

/** „Informationen nach Art. 15 Abs. 1 DSGVO“: controller, source, recipients, transfers, decisions, rights, complaint. */
export function art15Information(data: PersonalData, ctx: ExportContext): unknown[] {
  const names = ctx.municipalities.map((m) => m.name);
  // someone without a municipality (the platform's administration) turns to the operator
  const admins = names.length ? 'die Administration Ihrer Kommune' : 'die Plattform-Administration';
  const Admins = admins.charAt(0).toUpperCase() + admins.slice(1);
  const has = (table: string) => data.tables.some((t) => t.table === table && t.rows.length > 0);
  const controller: unknown[] = [
    names.length
      ? `Verantwortlich für die Verarbeitung Ihrer Daten (Art. 4 Nr. 7 DSGVO) ist die Kommune, für die Sie die Plattform nutzen: ${names.join(', ')}. An sie richten Sie Anfragen zu Ihren Daten, etwa über die Administration oder die Datenschutzbeauftragte bzw. den Datenschutzbeauftragten der Kommune.`
      : 'Sie gehören keiner Kommune an. Verantwortlich für Ihre Daten ist die Betreiberin der Plattform.',
  ];
  if (ctx.controller.length) {
    controller.push('Die Datenschutzerklärung der Plattform nennt dazu:');
    controller.push({ text: ctx.controller.join('\n'), margin: [12, 0, 0, 4] });
  } else {
    controller.push('Die Plattform Digitalzirkel betreibt die im Impressum der Plattform genannte Stelle.');
  }
  const source = ['Von Ihnen selbst: was Sie in der Plattform eingegeben, hochgeladen oder gewählt haben.'];
  if (data.memberships.length)
    source.push('Von der Administration Ihrer Kommune: Einladung, Rolle, Abteilung und Arbeitszeit.');
  if (has('user_identities'))
    source.push('Vom Identitätsanbieter Ihrer Verwaltung: Name, E-Mail-Adresse und Kennung bei der Anmeldung.');
  source.push(
    'Von Kolleginnen und Kollegen, soweit sie Ihnen Aufgaben, Projekte, Arbeitsaufträge oder Fortbildungen zuweisen.',
    'Von der Plattform selbst: Anmeldesitzungen, Benachrichtigungen, versandte E-Mails und das Änderungsprotokoll.',
  );
  const lands = ctx.municipalities.filter((m) => m.land).map((m) => `${m.name}: ${m.land}`);
  const authority: unknown[] = [
    'Sie haben das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren (Art. 77 DSGVO), wenn Sie meinen, dass die Verarbeitung Ihrer Daten gegen die DSGVO verstößt.',
  ];
  if (ctx.authority.length) {
    authority.push('Die Datenschutzerklärung der Plattform nennt dazu:');
    authority.push({ text: ctx.authority.join('\n'), margin: [12, 0, 0, 4] });
  } else {
    authority.push(
      names.length
        ? `Zuständig ist die für die Kommune zuständige Landesdatenschutzbehörde: die oder der Landesbeauftragte für den Datenschutz des Landes, in dem die Kommune liegt${lands.length ? ` (${lands.join('; ')})` : ''}.`
        : 'Zuständig ist die Datenschutz-Aufsichtsbehörde des Landes, in dem die Betreiberin der Plattform ihren Sitz hat.',
    );
  }
  return [
    { text: 'Informationen nach Art. 15 Abs. 1 DSGVO', style: 'h2' },
    'Neben der Kopie Ihrer Daten (Abschnitt „Ihre gespeicherten Daten“) haben Sie Anspruch auf die folgenden Informationen. Zwecke, Rechtsgrundlagen, Datenkategorien, Empfänger und Speicherdauer stehen je Verarbeitung im nächsten Abschnitt.',
    { text: 'Verantwortliche Stelle', style: 'h3' },
    ...controller,
    { text: 'Herkunft der Daten', style: 'h3' },
    list(source),
    { text: 'Empfänger und Übermittlung in Drittländer', style: 'h3' },
    'Ihre Daten sehen nur Berechtigte Ihrer Kommune. Inhalte, die Ihre Kommune im interkommunalen Austausch oder in einem Netzwerk teilt, sehen die beteiligten Kommunen. Es gibt keine Weitergabe an Dritte und keine Übermittlung in Drittländer oder an internationale Organisationen.',
    { text: 'Automatisierte Entscheidungen', style: 'h3' },
    'Es gibt keine automatisierte Entscheidungsfindung einschließlich Profiling nach Art. 22 DSGVO.',
    { text: 'Ihre Rechte', style: 'h3' },
    list([
      `Berichtigung unrichtiger Daten (Art. 16 DSGVO): Name und Sprache ändern Sie selbst in Ihrem Profil, alles Übrige ${admins}.`,
      `Löschung (Art. 17 DSGVO): ${Admins} löscht Ihr Konto; Inhalte, die Sie geschrieben haben und auf die andere angewiesen sind, bleiben unter der Bezeichnung „${FORMER_STAFF_NAME}“ ohne Ihren Namen erhalten.`,
      'Einschränkung der Verarbeitung (Art. 18 DSGVO), etwa solange die Richtigkeit Ihrer Daten geprüft wird.',
      'Datenübertragbarkeit (Art. 20 DSGVO): Die JSON-Datei dieses Exports enthält Ihre Daten vollständig und maschinenlesbar; Sie laden sie jederzeit selbst in Ihrem Profil unter „Meine Daten“ herunter.',
      'Widerspruch (Art. 21 DSGVO) gegen Verarbeitungen im öffentlichen Interesse (Art. 6 Abs. 1 lit. e DSGVO) aus Gründen, die sich aus Ihrer besonderen Situation ergeben.',
      'Widerruf einer Einwilligung mit Wirkung für die Zukunft (Art. 7 Abs. 3 DSGVO), etwa der Freigabe Ihrer Kompetenz-Selbsteinschätzung.',
    ]),
    names.length
      ? 'Wenden Sie sich dazu an die Administration oder die Datenschutzbeauftragte bzw. den Datenschutzbeauftragten Ihrer Kommune.'
      : 'Wenden Sie sich dazu an die Plattform-Administration oder die Datenschutzbeauftragte bzw. den Datenschutzbeauftragten der Betreiberin.',
    { text: 'Beschwerde bei einer Aufsichtsbehörde', style: 'h3' },
    ...authority,
  ];
}

/** „Zwecke, Rechtsgrundlagen und Speicherdauer“: per activity the person has data in, from the records (Art. 30). */
export function processingActivities(data: PersonalData, ctx: ExportContext): unknown[] {
  const out: unknown[] = [
    { text: 'Zwecke, Rechtsgrundlagen und Speicherdauer', style: 'h2' },
    'Je Verarbeitung, in der Daten von Ihnen gespeichert sind, nach dem Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO).',
  ];
  for (const key of activitiesOf(data)) {
    const a = ACTIVITIES[key];
    const mine = data.tables
      .filter((t) => t.activity === key && t.rows.length > 0)
      .map((t) => `${t.purpose} (${entries(t.rows.length)})`);
    out.push({ text: a.name, style: 'h3' });
    out.push(
      keyValue([
        ['Zweck', a.purpose],
        ['Rechtsgrundlage', a.legalBasis],
        ['Kategorien von Daten', a.data],
        ['Empfänger', a.recipients],
        ['Speicherdauer', retentionOf(key, ctx)],
        ['Ihre Daten darin', mine.length ? mine.join('\n') : 'Ihr Benutzerkonto (Name, E-Mail-Adresse, Sprache)'],
      ]),
    );
  }
  return out;
}
