import { caseEffort, STARTER_SERVICES, starterCases } from '@dz/core';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { readBpmn } from '../lib/bpmn.js';
import { newId } from '../lib/ids.js';
import { loadSettings } from '../modules/finance/finance.service.js';

interface DemoTask {
  name: string;
  minutes: number;
  mediaBreak?: boolean;
  /** After this task a share of the cases goes through a rework task and back. */
  rework?: { share: number; task: string; minutes: number };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * A BPMN 2.0 chain laid out left to right as bpmn-js draws it (shapes on one line, edges between their sides, a
 * rework loop below), with our dz: effort attributes.
 */
export function demoChainXml(processName: string, tasks: readonly DemoTask[]): string {
  /** Each node as its tag name and attributes; incoming and outgoing flows are written inside (bpmnlint reads them). */
  const nodes: { id: string; tag: string; attrs: string }[] = [];
  const links = new Map<string, string[]>();
  const link = (node: string, line: string) => links.set(node, [...(links.get(node) ?? []), line]);
  const node = (tag: string, id: string, attrs: string) => nodes.push({ id, tag, attrs });
  const flows: string[] = [];
  const di: string[] = [];
  let n = 0;
  const shape = (id: string, x: number, y: number, w: number, h: number) =>
    di.push(
      `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}" /></bpmndi:BPMNShape>`,
    );
  const flow = (from: string, to: string, points: [number, number][], attrs = '') => {
    const id = `Flow_demo_${++n}`;
    flows.push(`<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"${attrs} />`);
    link(from, `<bpmn:outgoing>${id}</bpmn:outgoing>`);
    link(to, `<bpmn:incoming>${id}</bpmn:incoming>`);
    di.push(
      `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">${points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('')}</bpmndi:BPMNEdge>`,
    );
  };
  const mid = 200;
  node('startEvent', 'Start_demo', 'name="Antrag geht ein"');
  shape('Start_demo', 152, mid - 18, 36, 36);
  let prev = { id: 'Start_demo', right: 188 };
  let x = 240;
  let onwards = '';
  tasks.forEach((t, i) => {
    const id = `Task_demo_${i + 1}`;
    const attrs = `dz:minutes="${t.minutes}" dz:payGroup="EG 8"${t.mediaBreak ? ' dz:mediaBreak="true"' : ''}`;
    node('task', id, `name="${esc(t.name)}" ${attrs}`);
    shape(id, x, mid - 40, 100, 80);
    flow(
      prev.id,
      id,
      [
        [prev.right, mid],
        [x, mid],
      ],
      onwards,
    );
    onwards = '';
    prev = { id, right: x + 100 };
    x += 150;
    if (t.rework) {
      const g = `Gateway_demo_${i + 1}`;
      const r = `Rework_demo_${i + 1}`;
      node('exclusiveGateway', g, 'name="Vollständig?"');
      shape(g, x, mid - 25, 50, 50);
      flow(id, g, [
        [prev.right, mid],
        [x, mid],
      ]);
      node('task', r, `name="${esc(t.rework.task)}" dz:minutes="${t.rework.minutes}" dz:payGroup="EG 8"`);
      shape(r, x - 25, mid + 80, 100, 80);
      flow(
        g,
        r,
        [
          [x + 25, mid + 25],
          [x + 25, mid + 80],
        ],
        ` name="nein" dz:probability="${t.rework.share}"`,
      );
      flow(r, id, [
        [x - 25, mid + 120],
        [x - 100, mid + 120],
        [x - 100, mid + 40],
      ]);
      onwards = ` name="ja" dz:probability="${Math.round((1 - t.rework.share) * 1e6) / 1e6}"`;
      prev = { id: g, right: x + 50 };
      x += 100;
    }
  });
  node('endEvent', 'End_demo', 'name="Erledigt"');
  shape('End_demo', x, mid - 18, 36, 36);
  flow(
    prev.id,
    'End_demo',
    [
      [prev.right, mid],
      [x, mid],
    ],
    onwards,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:dz="https://digitalzirkel.de/schema/bpmn/1.0" id="Definitions_demo" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="Process_demo" name="${esc(processName)}" isExecutable="false">
    ${[...nodes.map((x) => `<bpmn:${x.tag} id="${x.id}" ${x.attrs}>${(links.get(x.id) ?? []).join('')}</bpmn:${x.tag}>`), ...flows].join('\n    ')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_demo">
    <bpmndi:BPMNPlane id="Plane_demo" bpmnElement="Process_demo">
      ${di.join('\n      ')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

const AS_IS: DemoTask[] = [
  { name: 'Anzeige am Schalter annehmen', minutes: 10, mediaBreak: true },
  { name: 'Daten ins Fachverfahren abtippen', minutes: 15, mediaBreak: true },
  { name: 'Angaben prüfen', minutes: 20, rework: { share: 0.2, task: 'Unterlagen nachfordern', minutes: 20 } },
  { name: 'Durchschriften an Finanzamt, IHK und BG schicken', minutes: 12, mediaBreak: true },
  { name: 'Vorgang ablegen', minutes: 5 },
];
const TO_BE: DemoTask[] = [
  { name: 'Angaben prüfen', minutes: 20, rework: { share: 0.2, task: 'Unterlagen nachfordern', minutes: 20 } },
  { name: 'Weiterleitung per XGewerbeanzeige prüfen', minutes: 2 },
  { name: 'Vorgang ablegen', minutes: 5 },
];

/** A service of the starter list a demo municipality keeps, with its own OZG level and media breaks. */
export interface DemoService {
  key: string;
  ozgLevel?: number;
  mediaBreaks?: number;
}

/**
 * A demo municipality's process inventory: the starter list's services with volumes for its population, and
 * "Gewerbe anmelden" modelled as it runs today (paper at the counter, typed in, copies by post) and online, so
 * /prozesse shows a portfolio with savings after `npm start`. Plön keeps the whole list and both models; another
 * municipality may keep a part of the list with its own OZG levels and only the as-is model.
 */
export async function seedDemoProcesses(
  trx: Transaction<DB>,
  o: {
    municipalityId: string;
    coordinatorId: string;
    services?: readonly DemoService[];
    models?: readonly ('as_is' | 'to_be')[];
  },
) {
  const m = await trx
    .selectFrom('municipalities')
    .select('population')
    .where('id', '=', o.municipalityId)
    .executeTakeFirstOrThrow();
  const departments = await trx
    .selectFrom('departments')
    .select(['id', 'code'])
    .where('municipalityId', '=', o.municipalityId)
    .execute();
  const kept: readonly DemoService[] =
    o.services ?? STARTER_SERVICES.map((s) => ({ key: s.key, mediaBreaks: s.key === 'gewerbe-an' ? 3 : 0 }));
  const serviceIds = new Map<string, string>();
  const rows = kept.map((k) => {
    const s = STARTER_SERVICES.find((x) => x.key === k.key);
    if (!s) throw new Error(`demo: no starter service ${k.key}`);
    const id = newId();
    serviceIds.set(s.key, id);
    return {
      id,
      municipalityId: o.municipalityId,
      name: s.name,
      subjectArea: s.subjectArea as never,
      lifeSituation: s.lifeSituation,
      departmentId: departments.find((d) => d.code === s.departmentCode)?.id ?? null,
      casesPerYear: starterCases(s, m.population ?? 0),
      minutesPerCase: s.minutesPerCase,
      ozgLevel: k.ozgLevel ?? s.ozgLevel,
      ozgTarget: 3,
      mediaBreaks: k.mediaBreaks ?? 0,
      starterKey: s.key,
      createdBy: o.coordinatorId,
    };
  });
  if (rows.length) await trx.insertInto('processServices').values(rows).execute();
  const serviceId = serviceIds.get('gewerbe-an');
  const models = (
    [
      ['as_is', 'Ist-Prozess', AS_IS],
      ['to_be', 'Online über das Landesportal', TO_BE],
    ] as const
  ).filter(([kind]) => (o.models ?? ['as_is', 'to_be']).includes(kind));
  if (!serviceId || !models.length) return;
  const { rates } = await loadSettings(trx, o.municipalityId);
  const table = Object.fromEntries(rates.map((r) => [r.payGroup, r.centsPerHour]));
  for (const [kind, name, tasks] of models) {
    const xml = demoChainXml(`Gewerbe anmelden – ${name}`, tasks);
    const effort = caseEffort((await readBpmn(xml)).graph, table, 'EG 8');
    const e = effort.ok ? effort.effort : null;
    await trx
      .insertInto('processModels')
      .values({
        id: newId(),
        municipalityId: o.municipalityId,
        serviceId,
        kind,
        name,
        xml,
        minutesPerCase: e?.minutesPerCase ?? null,
        centsPerCase: e?.centsPerCase ?? null,
        mediaBreaks: e?.mediaBreaks ?? null,
        createdBy: o.coordinatorId,
        updatedBy: o.coordinatorId,
      })
      .execute();
  }
}
