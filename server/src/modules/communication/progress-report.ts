import {
  ADKAR_DIMENSIONS,
  DIMENSION_LABELS,
  fmtDecimal,
  nextQuarter,
  PROJECT_PHASE_LABELS,
  PROJECT_PHASES,
  quarterOf,
  quarterRange,
} from '@dz/core';
import { sql } from 'kysely';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/ids.js';
import { deDate, hbars, renderPdf } from '../../lib/pdf.js';
import type { TenantScope } from '../../lib/scope.js';
import { getTrend } from '../pulse/pulse.trend.js';

const LIGHT: Record<string, string> = { green: 'im Plan', yellow: 'gefährdet', red: 'kritisch' };

/**
 * The quarterly "Sachstandsbericht Digitalisierung" for the council, read from what the municipality keeps here:
 * the portfolio by phase (one aggregate), the running projects with their last status, the milestones reached in
 * the quarter and due in the next, and the successes published in the newsroom.
 */
export async function progressReportData(deps: Deps, scope: TenantScope, quarter?: string) {
  const q = quarter ?? quarterOf(new Date()).key;
  const { from, to, label } = quarterRange(q);
  const next = quarterRange(nextQuarter(q));
  const m = scope.municipalityId;
  const [municipality, phases, running, reached, due, news, pulse] = await Promise.all([
    deps.db.selectFrom('municipalities').select(['name']).where('id', '=', m).executeTakeFirstOrThrow(),
    deps.db
      .selectFrom('projects')
      .select((eb) => ['phase', eb.fn.countAll<number>().as('n')])
      .where('municipalityId', '=', m)
      .groupBy('phase')
      .execute(),
    deps.db
      .selectFrom('projects as p')
      .select((eb) => [
        'p.title',
        'p.phase',
        'p.endsOn',
        eb
          .selectFrom('statusReports as r')
          .select('r.overall')
          .whereRef('r.projectId', '=', 'p.id')
          .orderBy('r.reportedOn', 'desc')
          .orderBy('r.createdAt', 'desc')
          .limit(1)
          .as('light'),
      ])
      .where('p.municipalityId', '=', m)
      .where('p.phase', 'in', ['planning', 'implementation', 'operation'])
      .orderBy('p.title')
      .execute(),
    deps.db
      .selectFrom('milestones as ms')
      .innerJoin('projects as p', 'p.id', 'ms.projectId')
      .select(['ms.title', 'ms.reachedOn', 'p.title as project'])
      .where('p.municipalityId', '=', m)
      .where('ms.reachedOn', '>=', from)
      .where('ms.reachedOn', '<=', to)
      .orderBy('ms.reachedOn')
      .execute(),
    deps.db
      .selectFrom('milestones as ms')
      .innerJoin('projects as p', 'p.id', 'ms.projectId')
      .select(['ms.title', 'ms.dueOn', 'p.title as project'])
      .where('p.municipalityId', '=', m)
      .where('ms.reachedOn', 'is', null)
      .where('ms.dueOn', '>=', next.from)
      .where('ms.dueOn', '<=', next.to)
      .orderBy('ms.dueOn')
      .execute(),
    deps.db
      .selectFrom('newsPosts')
      .select(['title', 'publishedAt', 'audience'])
      .where('municipalityId', '=', m)
      .where('status', '=', 'published')
      // what all staff could read by now: department posts and those still scheduled stay out
      .where('audience', '=', 'all')
      .where((eb) => eb.or([eb('publishOn', 'is', null), eb('publishOn', '<=', sql<string>`current_date`)]))
      .where(sql<string>`(published_at at time zone 'Europe/Berlin')::date`, '>=', from)
      .where(sql<string>`(published_at at time zone 'Europe/Berlin')::date`, '<=', to)
      .orderBy('publishedAt')
      .execute(),
    // the pulse's closed rounds up to this quarter, all staff together (the trend suppresses small rounds itself)
    getTrend(deps, scope, 'none'),
  ]);
  const byPhase = Object.fromEntries(phases.map((p) => [p.phase, Number(p.n)]));
  return {
    quarter: q,
    label,
    nextLabel: next.label,
    municipality: municipality.name,
    phases: PROJECT_PHASES.map((p) => ({ phase: p, count: byPhase[p] ?? 0 })),
    running: running.map((r) => ({ ...r, light: r.light ?? null })),
    reached,
    due,
    pulse: pulse.rounds
      // rounds up to the reported quarter (labels read Qn/YYYY; as YYYY-Qn they sort)
      .filter((round) => !round.suppressed && round.label.replace(/^Q(\d)\/(\d{4})$/, '$2-Q$1') <= q)
      .slice(-4)
      .map((round) => ({
        label: round.label,
        responses: round.responses,
        scores: round.groups.find((g) => !g.suppressed)?.scores ?? [],
      })),
    news: news.map((n) => ({
      title: n.title,
      publishedAt: n.publishedAt ? iso(n.publishedAt) : null,
      audience: n.audience,
    })),
  };
}

type Report = Awaited<ReturnType<typeof progressReportData>>;

/** The report as a tagged PDF: data → document. */
export function progressReportPdf(r: Report) {
  const head = (cols: string[]) => cols.map((t) => ({ text: t, bold: true, fontSize: 9 }));
  const cell = (t: string) => ({ text: t, fontSize: 9 });
  const table = (cols: string[], rows: string[][], widths: (number | string)[]) => ({
    table: { headerRows: 1, widths, body: [head(cols), ...rows.map((row) => row.map(cell))] },
    margin: [0, 4, 0, 10],
  });
  const total = r.phases.reduce((s, p) => s + p.count, 0);
  return renderPdf({
    title: `Sachstandsbericht Digitalisierung ${r.label} – ${r.municipality}`,
    subject: 'Sachstandsbericht für den Rat',
    footer: `${r.municipality} · Sachstandsbericht Digitalisierung ${r.label}`,
    content: [
      { text: r.municipality, style: 'kicker' },
      { text: `Sachstandsbericht Digitalisierung ${r.label}`, style: 'h1' },
      `Dieser Bericht fasst zusammen, wo die Digitalisierung der Verwaltung im ${r.label} steht: das Projektportfolio, erreichte und anstehende Meilensteine und die Erfolge, über die die Beschäftigten informiert wurden.`,
      { text: '1. Projektportfolio', style: 'h2' },
      total
        ? hbars(
            r.phases.map((p) => ({ label: PROJECT_PHASE_LABELS[p.phase], value: p.count, text: String(p.count) })),
            Math.max(...r.phases.map((p) => p.count), 1),
            `Projekte nach Phase (insgesamt ${total})`,
          )
        : 'Es sind noch keine Projekte erfasst.',
      ...(r.running.length
        ? [
            { text: 'Laufende Projekte', style: 'h3' },
            table(
              ['Projekt', 'Phase', 'Letzter Status', 'Geplantes Ende'],
              r.running.map((p) => [
                p.title,
                PROJECT_PHASE_LABELS[p.phase],
                p.light ? LIGHT[p.light]! : 'kein Statusbericht',
                p.endsOn ? deDate(p.endsOn) : '–',
              ]),
              ['*', 80, 90, 80],
            ),
          ]
        : []),
      { text: `2. Meilensteine im ${r.label}`, style: 'h2' },
      r.reached.length
        ? table(
            ['Erreicht am', 'Meilenstein', 'Projekt'],
            r.reached.map((x) => [deDate(x.reachedOn), x.title, x.project]),
            [70, '*', '*'],
          )
        : `Im ${r.label} wurde kein Meilenstein erreicht.`,
      { text: `Anstehend im ${r.nextLabel}`, style: 'h3' },
      r.due.length
        ? table(
            ['Geplant am', 'Meilenstein', 'Projekt'],
            r.due.map((x) => [deDate(x.dueOn), x.title, x.project]),
            [70, '*', '*'],
          )
        : `Für das ${r.nextLabel} sind keine Meilensteine geplant.`,
      { text: '3. Erfolge und Information der Beschäftigten', style: 'h2' },
      r.news.length
        ? {
            ul: r.news.map((n) => `${n.publishedAt ? deDate(n.publishedAt.slice(0, 10)) : ''}: ${n.title}`),
          }
        : `Im ${r.label} wurden keine Neuigkeiten veröffentlicht.`,
      { text: '4. Veränderungsbereitschaft der Beschäftigten', style: 'h2' },
      r.pulse.length
        ? table(
            ['Runde', 'Antworten', ...ADKAR_DIMENSIONS.map((d) => DIMENSION_LABELS[d].de)],
            r.pulse.map((p) => [
              p.label,
              String(p.responses),
              ...ADKAR_DIMENSIONS.map((d) => {
                const score = p.scores.find((x) => x.dimension === d)?.score;
                return score === null || score === undefined ? '–' : fmtDecimal(score, 1);
              }),
            ]),
            [55, 55, '*', '*', '*', '*', '*'],
          )
        : 'Es liegt noch keine abgeschlossene Runde des Veränderungspulses vor.',
      ...(r.pulse.length
        ? ['Mittelwerte von 1 (trifft gar nicht zu) bis 5 (trifft voll zu); anonym, nur Runden mit genügend Antworten.']
        : []),
    ],
  });
}
