import type { Client } from './helpers.js';
import { multipart } from './helpers.js';
import { ok } from './permission-probe-kit.js';

/**
 * The method-library resources of one municipality, made through the API by its coordination (which moderates
 * `networkId`): a checklist curated for the network's members with a PDF attached and a second version, ticked for
 * the municipality and for one of its projects. `label` makes the texts unique (the cross-tenant suite's markers
 * must never reach another municipality).
 */
export async function buildGuideResources(b: Client, networkId: string, label: string, projectId: string) {
  const g = await ok(
    b.post('/api/v1/guides', {
      networkId,
      kind: 'checklist',
      title: `Geheime Hilfe ${label}`,
      summary: `Geheime Zusammenfassung ${label}`,
      body: 'Nur für den Verbund.',
      items: [{ key: 'erster', text: `Geheimer Prüfpunkt ${label}` }],
      modules: ['shared_services'],
      phases: ['planning'],
    }),
  );
  const withFile = await ok(
    b.inject({
      method: 'POST',
      url: `/api/v1/guides/${g.id}/files`,
      ...multipart(`geheime-vorlage-${label.toLowerCase()}.pdf`, Buffer.from('%PDF-1.4\n% geheim\n')),
    }),
  );
  await ok(b.put(`/api/v1/guides/${g.id}/ticks/erster`, { done: true }));
  await ok(b.put(`/api/v1/guides/${g.id}/ticks/erster`, { done: true, projectId }));
  return {
    ids: {
      guideId: g.id as string,
      itemKey: 'erster',
      version: '1',
      guideFileId: withFile.files[0].id as string,
    },
    markers: [`Geheime Hilfe ${label}`, `Geheime Zusammenfassung ${label}`, `Geheimer Prüfpunkt ${label}`],
  };
}
