import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { AppError, DZ_BPMN_EXTENSION, DZ_BPMN_NS, type ProcessGraph } from '@dz/core';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver.js';
import { graphOf, many } from './bpmn-graph.js';

export type { ModdleElement } from 'bpmn-moddle';
export { graphOf } from './bpmn-graph.js';

/**
 * The one place where the server reads and writes BPMN 2.0 XML: bpmn-moddle (the model library of bpmn-js, so
 * the server keeps what the browser editor keeps) with our `dz:` attributes, bpmnlint for the modelling checks.
 */

/** Largest model accepted, in bytes (checked before anything is parsed). */
export const BPMN_MAX_BYTES = 5 * 1024 * 1024;
/** Deepest element nesting accepted (a real model needs about 10 levels plus one per nested sub-process). */
export const BPMN_MAX_DEPTH = 100;

const moddle = new BpmnModdle({ dz: DZ_BPMN_EXTENSION });

export interface BpmnDocument {
  /** The model tree (`bpmn:Definitions`), to check with `lintBpmn`, change and write back with `toXml`. */
  definitions: ModdleElement;
  graph: ProcessGraph;
  /** What the reader skipped or could not resolve (unknown elements, references to missing ids), in English. */
  warnings: string[];
  /** The document as text (decoded, byte order mark removed). */
  xml: string;
}

export interface LintFinding {
  elementId: string;
  rule: string;
  message: string;
  category: 'error' | 'warn' | 'info';
}

const refuse = (code: 'bpmn_invalid' | 'bpmn_doctype' | 'bpmn_too_deep', parserMessage?: string) =>
  new AppError(code, undefined, [], parserMessage ? { parserMessage } : {});

/** One line of a reader message (moddle's messages span lines with tab-indented details). */
const oneLine = (message: string) => message.replace(/\s*\n\s*/g, ' ').trim();

/**
 * The text of an uploaded file: UTF-8 unless a byte order mark or the XML declaration names another encoding
 * (older tools export ISO-8859-1), which the XML reader itself would not honour.
 */
function decode(xml: string | Buffer): { text: string; decoded: boolean } {
  if (typeof xml === 'string') return { text: xml.replace(/^\uFEFF/, ''), decoded: false };
  let label = 'utf-8';
  if (xml[0] === 0xff && xml[1] === 0xfe) label = 'utf-16le';
  else if (xml[0] === 0xfe && xml[1] === 0xff) label = 'utf-16be';
  else {
    const head = xml.subarray(0, 200).toString('latin1');
    const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
    if (declared) label = declared.toLowerCase();
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: false });
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  // TextDecoder drops a leading byte order mark itself
  return { text: decoder.decode(xml), decoded: decoder.encoding !== 'utf-8' };
}

/**
 * The deepest element nesting of a model tree, stopping at `limit + 1`. Iterative: a hostile document nested
 * ten thousand levels deep must not overflow the call stack here (the reader itself keeps an explicit stack).
 * Contained children are the element values whose `$parent` is this element; other element values are
 * references (a sequence flow's `sourceRef`) and are not followed.
 */
export function nestingDepth(root: ModdleElement, limit = BPMN_MAX_DEPTH): number {
  let deepest = 0;
  const seen = new Set<ModdleElement>([root]);
  const stack: [ModdleElement, number][] = [[root, 1]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const key of Object.keys(el)) {
      const value = el[key];
      const children = Array.isArray(value) ? value : [value];
      for (const child of children) {
        if (!child || typeof child !== 'object' || typeof (child as ModdleElement).$type !== 'string') continue;
        const c = child as ModdleElement;
        if ((c.$parent !== undefined && c.$parent !== el) || seen.has(c)) continue;
        seen.add(c);
        stack.push([c, depth + 1]);
      }
    }
  }
  return deepest;
}

/**
 * Reads a BPMN 2.0 document. Refused (AppError, nothing parsed further): more than 5 MB (`bpmn_too_large`,
 * 413); any DOCTYPE or ENTITY declaration (`bpmn_doctype`: external entities could read server files, nested
 * ones expand to gigabytes — such declarations are refused, never resolved); not well-formed XML, a root other
 * than `bpmn:definitions`, or neither a process nor a collaboration (`bpmn_invalid`, with the reader's message
 * as `parserMessage`); elements nested deeper than 100 levels (`bpmn_too_deep`). What the reader skips — unknown
 * elements, references to missing ids, an unsupported encoding — comes back as `warnings`.
 */
export async function readBpmn(xml: string | Buffer): Promise<BpmnDocument> {
  const bytes = typeof xml === 'string' ? Buffer.byteLength(xml, 'utf8') : xml.length;
  if (bytes > BPMN_MAX_BYTES) throw new AppError('bpmn_too_large');
  const { text, decoded } = decode(xml);
  // a plain text check, before any parser sees the document (also inside comments: refusing those costs nothing)
  if (/<!(?:DOCTYPE|ENTITY)/i.test(text)) throw refuse('bpmn_doctype');

  let result: Awaited<ReturnType<BpmnModdle['fromXML']>>;
  try {
    // line ends as every XML processor normalises them first (XML 1.0 §2.11) — the reader does not, and a
    // literal CR kept in a value would come back as a space
    result = await moddle.fromXML(text.replace(/\r\n?/g, '\n'), 'bpmn:Definitions');
  } catch (err) {
    throw refuse('bpmn_invalid', oneLine(err instanceof Error ? err.message : String(err)));
  }
  const definitions = result.rootElement;
  if (!definitions?.$instanceOf('bpmn:Definitions'))
    throw refuse('bpmn_invalid', 'root element is not bpmn:definitions');
  if (nestingDepth(definitions) > BPMN_MAX_DEPTH) throw refuse('bpmn_too_deep');
  const roots = many(definitions, 'rootElements');
  if (!roots.some((r) => r.$instanceOf('bpmn:Process') || r.$instanceOf('bpmn:Collaboration')))
    throw refuse('bpmn_invalid', 'no process and no collaboration');

  const warnings = result.warnings
    .map((w) => oneLine(w.message))
    .filter((w) => !(decoded && w.startsWith('unsupported document encoding')));
  // kept as UTF-8 text from here on: a declaration naming the file's old encoding would now be wrong
  const xmlText = decoded ? text.replace(/^(<\?xml[^>]*?\sencoding\s*=\s*["'])[^"']*(["'])/, '$1UTF-8$2') : text;
  return { definitions, graph: graphOf(definitions), warnings, xml: xmlText };
}

/**
 * Writes a model tree as BPMN 2.0 XML (UTF-8, indented). Attributes at their default value are left out and
 * numbers are written as numbers (`72.0` → `72`), as bpmn-js does; a carriage return inside a value is written
 * as `&#13;` (bpmn-moddle writes it raw, and XML readers would turn it into a space).
 */
export async function toXml(definitions: ModdleElement): Promise<string> {
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml.replace(/\r/g, '&#13;');
}

// rules and configs resolved from bpmnlint's own files, wherever the server runs from
const resolver = new NodeResolver({ require: createRequire(import.meta.url) });

/** bpmnlint's recommended checks, one finding per element and rule, sorted by rule, then element id. */
export async function lintBpmn(definitions: ModdleElement): Promise<LintFinding[]> {
  // a Linter per run: bpmnlint's rules keep what they saw in their instance (no-duplicate-sequence-flows would
  // report every flow of a model checked a second time as a duplicate)
  const linter = new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver });
  const results = await linter.lint(definitions);
  const findings: LintFinding[] = [];
  for (const [rule, reports] of Object.entries(results)) {
    for (const r of reports) {
      // a rule that crashed ('rule-error') is reported as an error of that rule
      const category = r.category === 'warn' || r.category === 'info' ? r.category : 'error';
      findings.push({ elementId: r.id ?? '', rule, message: r.message, category });
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return findings.sort((a, b) => cmp(a.rule, b.rule) || cmp(a.elementId, b.elementId) || cmp(a.message, b.message));
}

let plainModdle: BpmnModdle | undefined;

const newBpmnId = (prefix: string) => `${prefix}_${randomBytes(5).toString('hex')}`;

/**
 * A new model: one process named `processName` with a start event "Start" and its diagram shape (so the
 * editor shows it), ids generated. Built as a model tree and written by bpmn-moddle, so the name is escaped.
 */
export async function emptyBpmn(processName: string): Promise<string> {
  // without our package: bpmn-moddle declares a known package's namespace only where it is used, a foreign one
  // from `$attrs` always — so the new file has `xmlns:dz` for the editor to write our attributes with
  plainModdle ??= new BpmnModdle();
  const m = plainModdle;
  const start = m.create('bpmn:StartEvent', { id: newBpmnId('StartEvent'), name: 'Start' });
  const process = m.create('bpmn:Process', {
    id: newBpmnId('Process'),
    name: processName,
    isExecutable: false,
    flowElements: [start],
  });
  start.$parent = process;
  const bounds = m.create('dc:Bounds', { x: 180, y: 160, width: 36, height: 36 });
  const shape = m.create('bpmndi:BPMNShape', { id: `${start.get('id')}_di`, bpmnElement: start, bounds });
  bounds.$parent = shape;
  const plane = m.create('bpmndi:BPMNPlane', {
    id: newBpmnId('BPMNPlane'),
    bpmnElement: process,
    planeElement: [shape],
  });
  shape.$parent = plane;
  const diagram = m.create('bpmndi:BPMNDiagram', { id: newBpmnId('BPMNDiagram'), plane });
  plane.$parent = diagram;
  const definitions = m.create('bpmn:Definitions', {
    id: newBpmnId('Definitions'),
    targetNamespace: 'http://bpmn.io/schema/bpmn',
    exporter: 'Digitalzirkel',
    rootElements: [process],
    diagrams: [diagram],
  });
  process.$parent = definitions;
  diagram.$parent = definitions;
  definitions.$attrs['xmlns:dz'] = DZ_BPMN_NS;
  const { xml } = await m.toXML(definitions, { format: true });
  return xml;
}
