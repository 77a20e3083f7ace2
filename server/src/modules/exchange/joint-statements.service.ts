import { fieldError, fmtEuro, fmtNumber } from '@dz/core';
import type { Deps } from '../../lib/deps.js';
import { deDate, renderPdf } from '../../lib/pdf.js';
import type { TenantScope } from '../../lib/scope.js';
import { newWorkbook, XLSX_FORMAT, xlsxPercent } from '../../lib/xlsx.js';

import { COST_KEY_LABELS, getJoint } from './joint.service.js';

/* Cost statements of a joint project per partner: the figures, as PDF and as XLSX. */
const euro = (cents: number) => fmtEuro(cents);

/** The cost statement of one partner (default: my municipality): the key, every partner's basis and share. */
export async function statement(deps: Deps, scope: TenantScope, id: string, partnerId?: string) {
  const d = await getJoint(deps, scope, id);
  const who = partnerId ?? scope.municipalityId;
  const me = d.partners.find((p) => p.municipalityId === who && p.status !== 'declined');
  if (!me) throw fieldError('municipalityId', 'not_a_partner', 'Diese Kommune ist nicht beteiligt.');
  return { d, me };
}

function basisOf(d: Awaited<ReturnType<typeof getJoint>>, p: Awaited<ReturnType<typeof getJoint>>['partners'][number]) {
  switch (d.costKey) {
    case 'population':
    case 'base_variable':
      return `${fmtNumber(p.population)} Einw.`;
    case 'case_volume':
      return `${fmtNumber(p.caseVolume)} Fälle`;
    case 'custom':
      return `${fmtNumber(p.customPercent)} %`;
    default:
      return '1 Anteil';
  }
}

export async function statementPdf(deps: Deps, scope: TenantScope, id: string, partnerId?: string) {
  const { d, me } = await statement(deps, scope, id, partnerId);
  const today = new Date().toISOString().slice(0, 10);
  const content = [
    { text: `Kostenaufstellung · ${me.name}`, style: 'kicker' },
    { text: d.title, style: 'h1' },
    {
      text: `Gemeinsames Projekt unter Federführung von ${d.lead.name}. Kostenschlüssel: ${COST_KEY_LABELS[d.costKey]}${
        d.costKey === 'base_variable' ? ` (Sockel ${Math.round(d.baseShare * 100)} % zu gleichen Teilen)` : ''
      }. Stand: ${deDate(today)}.`,
    },
    { text: `Anteil ${me.name}: ${euro(me.shareCents)} (${fmtNumber(me.sharePercent)} %)`, style: 'h2' },
    { text: 'Kosten des Projekts', style: 'h3' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto'],
        body: [
          [
            { text: 'Position', bold: true },
            { text: 'Betrag', bold: true, alignment: 'right' },
          ],
          ...d.costLines.map((l) => [l.label, { text: euro(l.amountCents), alignment: 'right' }]),
          [
            { text: 'Summe', bold: true },
            { text: euro(d.totalCents), bold: true, alignment: 'right' },
          ],
        ],
      },
      layout: 'lightHorizontalLines',
    },
    { text: 'Aufteilung auf die Beteiligten', style: 'h3' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto', 'auto', 'auto'],
        body: [
          [
            { text: 'Kommune', bold: true },
            { text: 'Grundlage', bold: true },
            { text: 'Anteil %', bold: true, alignment: 'right' },
            { text: 'Betrag', bold: true, alignment: 'right' },
          ],
          ...d.partners
            .filter((p) => p.status !== 'declined')
            .map((p) => {
              const bold = p.municipalityId === me.municipalityId;
              return [
                { text: `${p.name}${p.role === 'lead' ? ' (federführend)' : ''}`, bold },
                { text: basisOf(d, p), bold },
                { text: fmtNumber(p.sharePercent), alignment: 'right', bold },
                { text: euro(p.shareCents), alignment: 'right', bold },
              ];
            }),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    {
      text: 'Die Anteile sind auf den Cent gerundet (Restcent nach dem größten Rest verteilt) und ergeben zusammen genau die Summe.',
      margin: [0, 10, 0, 0],
      fontSize: 9,
    },
  ];
  return renderPdf({ title: `Kostenaufstellung ${d.title} – ${me.name}`, footer: d.title, content });
}

export async function statementXlsx(deps: Deps, scope: TenantScope, id: string, partnerId?: string) {
  const { d, me } = await statement(deps, scope, id, partnerId);
  const wb = await newWorkbook();
  wb.creator = 'Digitalzirkel';
  const ws = wb.addWorksheet('Kostenaufstellung');
  ws.addRow([`Kostenaufstellung ${me.name}`]).font = { bold: true, size: 14 };
  ws.addRow([d.title]);
  ws.addRow(['Kostenschlüssel', COST_KEY_LABELS[d.costKey]]);
  const share = ws.addRow(['Anteil', me.shareCents / 100, xlsxPercent(me.sharePercent)]);
  share.font = { bold: true };
  share.getCell(2).numFmt = XLSX_FORMAT.euro;
  share.getCell(3).numFmt = XLSX_FORMAT.percent;
  ws.addRow([]);
  ws.addRow(['Position', 'Betrag']).font = { bold: true };
  for (const l of d.costLines) ws.addRow([l.label, l.amountCents / 100]).getCell(2).numFmt = XLSX_FORMAT.euro;
  const sum = ws.addRow(['Summe', d.totalCents / 100]);
  sum.font = { bold: true };
  sum.getCell(2).numFmt = XLSX_FORMAT.euro;
  ws.addRow([]);
  ws.addRow(['Kommune', 'Grundlage', 'Anteil', 'Betrag']).font = { bold: true };
  for (const p of d.partners.filter((x) => x.status !== 'declined')) {
    const row = ws.addRow([p.name, basisOf(d, p), xlsxPercent(p.sharePercent), p.shareCents / 100]);
    row.getCell(3).numFmt = XLSX_FORMAT.percent;
    row.getCell(4).numFmt = XLSX_FORMAT.euro;
    if (p.municipalityId === me.municipalityId) row.font = { bold: true };
  }
  ws.getColumn(1).width = 40;
  ws.getColumn(2).width = 22;
  ws.getColumn(3).width = 12;
  ws.getColumn(4).width = 16;
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), name: me.name };
}
