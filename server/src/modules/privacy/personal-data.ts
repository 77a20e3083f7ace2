/**
 * Where the platform keeps data about or by a person: the one registry the export (Art. 15/20 GDPR), the erasure
 * (Art. 17) and the records of processing (Art. 30) read. `personal-data.test.ts` compares it with the database
 * catalog — every foreign key to `users.id` and every column named like a user reference (`*_by`, `*_user_id`,
 * `user_id`, `author_id`, `owner_id`, `actor_id`, `assignee_id`) must be covered here or excluded with a reason —
 * so a new table with a user reference fails the suite until it is added.
 *
 * What erasure does per column:
 * - `delete`: data about the person only (sessions, own self-assessment, roles, team seats) goes;
 * - `pseudonymise`: content the person wrote or a record others rely on stays; it keeps the author id, whose
 *   account row becomes the tombstone „ehemalige/r Mitarbeiter/in“ (no name, no email left).
 */
export type OnErase = 'delete' | 'pseudonymise';

export interface PersonalTable {
  /** What the rows are for (German, as the export and the records of processing name them). */
  purpose: string;
  /** The processing activity of the records (Art. 30) the table belongs to. */
  activity: ActivityKey;
  /** The columns that hold the person's user id, and what erasure does with rows found through each. */
  columns: Record<string, OnErase>;
}

export const ACTIVITY_KEYS = [
  'accounts',
  'surveys',
  'workshops',
  'needs_ideas',
  'strategy',
  'projects',
  'newsroom',
  'competences',
  'processes',
  'maturity',
  'exchange',
  'shared_services',
  'audit',
  'mail',
] as const;
export type ActivityKey = (typeof ACTIVITY_KEYS)[number];

const P = 'pseudonymise' as const;
const D = 'delete' as const;

/** Every table with a user reference (snake_case names as in the database). */
export const PERSONAL_DATA: Record<string, PersonalTable> = {
  memberships: { purpose: 'Mitgliedschaften und Rollen in Kommunen', activity: 'accounts', columns: { user_id: D } },
  sessions: { purpose: 'Angemeldete Sitzungen (Geräte)', activity: 'accounts', columns: { user_id: D } },
  user_identities: {
    purpose: 'Verknüpfung mit dem Identitätsanbieter der Verwaltung (Aussteller, Kennung, E-Mail)',
    activity: 'accounts',
    columns: { user_id: D },
  },
  notifications: { purpose: 'Benachrichtigungen in der Plattform', activity: 'accounts', columns: { user_id: D } },
  notification_preferences: {
    purpose: 'Gewählter E-Mail-Weg je Benachrichtigung',
    activity: 'accounts',
    columns: { user_id: D },
  },
  notification_digests: { purpose: 'Versandte Wochenüberblicke', activity: 'mail', columns: { user_id: D } },
  tokens: { purpose: 'Einmal-Links (Passwort zurücksetzen)', activity: 'accounts', columns: { user_id: D } },
  invitations: {
    purpose: 'Einladungen, die die Person verschickt hat',
    activity: 'accounts',
    columns: { invited_by: P },
  },
  network_moderators: { purpose: 'Moderation von Netzwerken', activity: 'accounts', columns: { user_id: D } },
  network_moderator_invitations: {
    purpose: 'Einladungen zur Netzwerk-Moderation, die die Person verschickt hat',
    activity: 'accounts',
    columns: { invited_by: P },
  },
  network_members: {
    purpose: 'Einladungen von Kommunen in Netzwerke und deren Antworten',
    activity: 'accounts',
    columns: { invited_by: P, answered_by: P },
  },
  import_jobs: { purpose: 'Importe des Gemeindeverzeichnisses', activity: 'accounts', columns: { created_by: P } },
  audit_log: {
    purpose: 'Protokoll der Änderungen (durch die Person oder an ihrem Konto)',
    activity: 'audit',
    columns: { actor_id: P },
  },
  retention_settings: { purpose: 'Geänderte Aufbewahrungsfristen', activity: 'audit', columns: { updated_by: P } },
  legal_pages: {
    purpose: 'Bearbeitete Rechtstexte (Datenschutz, Impressum)',
    activity: 'audit',
    columns: { updated_by: P },
  },
  surveys: { purpose: 'Angelegte Umfragen', activity: 'surveys', columns: { created_by: P } },
  survey_targets: {
    purpose: 'Umfragen, zu denen die Person eingeladen wurde (ohne Antworten: diese sind anonym)',
    activity: 'surveys',
    columns: { user_id: P },
  },
  pulse_rounds: {
    purpose: 'Gestartete Runden des Veränderungs-Pulses',
    activity: 'surveys',
    columns: { created_by: P },
  },
  pulse_settings: { purpose: 'Einstellungen des Veränderungs-Pulses', activity: 'surveys', columns: { updated_by: P } },
  workshops: { purpose: 'Angelegte Workshops', activity: 'workshops', columns: { created_by: P } },
  workshop_moderators: { purpose: 'Moderation von Workshops', activity: 'workshops', columns: { user_id: D } },
  workshop_participants: {
    purpose: 'Teilnahme an Workshops (Name, Organisation)',
    activity: 'workshops',
    columns: { user_id: P },
  },
  needs: { purpose: 'Erfasste Bedarfe', activity: 'needs_ideas', columns: { created_by: P } },
  ideas: { purpose: 'Eingereichte Ideen', activity: 'needs_ideas', columns: { submitted_by: P } },
  idea_supports: { purpose: 'Unterstützte Ideen', activity: 'needs_ideas', columns: { user_id: P } },
  idea_events: { purpose: 'Entscheidungen zu Ideen', activity: 'needs_ideas', columns: { actor_id: P } },
  projects: {
    purpose: 'Projekte (angelegt oder verantwortet)',
    activity: 'projects',
    columns: { created_by: P, owner_id: P },
  },
  project_team: { purpose: 'Mitarbeit in Projektteams', activity: 'projects', columns: { user_id: D } },
  project_effort: { purpose: 'Geplanter Aufwand in Projekten', activity: 'projects', columns: { user_id: P } },
  staff_capacity: { purpose: 'Verfügbare Arbeitszeit (Kapazität)', activity: 'projects', columns: { user_id: D } },
  tasks: { purpose: 'Zugewiesene Aufgaben', activity: 'projects', columns: { assignee_id: P } },
  status_reports: { purpose: 'Geschriebene Statusberichte', activity: 'projects', columns: { author_id: P } },
  project_files: { purpose: 'Hochgeladene Projektdateien', activity: 'projects', columns: { uploaded_by: P } },
  project_comments: { purpose: 'Kommentare zu Projekten', activity: 'projects', columns: { author_id: P } },
  calendar_feeds: { purpose: 'Kalender-Abonnements', activity: 'projects', columns: { created_by: P } },
  risks: { purpose: 'Verantwortete Risiken', activity: 'projects', columns: { owner_id: P } },
  decision_papers: { purpose: 'Beschlussvorlagen', activity: 'projects', columns: { created_by: P } },
  communication_items: {
    purpose: 'Kommunikationsplan (angelegt oder verantwortet)',
    activity: 'projects',
    columns: { created_by: P, owner_id: P },
  },
  staff_council_checks: { purpose: 'Beteiligung des Personalrats', activity: 'projects', columns: { updated_by: P } },
  news_posts: {
    purpose: 'Geschriebene oder veröffentlichte Neuigkeiten',
    activity: 'newsroom',
    columns: { created_by: P, published_by: P },
  },
  news_comments: {
    purpose: 'Kommentare zu Neuigkeiten und Entscheidungen darüber',
    activity: 'newsroom',
    columns: { author_id: P, decided_by: P },
  },
  news_helpful: { purpose: 'Als hilfreich markierte Neuigkeiten', activity: 'newsroom', columns: { user_id: P } },
  guides: {
    purpose: 'Hilfen (Anleitungen, Checklisten, Vorlagen), die die Person angelegt oder geändert hat',
    activity: 'accounts',
    columns: { created_by: P, updated_by: P },
  },
  guide_versions: {
    purpose: 'Fassungen von Hilfen mit Änderungsnotiz',
    activity: 'accounts',
    columns: { edited_by: P },
  },
  guide_files: { purpose: 'Dateien zu Hilfen (Vorlagen, Muster)', activity: 'accounts', columns: { created_by: P } },
  guide_ticks: { purpose: 'Abgehakte Punkte von Checklisten', activity: 'accounts', columns: { ticked_by: P } },
  news_digests: { purpose: 'Wöchentliche Zusammenfassung per E-Mail', activity: 'newsroom', columns: { user_id: D } },
  news_feeds: { purpose: 'Ausgegebene Feed-Adressen', activity: 'newsroom', columns: { created_by: P } },
  competence_profiles: {
    purpose: 'Kompetenzprofil (Abteilung, Freigabe)',
    activity: 'competences',
    columns: { user_id: D },
  },
  competence_assessments: {
    purpose: 'Selbsteinschätzung der digitalen Kompetenzen',
    activity: 'competences',
    columns: { user_id: D },
  },
  trainings: { purpose: 'Angelegte Fortbildungen', activity: 'competences', columns: { created_by: P } },
  training_assignments: {
    purpose: 'Fortbildungsplan (zugewiesen an oder von der Person)',
    activity: 'competences',
    columns: { user_id: D, created_by: P },
  },
  process_services: { purpose: 'Erfasste Verwaltungsleistungen', activity: 'processes', columns: { created_by: P } },
  process_models: { purpose: 'Prozessmodelle', activity: 'processes', columns: { created_by: P, updated_by: P } },
  maturity_models: { purpose: 'Veröffentlichte Reifegradmodelle', activity: 'maturity', columns: { published_by: P } },
  maturity_network_criteria: {
    purpose: 'Eigene Kriterien eines Netzwerks',
    activity: 'maturity',
    columns: { created_by: P },
  },
  maturity_assessments: {
    purpose: 'Selbsteinschätzungen zum Reifegrad',
    activity: 'maturity',
    columns: { created_by: P, completed_by: P },
  },
  maturity_answers: {
    purpose: 'Antworten in Reifegrad-Einschätzungen',
    activity: 'maturity',
    columns: { answered_by: P },
  },
  maturity_settings: { purpose: 'Einstellungen zum Reifegrad', activity: 'maturity', columns: { updated_by: P } },
  key_figures: { purpose: 'Eigene Kennzahlen', activity: 'maturity', columns: { created_by: P } },
  key_figure_values: { purpose: 'Eingetragene Kennzahlwerte', activity: 'maturity', columns: { updated_by: P } },
  key_figure_open_ring: {
    purpose: 'Beitritt zum offenen Kennzahlenring',
    activity: 'maturity',
    columns: { joined_by: P },
  },
  publications: {
    purpose: 'Im Austausch veröffentlichte Projekte',
    activity: 'exchange',
    columns: { published_by: P },
  },
  lighthouse_marks: { purpose: 'Leuchtturm-Markierungen', activity: 'exchange', columns: { marked_by: P } },
  reuses: { purpose: 'Übernommene Projekte', activity: 'exchange', columns: { created_by: P } },
  exchange_posts: { purpose: 'Fragen und Antworten im Austausch', activity: 'exchange', columns: { author_id: P } },
  contact_requests: {
    purpose: 'Kontaktanfragen an andere Kommunen',
    activity: 'exchange',
    columns: { from_user_id: P, answered_by: P },
  },
  joint_projects: { purpose: 'Gemeinsame Projekte', activity: 'exchange', columns: { created_by: P } },
  joint_entries: { purpose: 'Einträge in gemeinsamen Projekten', activity: 'exchange', columns: { author_id: P } },
  service_types: {
    purpose: 'Leistungsarten geteilter Dienste',
    activity: 'shared_services',
    columns: { created_by: P },
  },
  service_studies: { purpose: 'Machbarkeitsstudien', activity: 'shared_services', columns: { created_by: P } },
  service_team: {
    purpose: 'Mitarbeit im Team eines geteilten Dienstes',
    activity: 'shared_services',
    columns: { user_id: D },
  },
  service_work_orders: {
    purpose: 'Arbeitsaufträge (angelegt oder zugewiesen)',
    activity: 'shared_services',
    columns: { created_by: P, assignee_id: P },
  },
  service_work_attachments: {
    purpose: 'Fotos und Anhänge zu Arbeitsaufträgen',
    activity: 'shared_services',
    columns: { created_by: P },
  },
  service_work_entries: {
    purpose: 'Erfasste Zeiten und Material (Abrechnungsgrundlage)',
    activity: 'shared_services',
    columns: { created_by: P, user_id: P },
  },
  service_closed_months: {
    purpose: 'Abgeschlossene Abrechnungsmonate',
    activity: 'shared_services',
    columns: { closed_by: P },
  },
};

/**
 * Tables found by the person's email address rather than an id (sent before an account existed, or addressed to
 * the mailbox): always deleted on erasure.
 */
export const BY_EMAIL: Record<string, { column: string; purpose: string; activity: ActivityKey }> = {
  invitations: { column: 'email', purpose: 'Einladungen an die Person', activity: 'accounts' },
  tokens: { column: 'email', purpose: 'Einmal-Links an die E-Mail-Adresse', activity: 'accounts' },
  network_moderator_invitations: {
    column: 'email',
    purpose: 'Einladungen der Person zur Netzwerk-Moderation',
    activity: 'accounts',
  },
  mail_outbox: { column: 'recipient', purpose: 'E-Mails an die Person (Versandwarteschlange)', activity: 'mail' },
};

/** User-reference columns deliberately not exported, with the reason (`table.column`). */
export const NOT_EXPORTED: Record<string, string> = {};

/** Columns that are secrets or credentials: never part of an export. */
export const SECRET_COLUMNS = new Set(['passwordHash', 'tokenHash', 'csrfToken', 'secret']);

/** Keys of audit changes that hold personal fields of a person; redacted when the person is erased. */
export const PERSONAL_AUDIT_KEYS = new Set(['name', 'email', 'recipient', 'locale']);
