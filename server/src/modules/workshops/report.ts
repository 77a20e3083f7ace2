import { fmtNumber, localText, type Question, type SurveyDefinition, type SurveyResults } from '@dz/core';
import type { Deps } from '../../lib/deps.js';
import { type BarLine, hbars as bars, deDate as de, renderPdf } from '../../lib/pdf.js';
import type { Scope } from '../../lib/scope.js';
import { itemLabel, valueLabel } from '../surveys/results.export.js';
import { computeResults } from '../surveys/results.service.js';
import { canSeeResults, isTargeted, loadSurvey } from '../surveys/surveys.access.js';
import { loadWorkshop, workshopAccess } from './workshops.access.js';
import { workshopData } from './workshops.service.js';

const num = (n: number | null, d = 1) => fmtNumber(n, d);

/** "1 Punkt", "2 Punkte" (dots and Borda points alike). */
export const dots = (n: number) => `${n.toLocaleString('de-DE')} ${n === 1 ? 'Punkt' : 'Punkte'}`;

/** Everything the report shows, gathered once for PDF and Markdown. */
export async function reportData(deps: Deps, scope: Scope, id: string) {
  const w = await loadWorkshop(deps.db, id);
  await workshopAccess(deps.db, scope, w);
  const d = await workshopData(deps, w);
  let results: SurveyResults | null = null;
  let def: SurveyDefinition | null = null;
  if (w.surveyId) {
    const s = await loadSurvey(deps.db, w.surveyId);
    if (canSeeResults(scope, s, await isTargeted(deps.db, scope, s.id))) {
      results = await computeResults(deps, s, { groupBy: 'none' });
      def = s.definition;
    }
  }
  return { w, d, results, def };
}
type Data = Awaited<ReturnType<typeof reportData>>;

/** Per question: the lines of its result (distribution, item means or Borda points), or a note. */
function questionLines(q: Question, results: SurveyResults): { note?: string; lines: BarLine[]; max: number } {
  const st = results.groups[0]?.questions.find((x) => x.questionId === q.id);
  if (!st || st.suppressed || st.answered === 0)
    return { note: 'Keine oder zu wenige Antworten – ausgeblendet.', lines: [], max: 1 };
  if (q.type === 'text') return { lines: st.texts.map((t) => ({ label: t, value: 0, text: '' })), max: 0 };
  if (q.type === 'number')
    return {
      note: `Mittelwert ${num(st.mean)}, Median ${num(st.median)} (${st.answered} Antworten)`,
      lines: [],
      max: 1,
    };
  if (q.type === 'matrix')
    return {
      lines: st.items.map((i) => ({ label: itemLabel(q, i.itemId), value: i.mean ?? 0, text: `Ø ${num(i.mean)}` })),
      max: 5,
    };
  if (q.type === 'ranking')
    return {
      lines: st.borda.map((b) => ({ label: valueLabel(q, b.option), value: b.points, text: dots(b.points) })),
      max: Math.max(1, ...st.borda.map((b) => b.points)),
    };
  const keys = q.type === 'scale' ? ['1', '2', '3', '4', '5'] : (q.options ?? []).map((o) => o.id);
  const counts = new Map(st.distribution.map((x) => [x.value, x.count]));
  const lines = keys.map((k) => ({
    label: valueLabel(q, k),
    value: counts.get(k) ?? 0,
    text: String(counts.get(k) ?? 0),
  }));
  return {
    note:
      q.type === 'scale'
        ? `Mittelwert ${num(st.mean)}, Median ${num(st.median)} (${st.answered} Antworten)`
        : `${st.answered} Antworten`,
    lines,
    max: Math.max(1, ...lines.map((l) => l.value)),
  };
}

function sectionQuestions(def: SurveyDefinition | null, sectionId: string | null): Question[] {
  if (!def || !sectionId) return [];
  return def.sections.find((s) => s.id === sectionId)?.questions ?? [];
}

export function reportMarkdown({ w, d, results, def }: Data): string {
  const out: string[] = [];
  out.push(`# Workshopbericht: ${w.title}`, '');
  out.push(`${de(w.heldOn)} · ${w.place || 'Ort offen'}${w.videoUrl ? ` · ${w.videoUrl}` : ''} · ${d.network}`, '');
  if (w.leitfrage) out.push(`**Leitfrage:** ${w.leitfrage}`, '');
  out.push('## Teilnehmende Kommunen', '');
  for (const m of d.municipalities) out.push(`- ${m.name} (GK${m.sizeClass}, ${m.land})`);
  if (d.municipalities.length === 0) out.push('- keine eingetragen');
  out.push('');
  if (results)
    out.push(
      `Grundlage: Vorab-Umfrage „${d.survey?.title}“ mit ${results.responses} Antworten (Anonymitätsschwelle ${results.threshold}).`,
      '',
    );
  for (const it of d.items) {
    out.push(`## ${it.position}. ${it.title}`, '');
    if (it.description) out.push(it.description, '');
    if (it.speaker) out.push(`Referent/in: ${it.speaker}`, '');
    if (results && !results.suppressed)
      for (const q of sectionQuestions(def, it.surveySectionId)) {
        const r = questionLines(q, results);
        out.push(`### ${localText(q.text, 'de')}`, '');
        if (r.note) out.push(r.note, '');
        for (const l of r.lines) out.push(q.type === 'text' ? `- „${l.label}“` : `- ${l.label}: ${l.text}`);
        if (r.lines.length) out.push('');
      }
    if (it.ideas.length) {
      out.push('**Diskutierte Lösungen (Punkte):**', '');
      for (const i of it.ideas) out.push(`- ${i.text} — ${dots(i.votes)}`);
      out.push('');
    }
    if (it.outcome) out.push(`**Ergebnis:** ${it.outcome}`, '');
  }
  out.push('## Vereinbarte nächste Schritte', '');
  if (d.actions.length === 0) out.push('Keine.', '');
  else {
    out.push('| ID | Was | Wer | Bis | Status |', '|---|---|---|---|---|');
    for (const a of d.actions)
      out.push(
        `| ${a.id} | ${a.what.replace(/\|/g, '/')} | ${a.who || '–'} | ${de(a.dueOn)} | ${a.status === 'done' ? 'erledigt' : 'offen'} |`,
      );
    out.push('');
  }
  return out.join('\n');
}

export async function reportPdf(data: Data): Promise<Buffer> {
  const { w, d, results, def } = data;
  const content: unknown[] = [
    { text: 'Workshopbericht', style: 'kicker' },
    { text: w.title, style: 'h1' },
    { text: `${de(w.heldOn)} · ${w.place || 'Ort offen'} · ${d.network}`, margin: [0, 0, 0, 8] },
  ];
  if (w.leitfrage)
    content.push({
      table: {
        widths: ['*'],
        body: [[{ text: [{ text: 'Leitfrage: ', bold: true }, w.leitfrage], margin: [6, 6, 6, 6] }]],
      },
      layout: { fillColor: () => '#e6eef8', hLineWidth: () => 0, vLineWidth: () => 0 },
      margin: [0, 0, 0, 10],
    });
  content.push({ text: 'Teilnehmende Kommunen', style: 'h2' });
  content.push(
    d.municipalities.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 60, '*'],
            body: [
              [
                { text: 'Kommune', bold: true },
                { text: 'GK', bold: true },
                { text: 'Land', bold: true },
              ],
              ...d.municipalities.map((m) => [m.name, `GK${m.sizeClass}`, m.land]),
            ],
          },
          layout: 'lightHorizontalLines',
        }
      : { text: 'Keine eingetragen.' },
  );
  if (results)
    content.push({
      text: `Grundlage: Vorab-Umfrage „${d.survey?.title}“ mit ${results.responses} Antworten (Anonymitätsschwelle ${results.threshold}).`,
      margin: [0, 8, 0, 0],
      italics: true,
    });
  for (const it of d.items) {
    content.push({ text: `${it.position}. ${it.title}`, style: 'h2' });
    if (it.description) content.push({ text: it.description, margin: [0, 0, 0, 4] });
    if (it.speaker) content.push({ text: `Referent/in: ${it.speaker}`, italics: true });
    if (results && !results.suppressed)
      for (const q of sectionQuestions(def, it.surveySectionId)) {
        const r = questionLines(q, results);
        content.push({ text: localText(q.text, 'de'), style: 'h3' });
        if (r.note) content.push({ text: r.note, fontSize: 9, color: '#4a5260' });
        if (q.type === 'text')
          content.push({ ul: r.lines.map((l) => `„${l.label}“`), fontSize: 9, margin: [0, 2, 0, 6] });
        else if (r.lines.length) content.push(bars(r.lines, r.max));
      }
    if (it.ideas.length) {
      content.push({ text: 'Diskutierte Lösungen', style: 'h3' });
      const max = Math.max(1, ...it.ideas.map((i) => i.votes));
      content.push(
        bars(
          it.ideas.map((i) => ({
            label: i.text,
            value: i.votes,
            text: dots(i.votes),
          })),
          max,
        ),
      );
    }
    if (it.outcome) content.push({ text: [{ text: 'Ergebnis: ', bold: true }, it.outcome], margin: [0, 4, 0, 4] });
  }
  content.push({ text: 'Vereinbarte nächste Schritte', style: 'h2' });
  content.push(
    d.actions.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 90, 60, 60],
            body: [
              ['Was', 'Wer', 'Bis', 'ID'].map((t) => ({ text: t, bold: true })),
              ...d.actions.map((a) => [a.what, a.who || '–', de(a.dueOn), { text: a.id.slice(0, 8), fontSize: 8 }]),
            ],
          },
          layout: 'lightHorizontalLines',
        }
      : { text: 'Keine.' },
  );
  return renderPdf({ title: `Workshopbericht: ${w.title}`, subject: w.leitfrage, footer: w.title, content });
}
