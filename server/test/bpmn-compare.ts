import { DZ_BPMN_EXTENSION } from '@dz/core';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { BpmnModdle } from 'bpmn-moddle';

/*
 * Element-by-element comparison of two BPMN documents for the round-trip tests (server: bpmn-moddle; e2e: bpmn-js in
 * Chromium): namespace URI + local name of every element in document order, every attribute, every text.
 */
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

// ---------------------------------------------------------------------------------------------------------------
// Element-by-element comparison of two documents (namespace URI + local name, attributes, text), in document order.

/**
 * Attribute defaults of the BPMN metamodel, by element (`{uri}localName`): bpmn-moddle leaves out an attribute
 * whose value is its declared default (`isForCompensation="false"`, `startQuantity="1"`, …), as the BPMN XSD
 * defines the same default, so nothing is lost.
 */
const DEFAULTS = (() => {
  const m = new BpmnModdle({ dz: DZ_BPMN_EXTENSION }) as unknown as {
    registry: { packages: { prefix: string; uri: string; types?: { name: string }[] }[] };
    getType(name: string): {
      prototype: { $descriptor: { properties: { isAttr?: boolean; default?: unknown; ns: { localName: string } }[] } };
    };
  };
  const out = new Map<string, Map<string, string>>();
  for (const pkg of m.registry.packages) {
    for (const type of pkg.types ?? []) {
      const defaults = new Map<string, string>();
      let properties: ReturnType<typeof m.getType>['prototype']['$descriptor']['properties'];
      try {
        properties = m.getType(`${pkg.prefix}:${type.name}`).prototype.$descriptor.properties;
      } catch {
        continue; // a trait (extends other types, like dz:Effort): its attributes are on the types it extends
      }
      for (const p of properties)
        if (p.isAttr && p.default !== undefined) defaults.set(p.ns.localName, String(p.default));
      const lower = type.name.charAt(0).toLowerCase() + type.name.slice(1);
      for (const name of [type.name, lower]) out.set(`{${pkg.uri}}${name}`, defaults);
    }
  }
  return out;
})();

/** `xsi:type` naming the type a DI element is declared with anyway (bpmn-moddle writes xsi:type only when it differs). */
const REDUNDANT_XSI_TYPE: Record<string, string> = { waypoint: 'Point' };

function elementsOf(xml: string): { el: Element; path: string }[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const out: { el: Element; path: string }[] = [];
  const stack: { el: Element; parent: string }[] = [{ el: doc.documentElement!, parent: '' }];
  while (stack.length) {
    const { el, parent } = stack.pop()!;
    const id = el.getAttribute('id');
    const p = `${parent}/${el.localName}${id ? `[${id}]` : ''}`;
    out.push({ el, path: p });
    const kids: Element[] = [];
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) kids.push(c as Element);
    for (const k of kids.reverse()) stack.push({ el: k, parent: p });
  }
  return out;
}

function attributesOf(el: Element): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    if (a.name === 'xmlns' || a.prefix === 'xmlns') continue; // declarations and prefixes may change
    out.set(`{${a.namespaceURI ?? ''}}${a.localName}`, a.value);
  }
  return out;
}

function textOf(el: Element): string {
  let t = '';
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3 || c.nodeType === 4) t += c.nodeValue;
  return t.trim();
}

/** What changed between an element and its written form (attributes, text), or null. */
function elementDifference(x: { el: Element; path: string }, y: { el: Element; path: string }): string | null {
  const el = x.el;
  if (el.namespaceURI !== y.el.namespaceURI || el.localName !== y.el.localName)
    return `${x.path}: became {${y.el.namespaceURI}}${y.el.localName} (${y.path})`;
  const before = attributesOf(el);
  const after = attributesOf(y.el);
  const defaults = DEFAULTS.get(`{${el.namespaceURI}}${el.localName}`);
  for (const [name, value] of before) {
    const now = after.get(name);
    if (now === value) continue;
    // a default value left out (see DEFAULTS)
    if (now === undefined && name.startsWith('{}') && defaults?.get(name.slice(2)) === value) continue;
    // Real and Integer attributes are read as numbers and written as such: `72.0` → `72`
    if (now !== undefined && value.trim() !== '' && Number(value) === Number(now)) continue;
    if (
      now === undefined &&
      name === `{${XSI}}type` &&
      value.split(':').pop() === REDUNDANT_XSI_TYPE[el.localName ?? '']
    )
      continue;
    return `${x.path}@${name}: ${JSON.stringify(value)} became ${JSON.stringify(now)}`;
  }
  for (const name of after.keys()) if (!before.has(name)) return `${x.path}@${name}: added`;
  if (textOf(el) !== textOf(y.el))
    return `${x.path}: text ${JSON.stringify(textOf(el))} became ${JSON.stringify(textOf(y.el))}`;
  return null;
}

/** The first difference between two documents, element by element in document order, with its path, or null. */
export function firstDifference(original: string, written: string): string | null {
  const a = elementsOf(original);
  const b = elementsOf(written);
  for (let i = 0; i < a.length; i++) {
    const y = b[i];
    if (!y) return `${a[i]!.path}: missing after writing (${a.length} elements before, ${b.length} after)`;
    const d = elementDifference(a[i]!, y);
    if (d) return d;
  }
  if (b.length > a.length) return `${b[a.length]!.path}: added`;
  return null;
}

/**
 * The same comparison where siblings may change places: each element is found by its path of ids (elements
 * without an id by their position among those with the same path). bpmn-js writes the shapes of a plane in its
 * drawing order, which may differ from the file's; nothing may be missing, added or changed.
 */
export function firstDifferenceAnyOrder(original: string, written: string): string | null {
  const group = (xml: string) => {
    const m = new Map<string, { el: Element; path: string }[]>();
    for (const e of elementsOf(xml)) m.set(e.path, [...(m.get(e.path) ?? []), e]);
    return m;
  };
  const a = group(original);
  const b = group(written);
  for (const [path, xs] of a) {
    const ys = b.get(path) ?? [];
    if (ys.length !== xs.length) return `${path}: ${xs.length} before, ${ys.length} after writing`;
    for (let i = 0; i < xs.length; i++) {
      const d = elementDifference(xs[i]!, ys[i]!);
      if (d) return d;
    }
  }
  for (const path of b.keys()) if (!a.has(path)) return `${path}: added`;
  return null;
}

export const typesIn = (xml: string, localName: string) =>
  elementsOf(xml).filter((e) => e.el.localName === localName).length;

/** The AppError code a promise was rejected with. */
