import type { Client } from './helpers.js';
import { ok } from './permission-probe-kit.js';

const LEVELS = ['Gar nicht', 'Gelegentlich', 'Regelmäßig', 'Gesteuert', 'Vorbildlich'];

/**
 * The maturity resources of one municipality, made through the API by its coordination (which moderates
 * `networkId`): a draft self-assessment with an answer and its evidence, the network's own criterion and key
 * figure with a value of this year, the consent to be asked and the open ring. `label` makes the texts unique
 * (the cross-tenant suite's markers must never reach another municipality).
 */
export async function buildMaturityResources(b: Client, networkId: string, label: string) {
  const year = new Date().getUTCFullYear();
  const a = await ok(b.post('/api/v1/maturity/assessments'));
  await ok(
    b.put(`/api/v1/maturity/assessments/${a.id}/answers/security`, {
      level: 3,
      evidenceUrl: '/projekte',
      evidenceNote: `Geheimer Nachweis ${label}`,
      version: 1,
    }),
  );
  const withCriterion = await ok(
    b.post(`/api/v1/maturity/networks/${networkId}/criteria`, {
      dimensionKey: 'cooperation',
      name: `Geheimes Kriterium ${label}`,
      levels: LEVELS,
    }),
  );
  const withFigure = await ok(
    b.post(`/api/v1/maturity/networks/${networkId}/key-figures`, {
      name: `Geheime Kennzahl ${label}`,
      definition: 'Eine Kennzahl nur für diesen Verbund.',
      unit: 'Stück',
      direction: 'higher',
      source: 'Eigene Zählung',
      // three decimals, so that the value below (a leak marker) is stored as entered
      decimals: 3,
    }),
  );
  const figureId = withFigure.figures[0].id as string;
  await ok(
    b.put(`/api/v1/maturity/key-figures/${figureId}/values/${year}`, {
      value: 987654.321,
      note: `Geheime Wertnotiz ${label}`,
      version: 0,
    }),
  );
  await ok(b.put('/api/v1/maturity/settings', { contactable: true, version: 0 }));
  await ok(b.put(`/api/v1/maturity/networks/${networkId}/ring`, { open: true }));
  return {
    ids: {
      assessmentId: a.id as string,
      criterionKey: 'security',
      criterionId: withCriterion.criteria[0].id as string,
      figureId,
      year: String(year),
    },
    markers: [
      `Geheimer Nachweis ${label}`,
      `Geheimes Kriterium ${label}`,
      `Geheime Kennzahl ${label}`,
      `Geheime Wertnotiz ${label}`,
      '987654.321',
    ],
  };
}
