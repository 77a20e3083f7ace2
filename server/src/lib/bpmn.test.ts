import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '@dz/core';
import type { ModdleElement } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { firstDifference, typesIn } from '../../test/bpmn-compare.js';
import { emptyBpmn, graphOf, lintBpmn, readBpmn, toXml } from './bpmn.js';
import { many, processesOf } from './bpmn-graph.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/bpmn');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const FILES = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.bpmn'))
  .sort();

const BPMN = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"';
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).code;
  }
  throw new Error('not refused');
}

// ---------------------------------------------------------------------------------------------------------------

describe('readBpmn → toXml keeps every element, attribute and text', () => {
  it('has fixtures of at least eight producers', () => {
    expect(new Set(FILES.map((f) => f.replace(/-[A-C]\.\d\.\d\.bpmn$|\.bpmn$/, ''))).size).toBeGreaterThanOrEqual(8);
  });

  it.each(FILES)('%s', async (file) => {
    const doc = await readBpmn(fixture(file));
    const written = await toXml(doc.definitions);
    expect(firstDifference(doc.xml, written)).toBeNull();
    // the diagram survives as a whole
    for (const di of ['BPMNShape', 'BPMNEdge', 'Bounds', 'waypoint'])
      expect(typesIn(written, di), di).toBe(typesIn(doc.xml, di));
    // and reads again to the same graph
    expect((await readBpmn(written)).graph).toEqual(doc.graph);
  });

  it('the comparison sees a lost attribute, element or text', async () => {
    const xml = fixture('gewerbeanmeldung.bpmn').toString('utf8');
    expect(firstDifference(xml, xml.replace(' dz:payGroup="E8" dz:mediaBreak="true"', ' dz:payGroup="E8"'))).toMatch(
      /Task_Erfassen\]@\{https:\/\/digitalzirkel\.de\/schema\/bpmn\/1\.0\}mediaBreak/,
    );
    expect(firstDifference(xml, xml.replace(/<bpmn:documentation>Voll[^<]*<\/bpmn:documentation>/, ''))).toMatch(
      /Task_Pruefen\]\/documentation/,
    );
    expect(firstDifference(xml, xml.replace('Ordnungsamt', 'Bauamt'))).toMatch(/zustaendigkeit: text/);
  });

  it('keeps a carriage return inside a name (ARIS writes &#13;&#10;)', async () => {
    const doc = await readBpmn(fixture('aris-B.1.0.bpmn'));
    const written = await toXml(doc.definitions);
    expect(written).toContain('name="Data&#13;&#10;Store&#13;&#10;Reference"');
  });

  it('reads ISO-8859-1 as declared when given bytes', async () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><bpmn:definitions ${BPMN}><bpmn:process id="p"><bpmn:task id="t" name="Prüfen"/></bpmn:process></bpmn:definitions>`;
    const doc = await readBpmn(Buffer.from(xml, 'latin1'));
    expect(doc.graph.nodes[0]?.name).toBe('Prüfen');
    expect(doc.warnings).toEqual([]);
    // kept (and served back) as UTF-8: the declaration says so, and reading it again gives the same name
    expect(doc.xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect((await readBpmn(Buffer.from(doc.xml, 'utf8'))).graph.nodes[0]?.name).toBe('Prüfen');
  });

  it('returns what the reader skipped as warnings', async () => {
    const xml = `<bpmn:definitions ${BPMN}><bpmn:process id="p"><bpmn:frobnicate id="x"/><bpmn:sequenceFlow id="f" sourceRef="gone" targetRef="p"/></bpmn:process></bpmn:definitions>`;
    const doc = await readBpmn(xml);
    expect(doc.warnings).toHaveLength(2);
    expect(doc.warnings.join('\n')).toMatch(/unknown type <bpmn:Frobnicate>/);
    expect(doc.warnings.join('\n')).toMatch(/unresolved reference <gone>/);
    expect(doc.graph.flows).toEqual([]);
  });
});

describe('graphOf', () => {
  it('reduces the Gewerbeanmeldung to nodes, lanes, minutes and branch probabilities', async () => {
    const { graph } = await readBpmn(fixture('gewerbeanmeldung.bpmn'));
    const S = 'Lane_Service';
    const G = 'Lane_Gewerbeamt';
    expect(graph.lanes).toEqual([
      { id: S, name: 'Bürgerservice' },
      { id: G, name: 'Gewerbeamt' },
    ]);
    expect(graph.nodes.map((n) => [n.id, n.kind, n.lane, n.minutes, n.payGroup, n.mediaBreak])).toEqual([
      ['Start_Eingang', 'start', S, null, null, false],
      ['Task_Pruefen', 'task', S, 10, 'E6', false],
      ['Gateway_Vollstaendig', 'exclusive', S, null, null, false],
      ['Task_Erfassen', 'task', G, 15, 'E8', true],
      ['Task_Schein', 'task', G, 5, 'E8', false],
      ['Task_Melden', 'task', G, 2.5, 'E6', false],
      ['End_Angemeldet', 'end', G, null, null, false],
      ['Task_Nachfordern', 'task', S, 8, 'E6', true],
      ['End_Ruht', 'end', S, null, null, false],
    ]);
    expect(graph.nodes[1]?.name).toBe('Anmeldung prüfen');
    expect(graph.flows).toHaveLength(8);
    expect(graph.flows.find((f) => f.id === 'Flow_Ja')).toEqual({
      id: 'Flow_Ja',
      name: 'ja',
      source: 'Gateway_Vollstaendig',
      target: 'Task_Erfassen',
      probability: 0.85,
    });
    expect(graph.flows.find((f) => f.id === 'Flow_Nein')?.probability).toBe(0.15);
    expect(graph.flows.find((f) => f.id === 'Flow_1')?.probability).toBeNull();
  });

  it('reads every pool of a collaboration, a sub-process as one step, boundary events and nested lanes', async () => {
    const { graph } = await readBpmn(fixture('bauantrag-collaboration.bpmn'));
    const ids = graph.nodes.map((n) => n.id);
    expect(ids).toContain('Task_Stellen'); // pool 1
    expect(ids).toContain('Task_Genehmigen'); // pool 2
    expect(ids.filter((id) => id.startsWith('Sub_'))).toEqual(['Sub_Pruefen']);
    expect(graph.flows.map((f) => f.id)).not.toContain('Sub_Flow_1');
    const node = (id: string) => graph.nodes.find((n) => n.id === id)!;
    expect(node('Sub_Pruefen')).toMatchObject({ kind: 'task', minutes: 45, payGroup: 'E9b' });
    expect(node('Boundary_Frist')).toMatchObject({
      kind: 'boundary',
      attachedTo: 'Sub_Pruefen',
      probability: 0.1,
      // no cancelActivity: BPMN's default, the deadline ends the check
      interrupting: true,
    });
    expect(node('Split_Parallel').kind).toBe('parallel');
    expect(graph.lanes.map((l) => l.id)).toEqual(['Lane_Bauamt', 'Lane_Sachbearbeitung', 'Lane_Leitung']);
    expect(node('Task_Genehmigen').lane).toBe('Lane_Leitung'); // the innermost lane
    expect(node('Task_Erinnern').lane).toBe('Lane_Sachbearbeitung');
    expect(node('Task_Stellen').lane).toBeNull();
  });

  it('reads the processes of all participants of a producer’s collaboration (MIWG A.4.0)', async () => {
    const { definitions, graph } = await readBpmn(fixture('reference-A.4.0.bpmn'));
    const processes = processesOf(definitions);
    expect(processes.length).toBeGreaterThanOrEqual(2);
    const expected = processes.flatMap((p) =>
      many(p, 'flowElements')
        .filter((e: ModdleElement) => e.$instanceOf('bpmn:FlowNode'))
        .map((e) => e.get('id')),
    );
    expect(graph.nodes.map((n) => n.id)).toEqual(expected);
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length);
    expect(graphOf(definitions)).toEqual(graph);
  });
});

describe('readBpmn refuses', () => {
  it('what is not XML, or XML that is not BPMN', async () => {
    expect(await refusal(readBpmn('hello'))).toBe('bpmn_invalid');
    expect(await refusal(readBpmn(''))).toBe('bpmn_invalid');
    expect(await refusal(readBpmn('<html/>'))).toBe('bpmn_invalid');
    expect(await refusal(readBpmn(`<bpmn:definitions ${BPMN}><bpmn:process id="p">`))).toBe('bpmn_invalid');
    expect(await refusal(readBpmn(`<bpmn:definitions ${BPMN}/>`))).toBe('bpmn_invalid');
    const err = await readBpmn('<a><b></a>').catch((e: AppError) => e);
    expect((err as AppError).extra.parserMessage).toMatch(/closing tag mismatch/);
  });

  it('a DOCTYPE with an external entity (XXE), never reading the file', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><bpmn:definitions ${BPMN}><bpmn:process id="p" name="&x;"/></bpmn:definitions>`;
    expect(await refusal(readBpmn(xxe))).toBe('bpmn_doctype');
    expect(await refusal(readBpmn(Buffer.from(xxe.replace('DOCTYPE', 'doctype'))))).toBe('bpmn_doctype');
  });

  it('a billion laughs', async () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      '<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
      ']>',
      `<bpmn:definitions ${BPMN}><bpmn:process id="p" name="&lol9;"/></bpmn:definitions>`,
    ].join('\n');
    expect(await refusal(readBpmn(lol))).toBe('bpmn_doctype');
  });

  it('more than 5 MB, before parsing (20 MB)', async () => {
    const big = `<bpmn:definitions ${BPMN}><bpmn:process id="p"><bpmn:documentation>${'a'.repeat(20 * 1024 * 1024)}</bpmn:documentation></bpmn:process></bpmn:definitions>`;
    const err = await readBpmn(big).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('bpmn_too_large');
    expect((err as AppError).status).toBe(413);
    expect(await refusal(readBpmn(Buffer.from(big)))).toBe('bpmn_too_large');
  });

  it('10,000 levels of nesting, without overflowing the stack', async () => {
    const n = 10_000;
    const subs = `<bpmn:definitions ${BPMN}><bpmn:process id="p">${Array.from({ length: n }, (_, i) => `<bpmn:subProcess id="s${i}">`).join('')}${'</bpmn:subProcess>'.repeat(n)}</bpmn:process></bpmn:definitions>`;
    expect(await refusal(readBpmn(subs))).toBe('bpmn_too_deep');
    const foreign = `<bpmn:definitions ${BPMN} xmlns:f="urn:f"><bpmn:process id="p"><bpmn:extensionElements>${'<f:a>'.repeat(n)}${'</f:a>'.repeat(n)}</bpmn:extensionElements></bpmn:process></bpmn:definitions>`;
    expect(await refusal(readBpmn(foreign))).toBe('bpmn_too_deep');
    // 90 nested sub-processes are still a model
    const ok = subs.replace(/<bpmn:subProcess id="s(\d+)">/g, (m, i) => (Number(i) < 90 ? m : ''));
    const doc = await readBpmn(ok.replace(/(<\/bpmn:subProcess>)+/, '</bpmn:subProcess>'.repeat(90)));
    expect(doc.graph.nodes.map((x) => x.id)).toEqual(['s0']);
  });
});

describe('lintBpmn', () => {
  it('finds nothing in the Gewerbeanmeldung, also when the same model is checked again', async () => {
    const { definitions } = await readBpmn(fixture('gewerbeanmeldung.bpmn'));
    expect(await lintBpmn(definitions)).toEqual([]);
    // the editor checks after every change: a second run must not see the flows of the first as duplicates
    expect(await lintBpmn((await readBpmn(fixture('gewerbeanmeldung.bpmn'))).definitions)).toEqual([]);
  });

  it('names the task without an outgoing flow', async () => {
    const xml = `<bpmn:definitions ${BPMN} id="d"><bpmn:process id="p"><bpmn:startEvent id="Start" name="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent><bpmn:task id="Task_Lose" name="Prüfen"><bpmn:incoming>f1</bpmn:incoming></bpmn:task><bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Lose"/></bpmn:process></bpmn:definitions>`;
    const findings = await lintBpmn((await readBpmn(xml)).definitions);
    expect(findings).toContainEqual({
      elementId: 'Task_Lose',
      rule: 'no-implicit-end',
      message: 'Element is an implicit end',
      category: 'error',
    });
    expect(findings).toContainEqual(expect.objectContaining({ elementId: 'p', rule: 'end-event-required' }));
    const order = findings.map((f) => `${f.rule} ${f.elementId}`);
    expect(order).toEqual([...order].sort());
  });
});

describe('emptyBpmn', () => {
  it('is a model with one start event and its shape, readable again', async () => {
    const xml = await emptyBpmn('Gewerbeanmeldung');
    expect(xml).toContain('xmlns:dz="https://digitalzirkel.de/schema/bpmn/1.0"');
    const doc = await readBpmn(xml);
    expect(doc.warnings).toEqual([]);
    expect(doc.graph.nodes).toEqual([
      expect.objectContaining({ kind: 'start', name: 'Start', minutes: null, lane: null }),
    ]);
    expect(doc.graph.nodes[0]!.id).toMatch(/^StartEvent_[0-9a-f]{10}$/);
    const [process] = processesOf(doc.definitions);
    expect(process!.get('id')).toMatch(/^Process_[0-9a-f]{10}$/);
    const [diagram] = many(doc.definitions, 'diagrams');
    const plane = diagram!.get('plane') as ModdleElement;
    expect(plane.get('bpmnElement')).toBe(process);
    const [shape] = many(plane, 'planeElement');
    expect((shape!.get('bpmnElement') as ModdleElement).get('id')).toBe(doc.graph.nodes[0]!.id);
    expect(shape!.get('bounds')).toMatchObject({ width: 36, height: 36 });
    expect(await emptyBpmn('x')).not.toBe(await emptyBpmn('x')); // fresh ids
  });

  it('escapes the name', async () => {
    const name = `Gewerbe <&"> 'an' & ab`;
    const doc = await readBpmn(await emptyBpmn(name));
    expect(processesOf(doc.definitions)[0]!.get('name')).toBe(name);
  });
});
