/** Default fields of action (Handlungsfelder) of a small municipality's digital strategy; the coordinator edits them. */
export const DEFAULT_FIELDS_OF_ACTION: ReadonlyArray<{ name: string; description: string }> = [
  {
    name: 'Digitale Verwaltungsleistungen',
    description: 'Online-Dienste für Bürgerinnen, Bürger und Unternehmen (OZG)',
  },
  { name: 'Interne Prozesse und E-Akte', description: 'Medienbruchfreie Abläufe, E-Rechnung, Dokumentenmanagement' },
  { name: 'IT-Infrastruktur und Informationssicherheit', description: 'Arbeitsplätze, Netze, Betrieb, Datenschutz' },
  { name: 'Personal, Kompetenzen und Kultur', description: 'Kapazität, Qualifizierung, Veränderungsbereitschaft' },
  {
    name: 'Kommunikation und Beteiligung',
    description: 'Interne Kommunikation, Information und Beteiligung der Bürgerschaft',
  },
  { name: 'Interkommunale Zusammenarbeit', description: 'Gemeinsame Lösungen, Shared Services, Nachnutzung' },
];
