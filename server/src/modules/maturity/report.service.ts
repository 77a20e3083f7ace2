import { fmtDate, fmtDecimal, MATURITY_LEVEL_NAMES, type MaturityLevel } from '@dz/core';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/ids.js';
import { figure, type PdfCanvas, renderPdf } from '../../lib/pdf.js';
import type { TenantScope } from '../../lib/scope.js';
import { getOverview } from './assessments.service.js';
import { getBenchmark } from './benchmark.service.js';
import { getRecommendations } from './recommendations.service.js';

/* The council's two pages: where the municipality stands (radar), how it compares (benchmark), what to do next. */

type Profile = { key: string; name: string; level: number | null }[];

const QUARTER_TEXT: Record<number, string> = {
  1: 'bestes Viertel',
  2: 'zweitbestes Viertel',
  3: 'zweitschwächstes Viertel',
  4: 'schwächstes Viertel',
};

/** The radar of the levels (1–5), the previous assessment dashed behind it. */
function radar(now: Profile, before: Profile | null) {
  const n = now.length;
  return (doc: PdfCanvas, x: number, y: number, width: number) => {
    const cx = x + width / 2;
    const cy = y + 130;
    const r = 100;
    const at = (i: number, level: number) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
      return [cx + (Math.cos(a) * (r * level)) / 5, cy + (Math.sin(a) * (r * level)) / 5] as const;
    };
    doc.lineWidth(0.5).strokeColor('#aaaaaa');
    for (let l = 1; l <= 5; l++) {
      now.forEach((_, i) => {
        const [px, py] = at(i, l);
        if (i === 0) doc.moveTo(px, py);
        else doc.lineTo(px, py);
      });
      doc.closePath().stroke();
    }
    now.forEach((d, i) => {
      const [px, py] = at(i, 5);
      doc.moveTo(cx, cy).lineTo(px, py).stroke();
      const [lx, ly] = at(i, 6.1);
      doc.font('R').fontSize(7.5).fillColor('#000000');
      doc.text(d.name, lx - 55, ly - 6, { width: 110, align: 'center', lineBreak: true });
    });
    const shape = (p: Profile, color: string, fill: boolean, dash: boolean) => {
      p.forEach((d, i) => {
        const [px, py] = at(i, d.level ?? 0);
        if (i === 0) doc.moveTo(px, py);
        else doc.lineTo(px, py);
      });
      doc.closePath();
      if (dash) doc.dash(3, { space: 2 });
      doc.lineWidth(1.5).strokeColor(color);
      if (fill) doc.fillOpacity(0.25).fillAndStroke(color, color).fillOpacity(1);
      else doc.stroke();
      doc.undash();
    };
    if (before) shape(before, '#6b7280', false, true);
    shape(now, '#1f4e8c', true, false);
  };
}

type BoxRow = {
  label: string;
  own: number;
  d: { p10: number | null; q1: number; median: number; q3: number; p90: number | null };
};

/** One box per figure (10th to 90th percentile as whiskers, the middle half as the box), the own value as a dot. */
function boxes(rows: BoxRow[]) {
  return (doc: PdfCanvas, x: number, y: number, width: number) => {
    const labelW = 170;
    const left = x + labelW + 10;
    const w = width - labelW - 20;
    rows.forEach((r, i) => {
      const top = y + i * 30;
      const lo = Math.min(r.d.p10 ?? r.d.q1, r.own);
      const hi = Math.max(r.d.p90 ?? r.d.q3, r.own);
      const span = hi - lo || 1;
      const at = (v: number) => left + ((v - lo) / span) * w;
      const mid = top + 12;
      doc
        .font('R')
        .fontSize(8)
        .fillColor('#000000')
        .text(r.label, x, top + 2, { width: labelW });
      doc.lineWidth(1).strokeColor('#4a5260');
      // whiskers only where the 10th/90th percentile may be shown
      if (r.d.p10 !== null) doc.moveTo(at(r.d.p10), mid).lineTo(at(r.d.q1), mid).stroke();
      if (r.d.p90 !== null) doc.moveTo(at(r.d.q3), mid).lineTo(at(r.d.p90), mid).stroke();
      doc.rect(at(r.d.q1), mid - 7, Math.max(1, at(r.d.q3) - at(r.d.q1)), 14).fillAndStroke('#e6eef8', '#4a5260');
      doc
        .lineWidth(2)
        .moveTo(at(r.d.median), mid - 7)
        .lineTo(at(r.d.median), mid + 7)
        .stroke('#1f4e8c');
      doc.circle(at(r.own), mid, 4).fill('#b42318');
    });
  };
}

/**
 * The year a council report compares: the asked one, else the year (of the last five) with the most own values —
 * early in a year, the past year is the complete one.
 */
async function reportBenchmark(deps: Pick<Deps, 'db'>, scope: TenantScope, year?: number) {
  const current = await getBenchmark(deps, scope, { year });
  if (year !== undefined) return current;
  const counts = new Map<number, number>();
  for (const f of current.figures)
    for (const t of f.trend) if (t.own !== null) counts.set(t.year, (counts.get(t.year) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best && best[0] !== current.year && best[1] > (counts.get(current.year) ?? 0)
    ? getBenchmark(deps, scope, { year: best[0] })
    : current;
}

export async function maturityReport(deps: Pick<Deps, 'db'>, scope: TenantScope, year?: number) {
  const [overview, bench, recs, m] = await Promise.all([
    getOverview(deps, scope),
    reportBenchmark(deps, scope, year),
    getRecommendations(deps, scope),
    deps.db
      .selectFrom('municipalities')
      .select('name')
      .where('id', '=', scope.municipalityId)
      .executeTakeFirstOrThrow(),
  ]);
  const completed = overview.assessments.filter((a) => a.status === 'completed');
  const latest = completed[0] ?? overview.assessments[0];
  const before = completed.find((a) => a.id !== latest?.id) ?? null;
  const levelText = (l: number | null) => (l === null ? '–' : `${l} – ${MATURITY_LEVEL_NAMES[l as MaturityLevel]}`);
  const date = latest ? fmtDate((latest.completedAt ?? latest.createdAt).slice(0, 10)) : '';
  const strongest = [...(latest?.profile ?? [])].filter((d) => d.level !== null).sort((a, b) => b.level! - a.level!)[0];
  const weakest = recs.dimensions.map((d) => d.name);
  const head = (cols: string[]) => cols.map((t) => ({ text: t, bold: true, fontSize: 9 }));
  const cell = (t: string) => ({ text: t, fontSize: 9 });
  const boxRows: BoxRow[] = [];
  const rows = bench.figures
    .filter((f) => f.own)
    .map((f) => {
      const g = f.groups.find((x) => x.shown && x.distribution);
      const fmt = (v: number) => `${fmtDecimal(v, f.decimals)} ${f.unit}`;
      if (g?.distribution) boxRows.push({ label: `${f.name} (${g.label})`, own: f.own!.value, d: g.distribution });
      return [
        f.name,
        fmt(f.own!.value),
        g ? g.label : 'keine Gruppe mit genügend Werten',
        g?.distribution ? fmt(g.distribution.median) : '–',
        g?.distribution ? `${fmt(g.distribution.q1)} bis ${fmt(g.distribution.q3)}` : '–',
        g?.quarter ? QUARTER_TEXT[g.quarter]! : '–',
      ];
    });
  const pdf = await renderPdf({
    title: `Digitaler Reifegrad – ${m.name}`,
    subject: 'Selbsteinschätzung und Kennzahlenvergleich für den Rat',
    footer: `${m.name} · Digitaler Reifegrad ${bench.year}`,
    content: [
      { text: m.name, style: 'kicker' },
      { text: 'Digitaler Reifegrad und Kennzahlenvergleich', style: 'h1' },
      ...(latest
        ? [
            `Die Verwaltung hat ihren Stand in neun Dimensionen der Digitalisierung selbst eingeschätzt (Stand ${date}, Modell ${latest.modelVersion}; Stufen von 1 „Anfang“ bis 5 „Optimierend“). ${
              strongest ? `Am weitesten ist sie bei „${strongest.name}“` : ''
            }${weakest.length ? `; am meisten zu tun gibt es bei ${weakest.map((w) => `„${w}“`).join(', ')}.` : '.'}`,
            { text: '1. Reifegrad je Dimension', style: 'h2' },
            figure(
              radar(latest.profile, before?.profile ?? null),
              275,
              `Netzdiagramm der Reifegrade: ${latest.profile.map((d) => `${d.name} ${d.level ?? 'offen'}`).join(', ')}.`,
            ),
            {
              text: before
                ? 'Blaue Fläche: Stand der aktuellen Einschätzung; graue gestrichelte Linie: die Einschätzung davor.'
                : 'Blaue Fläche: Stand der Einschätzung (Stufe 1 innen, Stufe 5 außen).',
              fontSize: 8,
              margin: [0, 0, 0, 6],
            },
            {
              table: {
                headerRows: 1,
                widths: ['*', 120, 120],
                body: [
                  head([
                    'Dimension',
                    `Stand ${date}`,
                    before ? `Vorher (${fmtDate(iso(before.completedAt)?.slice(0, 10) ?? null)})` : 'Vorher',
                  ]),
                  ...latest.profile.map((d) => [
                    cell(d.name),
                    cell(levelText(d.level)),
                    cell(levelText(before?.profile.find((b) => b.key === d.key)?.level ?? null)),
                  ]),
                ],
              },
              margin: [0, 4, 0, 10],
            },
          ]
        : [
            { text: '1. Reifegrad je Dimension', style: 'h2' },
            'Es liegt noch keine Selbsteinschätzung vor. Sie kann auf der Plattform unter „Reifegrad“ begonnen werden; die meisten Antworten sind aus den Daten der Plattform vorbelegt.',
          ]),
      { text: `2. Kennzahlen ${bench.year} im Vergleich`, style: 'h2' },
      `Verglichen wird anonym mit Kommunen derselben Größenklasse (GK${bench.sizeClass}) in ${bench.land}, derselben Größenklasse bundesweit, den Verbünden und allen Kommunen der Plattform. Der eigene Wert zählt in keiner Gruppe mit. Eine Gruppe erscheint nur mit mindestens ${bench.threshold} anderen Kommunen und nur, wenn sich aus zwei gezeigten Gruppen kein einzelner Wert errechnen lässt.`,
      rows.length
        ? {
            table: {
              headerRows: 1,
              // the heading row never stands alone at the foot of a page
              keepWithHeaderRows: 1,
              widths: ['*', 60, 85, 55, 80, 70],
              body: [
                head(['Kennzahl', 'Eigener Wert', 'Vergleichsgruppe', 'Median', 'Mittlere Hälfte', 'Einordnung']),
                ...rows.map((r) => r.map(cell)),
              ],
            },
            margin: [0, 4, 0, 10],
          }
        : `Für ${bench.year} sind noch keine eigenen Kennzahlen erfasst.`,
      ...(boxRows.length
        ? [
            figure(
              boxes(boxRows),
              boxRows.length * 30 + 6,
              `Kastendiagramme: ${boxRows.map((b) => `${b.label}: eigener Wert ${fmtDecimal(b.own, 1)}, Median ${fmtDecimal(b.d.median, 1)}`).join('; ')}.`,
            ),
            'Kasten: mittlere Hälfte der Vergleichsgruppe; Linien: 10 % bis 90 %; blauer Strich: Median; roter Punkt: eigener Wert.',
          ]
        : []),
      { text: '3. Empfehlungen', style: 'h2' },
      recs.dimensions.length
        ? {
            ol: recs.dimensions.map((d) => {
              const guide = d.guides[0];
              const light = d.lighthouses[0];
              const peers = d.peers.map((p) => p.municipality);
              return [
                `${d.name} (heute Stufe ${d.level}): `,
                guide ? `${guide.title} – ${guide.summary}` : '',
                light ? ` Beispiel aus der Projektbörse: „${light.title}“ (${light.municipality}).` : '',
                peers.length ? ` Ansprechbar, weil weiter: ${peers.join('; ')}.` : '',
              ].join('');
            }),
          }
        : 'Für Empfehlungen braucht es eine Selbsteinschätzung mit Stufen je Dimension.',
    ],
  });
  return { pdf, fileName: `reifegrad-${bench.year}.pdf` };
}
