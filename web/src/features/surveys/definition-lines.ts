import type { Choice, LocalText } from '@dz/core/domain';

/* The builder's text areas: one choice per line, optionally "Deutsch | English". */
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 30) || 'x';

/** "Deutsch | English" per line ↔ choices; existing ids are kept by position. */
export function choicesToLines(c: Choice[] | undefined) {
  return (c ?? []).map((o) => (o.label.en ? `${o.label.de} | ${o.label.en}` : o.label.de)).join('\n');
}
export function linesToChoices(text: string, old: Choice[] | undefined): Choice[] {
  const used = new Set<string>();
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l, i) => {
      const [de = '', en] = l.split('|').map((x) => x.trim());
      let id = old?.[i]?.id ?? slug(de);
      while (used.has(id)) id = `${id}_${i}`;
      used.add(id);
      return { id, label: { de, ...(en ? { en } : {}) } };
    });
}
export function labelsToLines(l: LocalText[] | undefined) {
  return (l ?? []).map((x) => (x.en ? `${x.de} | ${x.en}` : x.de)).join('\n');
}
export function linesToLabels(text: string): LocalText[] | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return undefined;
  return lines.map((l) => {
    const [de = '', en] = l.split('|').map((x) => x.trim());
    return { de, ...(en ? { en } : {}) };
  });
}
