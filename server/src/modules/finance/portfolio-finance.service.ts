import { VAT_RATE } from '@dz/core';
import { type NotNull, sql } from 'kysely';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { newWorkbook, XLSX_FORMAT, xlsxDay } from '../../lib/xlsx.js';
import { loadSettings } from './finance.service.js';

/**
 * Multi-year budget of all running projects, aggregated in SQL: cost lines and staff lines (priced with the
 * rate table) spread over the calendar years from each project's start (one-time once, recurring every year
 * of the horizon), by year, category and budget line; open risk exposure (probability × PERT mean) and
 * funding deadlines coming up.
 */
export async function portfolioFinance(deps: Deps, scope: TenantScope) {
  const mid = scope.municipalityId;
  const settings = await loadSettings(deps.db, mid);
  const horizon = settings.horizonYears;
  const rates = JSON.stringify(Object.fromEntries(settings.rates.map((r) => [r.payGroup, r.centsPerHour])));
  const rows = await sql<{ year: number; category: string; budgetLine: string; cents: number }>`
    WITH running AS (
      SELECT p.id, EXTRACT(YEAR FROM COALESCE(p.starts_on, CURRENT_DATE))::int AS first_year,
             COALESCE(f.budget_line, '') AS budget_line
      FROM projects p LEFT JOIN project_finance f ON f.project_id = p.id
      WHERE p.municipality_id = ${mid} AND p.phase NOT IN ('done', 'stopped')
    ), spread AS (
      SELECT r.first_year + g.y AS year, c.category,
             COALESCE(NULLIF(c.budget_line, ''), r.budget_line) AS budget_line,
             ROUND(c.likely_cents * CASE WHEN c.vat THEN ${1 + VAT_RATE}::float8 ELSE 1 END)::bigint AS cents
      FROM cost_lines c JOIN running r ON r.id = c.project_id
      CROSS JOIN LATERAL generate_series(c.year_offset,
        CASE WHEN c.kind = 'one_time' THEN c.year_offset ELSE ${horizon - 1}::int END) AS g(y)
      WHERE g.y < ${horizon}::int
      UNION ALL
      SELECT r.first_year + g.y, 'staff', r.budget_line,
             ROUND(s.hours_likely * COALESCE((${rates}::jsonb ->> s.pay_group)::float8, 0))::bigint
      FROM staff_lines s JOIN running r ON r.id = s.project_id
      CROSS JOIN LATERAL generate_series(s.year_offset,
        CASE WHEN s.kind = 'one_time' THEN s.year_offset ELSE ${horizon - 1}::int END) AS g(y)
      WHERE g.y < ${horizon}::int
    )
    SELECT year, category, budget_line AS "budgetLine", SUM(cents)::bigint AS cents
    FROM spread GROUP BY year, category, budget_line ORDER BY year, category, budget_line`.execute(deps.db);
  const [exposure, deadlines] = await Promise.all([
    sql<{ cents: number | null; risks: number }>`
      SELECT ROUND(SUM(r.probability / 100.0 * (r.cost_min_cents + 4 * r.cost_likely_cents + r.cost_max_cents) / 6.0))::bigint AS cents,
             COUNT(*)::int AS risks
      FROM risks r JOIN projects p ON p.id = r.project_id
      WHERE p.municipality_id = ${mid} AND p.phase NOT IN ('done', 'stopped') AND r.status IN ('open', 'mitigating')`.execute(
      deps.db,
    ),
    deps.db
      .selectFrom('funding as f')
      .innerJoin('projects as p', 'p.id', 'f.projectId')
      .select([
        'p.id as projectId',
        'p.title as project',
        'f.programme',
        'f.deadline',
        'f.status',
        'f.amountCents',
        'f.sharePercent',
      ])
      .where('p.municipalityId', '=', mid)
      .where('f.status', 'in', ['planned', 'applied'])
      .where('f.deadline', '>=', new Date().toISOString().slice(0, 10))
      .$narrowType<{ deadline: NotNull; status: 'planned' | 'applied' }>()
      .orderBy('f.deadline')
      .limit(20)
      .execute(),
  ]);
  return {
    horizonYears: horizon,
    rows: rows.rows.map((r) => ({ ...r, year: Number(r.year), cents: Number(r.cents) })),
    exposure: { cents: Number(exposure.rows[0]?.cents ?? 0), risks: Number(exposure.rows[0]?.risks ?? 0) },
    deadlines,
    generatedAt: iso(new Date()),
  };
}

const CATEGORY: Record<string, string> = {
  investment: 'Investition',
  implementation: 'Einführung',
  external: 'Externe Dienstleistung',
  training: 'Schulung',
  migration: 'Datenmigration',
  licences: 'Lizenzen',
  operation: 'Betrieb',
  maintenance: 'Wartung und Pflege',
  hosting: 'Hosting',
  staff: 'Eigenes Personal',
};

/** The budget overview as an Excel workbook (one sheet per view, amounts in euros). */
export async function portfolioFinanceXlsx(data: Awaited<ReturnType<typeof portfolioFinance>>): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Digitalzirkel';
  const years = [...new Set(data.rows.map((r) => r.year))].sort();
  const sheet = (name: string, key: 'category' | 'budgetLine', label: (k: string) => string) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([name, ...years.map(String), 'Summe']).font = { bold: true };
    const keys = [...new Set(data.rows.map((r) => r[key]))].sort();
    for (const k of keys) {
      const vals = years.map(
        (y) => data.rows.filter((r) => r[key] === k && r.year === y).reduce((s, r) => s + r.cents, 0) / 100,
      );
      ws.addRow([label(k), ...vals, vals.reduce((a, b) => a + b, 0)]);
    }
    ws.getColumn(1).width = 36;
    for (let i = 2; i <= years.length + 2; i++) ws.getColumn(i).numFmt = XLSX_FORMAT.euro;
  };
  sheet('Nach Kategorie', 'category', (k) => CATEGORY[k] ?? k);
  sheet('Nach Haushaltsstelle', 'budgetLine', (k) => k || '(ohne Haushaltsstelle)');
  const risk = wb.addWorksheet('Risiken und Fristen');
  risk.addRow(['Erwartete Kosten offener Risiken', data.exposure.cents / 100]).font = { bold: true };
  risk.getCell('B1').numFmt = XLSX_FORMAT.euro;
  risk.addRow([]);
  risk.addRow(['Projekt', 'Förderprogramm', 'Frist', 'Stand']).font = { bold: true };
  for (const d of data.deadlines)
    risk.addRow([d.project, d.programme, xlsxDay(d.deadline), d.status === 'applied' ? 'beantragt' : 'geplant']);
  risk.getColumn(3).numFmt = XLSX_FORMAT.date;
  risk.getColumn(3).width = 12;
  risk.getColumn(1).width = 40;
  risk.getColumn(2).width = 36;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
