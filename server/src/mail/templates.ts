/**
 * Every mail the platform sends, as pure functions from what it reports to subject and text (German,
 * formal "Sie"). Services pick a template and queue the result in the outbox (mail/outbox.ts); nothing
 * here reads the database or knows about delivery.
 */
export interface Composed {
  template: string;
  subject: string;
  text: string;
}

const SIGN = 'Ihr Digitalzirkel';

/**
 * A link into the app that names the municipality it belongs to (`?kommune=`): people who work for several
 * municipalities land in the right one — the app switches to it and says so (issue 17).
 */
export function appLink(publicUrl: string, path: string, municipalityId: string | null | undefined): string {
  if (!municipalityId) return `${publicUrl}${path}`;
  return `${publicUrl}${path}${path.includes('?') ? '&' : '?'}kommune=${municipalityId}`;
}
const hello = (name?: string | null) => (name ? `Guten Tag ${name},` : 'Guten Tag,');
const mail = <T extends string>(template: T, subject: string, ...paragraphs: string[]): Composed & { template: T } => ({
  template,
  subject,
  text: `${paragraphs.join('\n\n')}\n\n${SIGN}`,
});
const germanDate = (iso: string) => iso.split('-').reverse().join('.');

export const MAILS = {
  memberInvitation: (p: { inviter: string; municipality: string; role: string; link: string }) =>
    mail(
      'member_invitation',
      `Einladung zum Digitalzirkel – ${p.municipality}`,
      hello(),
      `${p.inviter} lädt Sie in den Digitalzirkel der Kommune ${p.municipality} ein (Rolle: ${p.role}).`,
      `Über diesen Link nehmen Sie die Einladung an (7 Tage gültig, nur einmal verwendbar):\n\n${p.link}`,
    ),
  passwordReset: (p: { name: string; link: string }) =>
    mail(
      'password_reset',
      'Digitalzirkel: Passwort zurücksetzen',
      hello(p.name),
      `über folgenden Link können Sie ein neues Passwort festlegen (gültig 2 Stunden, nur einmal verwendbar):\n\n${p.link}`,
      'Wenn Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren.',
    ),
  networkInvitation: (p: { name: string; inviter: string; network: string; url: string }) =>
    mail(
      'network_invitation',
      `Einladung in den Verbund „${p.network}“`,
      hello(p.name),
      `${p.inviter} lädt Ihre Kommune in den Verbund „${p.network}“ ein. Ihre Kommune wird erst Mitglied, wenn Sie die Einladung annehmen; dabei entscheiden Sie auch, ob der Verbund persönliche Umfragen an Ihre Beschäftigten senden darf:\n\n${p.url}`,
    ),
  moderatorInvitation: (p: { inviter: string; network: string; link: string }) =>
    mail(
      'moderator_invitation',
      `Einladung zur Moderation – ${p.network}`,
      hello(),
      `${p.inviter} lädt Sie ein, den Verbund „${p.network}“ im Digitalzirkel zu moderieren.`,
      `Über diesen Link nehmen Sie die Einladung an (7 Tage gültig, nur einmal verwendbar):\n\n${p.link}`,
      'Wenn Sie damit nichts anfangen können, ignorieren Sie diese E-Mail bitte.',
    ),
  survey: (p: {
    kind: 'invite' | 'remind';
    name: string;
    title: string;
    mode: 'municipality' | 'person';
    anonymous: boolean;
    closesOn: string | null;
    link: string;
  }) => {
    const who =
      p.mode === 'municipality'
        ? 'für Ihre Kommune (eine gemeinsame Antwort)'
        : p.anonymous
          ? 'persönlich und anonym (niemand sieht, wer was geantwortet hat; die Ergebnisse erscheinen erst nach dem Ende der Umfrage und nur zusammengefasst)'
          : 'persönlich, aber nicht anonym: Die Verantwortlichen sehen, wer teilgenommen hat (Ihre Antworten erscheinen nur zusammengefasst)';
    const until = p.closesOn ? ` bis zum ${germanDate(p.closesOn)}` : '';
    return mail(
      p.kind === 'invite' ? 'survey_invitation' : 'survey_reminder',
      p.kind === 'invite' ? `Umfrage: ${p.title}` : `Erinnerung: ${p.title}`,
      `${hello(p.name)}\n\n${
        p.kind === 'invite'
          ? `Sie sind eingeladen, an der Umfrage „${p.title}“ teilzunehmen – ${who}.`
          : `wir erinnern Sie an die Umfrage „${p.title}“ – Ihre Antwort fehlt noch.`
      }\nBitte antworten Sie${until}:\n\n${p.link}`,
      'Entwürfe werden automatisch gespeichert; Sie können jederzeit später weitermachen.',
    );
  },
  mention: (p: { name: string; author: string; project: string; body: string; url: string }) =>
    mail(
      'mention',
      `${p.author} hat Sie im Projekt „${p.project}“ erwähnt`,
      hello(p.name),
      `${p.author} hat Sie in einem Kommentar zum Projekt „${p.project}“ erwähnt:`,
      p.body,
      `Zum Projekt: ${p.url}`,
    ),
  exchangePost: (p: { name: string; author: string; answer: boolean; title: string; body: string; url: string }) => {
    const what = p.answer ? 'eine Antwort auf Ihre Frage' : 'eine Frage';
    return mail(
      'exchange_post',
      `Projektbörse: ${what} zu „${p.title}“`,
      hello(p.name),
      `${p.author} hat ${what} zum veröffentlichten Projekt „${p.title}“ geschrieben:`,
      p.body,
      `Zum Eintrag: ${p.url}`,
    );
  },
  contactRequest: (p: { name: string; from: string; about: string | null; message: string; url: string }) =>
    mail(
      'contact_request',
      `Kontaktanfrage von ${p.from}`,
      hello(p.name),
      `${p.from} möchte mit Ihrer Kommune Kontakt aufnehmen${p.about ? ` (Thema: ${p.about})` : ''}:`,
      p.message,
      `Kontaktdaten werden erst ausgetauscht, wenn Sie die Anfrage annehmen: ${p.url}`,
    ),
  contactAnswer: (p: { name: string; municipality: string; accept: boolean; contact: string; url: string }) =>
    p.accept
      ? mail(
          'contact_answer',
          `${p.municipality} hat Ihre Kontaktanfrage angenommen`,
          hello(p.name),
          `${p.municipality} hat Ihre Kontaktanfrage angenommen. Ansprechperson: ${p.contact}.`,
          p.url,
        )
      : mail(
          'contact_answer',
          `${p.municipality} hat Ihre Kontaktanfrage abgelehnt`,
          hello(p.name),
          `${p.municipality} hat Ihre Kontaktanfrage abgelehnt.`,
        ),
  jointInvitation: (p: { name: string; lead: string; title: string; url: string }) =>
    mail(
      'joint_invitation',
      `Einladung zum gemeinsamen Projekt „${p.title}“`,
      hello(p.name),
      `${p.lead} lädt Ihre Kommune zum gemeinsamen Projekt „${p.title}“ ein. Kostenschlüssel, Ihr Anteil und die Unterlagen: ${p.url}`,
    ),
  studyInvitation: (p: { name: string; lead: string; title: string; url: string }) =>
    mail(
      'study_invitation',
      `Einladung zur Machbarkeitsstudie „${p.title}“`,
      hello(p.name),
      `${p.lead} prüft, ob sich eine gemeinsame Aufgabenerledigung lohnt, und lädt Ihre Kommune zur Machbarkeitsstudie „${p.title}“ ein. Sagen Sie zu, tragen Sie Ihren heutigen Aufwand ein und sehen Sie, was Ihre Kommune allein und im Verbund kostet: ${p.url}`,
    ),
  newsDigest: (p: {
    name: string;
    municipality: string;
    posts: { title: string; url: string }[];
    settingsUrl: string;
  }) =>
    mail(
      'news_digest',
      p.posts.length === 1
        ? `Neuigkeiten der Woche in ${p.municipality}: ${p.posts[0]!.title}`
        : `${p.posts.length} Neuigkeiten der Woche in ${p.municipality}`,
      hello(p.name),
      `das ist neu in der Digitalisierung von ${p.municipality}:`,
      p.posts.map((x) => `• ${x.title}\n  ${x.url}`).join('\n\n'),
      `Sie erhalten diese E-Mail einmal pro Woche, wenn es Neuigkeiten gibt. Abbestellen können Sie sie hier: ${p.settingsUrl}`,
    ),
  notificationDigest: (p: { name: string; items: { title: string; url: string }[]; settingsUrl: string }) =>
    mail(
      'notification_digest',
      p.items.length === 1
        ? `Ihr Wochenüberblick: ${p.items[0]!.title}`
        : `Ihr Wochenüberblick: ${p.items.length} Benachrichtigungen`,
      hello(p.name),
      'das ist in dieser Woche für Sie auf Digitalzirkel geschehen:',
      p.items.map((x) => `• ${x.title}\n  ${x.url}`).join('\n\n'),
      `Sie erhalten diesen Überblick einmal pro Woche für die Ereignisse, die Sie so eingestellt haben. Ändern können Sie das hier: ${p.settingsUrl}`,
    ),
  workOrderDone: (p: { name: string; number: number; title: string; service: string; url: string }) =>
    mail(
      'work_order_done',
      `Auftrag Nr. ${p.number} erledigt: ${p.title}`,
      hello(p.name),
      `Ihr Auftrag Nr. ${p.number} „${p.title}“ an den gemeinsamen Dienst „${p.service}“ ist erledigt. Die erfasste Zeit und das Material sehen Sie hier: ${p.url}`,
    ),
} as const;
