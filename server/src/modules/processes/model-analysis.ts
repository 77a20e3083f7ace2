import { AppError, annualEffort, type CaseEffort, caseEffort } from '@dz/core';
import type { Database } from '../../db/database.js';
import { lintBpmn, readBpmn } from '../../lib/bpmn.js';
import { loadSettings } from '../finance/finance.service.js';
import { savingsOf } from './models.repository.js';

export type StoredFigures = Pick<CaseEffort, 'minutesPerCase' | 'centsPerCase' | 'mediaBreaks'>;

/** The pay groups of the municipality's staff cost rate table (finance settings) and the one a task without one gets. */
export async function rateTable(db: Database, municipalityId: string) {
  const { rates } = await loadSettings(db, municipalityId);
  const groups = rates.map((r) => r.payGroup);
  const defaultPayGroup = groups.find((g) => g === 'EG 8') ?? groups.find((g) => g === 'EG 9b') ?? groups[0] ?? null;
  return { rates: Object.fromEntries(rates.map((r) => [r.payGroup, r.centsPerHour])), groups, defaultPayGroup };
}
export type RateTable = Awaited<ReturnType<typeof rateTable>>;

/**
 * Reads BPMN XML (bpmn-moddle, refusals as a German field error at `path`), checks it with bpmnlint and computes
 * the effort per case; for a to-be model with a computed as-is model also the savings per year.
 */
export async function analyseXml(
  xml: string | Buffer,
  path: string,
  ctx: { rates: RateTable; casesPerYear: number; asIs: StoredFigures | null },
) {
  let doc: Awaited<ReturnType<typeof readBpmn>>;
  try {
    doc = await readBpmn(xml);
  } catch (e) {
    if (e instanceof AppError && e.code !== 'internal_error')
      throw new AppError(e.code, e.message, [{ path, code: e.errors[0]?.code ?? e.code, message: e.message }]);
    throw e;
  }
  const findings = await lintBpmn(doc.definitions);
  const result = caseEffort(doc.graph, ctx.rates.rates, ctx.rates.defaultPayGroup);
  const problem = (p: { code: string; elementId?: string }) => ({ code: p.code, elementId: p.elementId ?? null });
  const effort = result.ok ? result.effort : null;
  const annual = effort ? annualEffort(effort, ctx.casesPerYear) : null;
  return {
    xml: doc.xml,
    stored: effort
      ? { minutesPerCase: effort.minutesPerCase, centsPerCase: effort.centsPerCase, mediaBreaks: effort.mediaBreaks }
      : null,
    effortDetail: effort,
    analysis: {
      findings,
      elementNames: [...doc.graph.nodes, ...doc.graph.flows]
        .filter((e) => e.name)
        .map((e) => ({ id: e.id, name: e.name })),
      importWarnings: doc.warnings,
      effort:
        effort && annual
          ? {
              minutesPerCase: effort.minutesPerCase,
              centsPerCase: effort.centsPerCase,
              mediaBreaks: effort.mediaBreaks,
              hoursPerYear: annual.hours,
              centsPerYear: annual.cents,
            }
          : null,
      tasks: effort?.tasks ?? [],
      effortWarnings: (result.ok ? result.effort.warnings : result.warnings).map(problem),
      effortErrors: result.ok ? [] : result.errors.map(problem),
      savings: effort && ctx.asIs ? savingsOf(ctx.asIs, effort, ctx.casesPerYear) : null,
    },
  };
}
