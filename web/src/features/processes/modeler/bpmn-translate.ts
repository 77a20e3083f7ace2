/**
 * German tooltips of the bpmn-js palette and context pad (bpmn-js' `translate` service); other texts
 * stay English. English users keep bpmn-js' own texts.
 */
const DE: Record<string, string> = {
  'Activate hand tool': 'Hand-Werkzeug (Ansicht verschieben)',
  'Activate lasso tool': 'Lasso-Werkzeug (mehrere auswählen)',
  'Activate create/remove space tool': 'Platz schaffen oder entfernen',
  'Activate global connect tool': 'Verbinden-Werkzeug',
  'Create start event': 'Startereignis anlegen',
  'Create intermediate/boundary event': 'Zwischenereignis anlegen',
  'Create end event': 'Endereignis anlegen',
  'Create gateway': 'Entscheidung (Gateway) anlegen',
  'Create task': 'Aufgabe anlegen',
  'Create data object reference': 'Datenobjekt anlegen',
  'Create data store reference': 'Datenspeicher anlegen',
  'Create expanded sub-process': 'Teilprozess anlegen',
  'Create pool/participant': 'Pool anlegen',
  'Create group': 'Gruppe anlegen',
  Delete: 'Löschen',
  'Add lane above': 'Bahn darüber einfügen',
  'Add lane below': 'Bahn darunter einfügen',
  'Divide into two lanes': 'In zwei Bahnen teilen',
  'Divide into three lanes': 'In drei Bahnen teilen',
  'Append end event': 'Endereignis anhängen',
  'Append gateway': 'Entscheidung anhängen',
  'Append task': 'Aufgabe anhängen',
  'Append intermediate/boundary event': 'Zwischenereignis anhängen',
  'Change element': 'Element ändern',
  'Add text annotation': 'Anmerkung hinzufügen',
  'Connect to other element': 'Mit anderem Element verbinden',
  'Connect using association': 'Per Assoziation verbinden',
};

function translate(template: string, replacements?: Record<string, string>) {
  const text = DE[template] ?? template;
  return text.replace(/{([^}]+)}/g, (_, key: string) => replacements?.[key] ?? `{${key}}`);
}

/** An additional bpmn-js module replacing `translate` for German. */
export const germanTranslateModule = { translate: ['value', translate] };
