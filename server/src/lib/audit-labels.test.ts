import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOINT_ENTRY_KINDS } from '@dz/core';
import { describe, expect, it } from 'vitest';

/*
 * Every action and object code the server writes into the audit trail has a label on the audit page (/protokoll),
 * German and English: the test reads the source of every `writeAudit(` call — through the helpers that pass the
 * code on (`change(…, 'comment_add', …)`, `deleteOwnRow(…, { entity: … })`) — and the page's texts.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const srcDir = path.resolve(here, '..');
const i18nDir = path.resolve(here, '../../../web/src/i18n');

/** Codes built from a template: each template the server uses and what it becomes. */
const TEMPLATES: Record<string, string[]> = {
  '`entry_${e.kind}`': JOINT_ENTRY_KINDS.map((k) => `entry_${k}`),
  '`${kind}_delete`': ['milestone', 'task', 'link', 'file'].map((k) => `${k}_delete`),
};

function sourceFiles(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    if (!e.name.endsWith('.ts') || e.name.endsWith('.test.ts')) return [];
    return [{ file: path.relative(srcDir, p), text: fs.readFileSync(p, 'utf8') }];
  });
}
const FILES = sourceFiles(srcDir);

/** The text between the bracket at `open` and its partner (strings and template literals skipped). */
function enclosed(text: string, open: number): string {
  const pairs: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
  const stack: string[] = [];
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (pairs[ch]) stack.push(pairs[ch]);
    else if (ch === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return text.slice(open + 1, i);
    }
  }
  throw new Error(`unbalanced at ${open}`);
}

/** Splits at the commas outside brackets and strings. */
function topLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === '\\') i++;
    } else if ('({['.includes(ch)) depth++;
    else if (')}]'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter(Boolean);
}

/** The value of `key` in an object literal's text (`key: expr` or the shorthand `key`). */
function property(objectText: string, key: string): string | undefined {
  for (const p of topLevel(objectText.trim().replace(/^\{|\}$/g, ''))) {
    if (p === key) return key;
    const m = p.match(/^(\w+)\s*:\s*([\s\S]+)$/);
    if (m?.[1] === key) return m[2]!.trim();
  }
  return undefined;
}

/** The arguments of every call of `name(` in the given files (not its declaration). */
function callsOf(name: string, files = FILES): { file: string; text: string; at: number; args: string[] }[] {
  const out: { file: string; text: string; at: number; args: string[] }[] = [];
  for (const f of files)
    for (const m of f.text.matchAll(new RegExp(`(?<![\\w.])${name}\\(`, 'g'))) {
      if (/function\s+$/.test(f.text.slice(Math.max(0, m.index - 20), m.index))) continue;
      const open = m.index + m[0].length - 1;
      out.push({ ...f, at: m.index, args: topLevel(enclosed(f.text, open)) });
    }
  return out;
}

/** The codes an expression can take; identifiers are followed to the callers of the enclosing function. */
function codes(expr: string, where: { text: string; at: number; file: string }, key: string): string[] {
  const e = expr.trim();
  if (TEMPLATES[e]) return TEMPLATES[e];
  const literal = e.match(/^'([^']*)'$/);
  if (literal) return [literal[1]!];
  if (e.includes('?')) {
    const results = [...e.matchAll(/[?:]\s*'([^']*)'/g)].map((m) => m[1]!);
    if (results.length) return results;
  }
  const ref = e.match(/^(\w+)(?:\.(\w+))?$/);
  if (!ref) throw new Error(`${where.file}: cannot read the ${key} of ${e} — add it to TEMPLATES`);
  const fns = [...where.text.slice(0, where.at).matchAll(/function\s+(\w+)\s*\(/g)];
  const fn = fns[fns.length - 1];
  if (!fn) throw new Error(`${where.file}: ${e} is not a parameter of a function`);
  // a local constant of the function: its value
  const locals = [
    ...where.text.slice(fn.index, where.at).matchAll(new RegExp(`(?:const|let)\\s+${ref[1]}\\s*=\\s*([^;]+);`, 'g')),
  ];
  const local = locals[locals.length - 1];
  if (local && !ref[2]) return codes(local[1]!, where, key);
  const params = topLevel(enclosed(where.text, fn.index + fn[0].length - 1)).map((p) => p.split(/[?:=]/)[0]!.trim());
  const index = params.indexOf(ref[1]!);
  if (index < 0) throw new Error(`${where.file}: ${e} is not a parameter of ${fn[1]}`);
  // a function of its own file is called there only; an exported one anywhere
  const exported = new RegExp(`export\\s+(async\\s+)?function\\s+${fn[1]}\\b`).test(where.text);
  const calls = callsOf(fn[1]!, exported ? FILES : FILES.filter((f) => f.file === where.file));
  if (calls.length === 0) throw new Error(`${where.file}: nobody calls ${fn[1]}`);
  return calls.flatMap((c) => {
    const arg = c.args[index];
    if (!arg) throw new Error(`${c.file}: ${fn[1]} without its ${ref[1]}`);
    const inner = ref[2] ? property(arg, ref[2]) : arg;
    if (!inner) throw new Error(`${c.file}: ${fn[1]}(…) without ${ref[1]}.${ref[2]}`);
    return codes(inner, c, key);
  });
}

/** Every action and object code of the audit trail, with a file that writes it. */
function auditCodes() {
  const found = { action: new Map<string, string>(), entity: new Map<string, string>() };
  for (const call of callsOf('writeAudit')) {
    if (call.file === path.join('lib', 'audit.ts')) continue;
    const entry = call.args[2];
    if (!entry?.startsWith('{')) throw new Error(`${call.file}: writeAudit with an entry that is not written out`);
    for (const key of ['action', 'entity'] as const) {
      const expr = property(entry, key);
      if (!expr) throw new Error(`${call.file}: writeAudit without ${key}`);
      for (const code of codes(expr, call, key)) found[key].set(code, call.file);
    }
  }
  // rows written without the helper (the demo's bulk insert)
  for (const f of FILES)
    for (const m of f.text.matchAll(/insertInto\('auditLog'\)/g)) {
      if (f.file === path.join('lib', 'audit.ts')) continue;
      const rest = f.text.slice(m.index, m.index + 1500);
      for (const key of ['action', 'entity'] as const) {
        const v = rest.match(new RegExp(`${key}: '([^']+)'`));
        if (!v) throw new Error(`${f.file}: an audit row without a written-out ${key}`);
        found[key].set(v[1]!, f.file);
      }
    }
  return found;
}

const read = (name: string) => JSON.parse(fs.readFileSync(path.join(i18nDir, name), 'utf8'));

describe('audit page labels', () => {
  const found = auditCodes();

  it('finds the codes of the newer modules (the reading of the source works)', () => {
    for (const code of ['privacy.erase', 'privacy.export', 'privacy.export_own', 'tick', 'untick', 'comment_add'])
      expect([...found.action.keys()]).toContain(code);
    for (const code of ['entry_decision', 'task_delete', 'retention.delete', 'oidc_link', 'seed'])
      expect([...found.action.keys()]).toContain(code);
    for (const code of ['guide_tick', 'legal_page', 'training', 'process_model', 'municipality'])
      expect([...found.entity.keys()]).toContain(code);
  });

  it('has a German and an English label for every action and object code written', () => {
    const de = read('de-audit.json').audit;
    const en = read('en.json').audit;
    for (const [kind, texts] of [
      ['actions', found.action],
      ['entities', found.entity],
    ] as const) {
      const missing = (labels: Record<string, string>) =>
        [...texts].filter(([code]) => !labels[code]?.trim()).map(([code, file]) => `${code} (${file})`);
      expect(missing(de[kind]), `German audit.${kind}`).toEqual([]);
      expect(missing(en[kind]), `English audit.${kind}`).toEqual([]);
    }
  });
});
