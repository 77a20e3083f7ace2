import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { z } from 'zod';
import { sharedFile } from './shared-data.js';

/**
 * OParl 1.1 object types used for exported decision papers, encoded from the specification
 * (https://oparl.org/spezifikation/online-ansicht/, chapters Paper, File, Consultation): the required
 * properties, the type URIs, URLs and date/date-time formats. Unknown properties are rejected so typos
 * in property names do not slip through.
 */
const url = z.url({ protocol: /^https?$/ });
const dateTime = z.iso.datetime({ offset: true });
const date = z.iso.date();
/** Properties every OParl object may carry (specification, chapter "Eigenschaften mit Verwendung in mehreren Objekttypen"). */
const common = {
  license: url.optional(),
  keyword: z.array(z.string()).optional(),
  created: dateTime.optional(),
  modified: dateTime.optional(),
  web: url.optional(),
  deleted: z.boolean().optional(),
};

export const oparlFile = z
  .object({
    id: url,
    type: z.literal('https://schema.oparl.org/1.1/File'),
    name: z.string().optional(),
    fileName: z.string().optional(),
    mimeType: z.string().optional(),
    date: date.optional(),
    size: z.number().int().nonnegative().optional(),
    sha1Checksum: z.string().optional(),
    sha512Checksum: z.string().optional(),
    text: z.string().optional(),
    accessUrl: url,
    downloadUrl: url.optional(),
    externalServiceUrl: url.optional(),
    masterFile: url.optional(),
    derivativeFile: z.array(url).optional(),
    fileLicense: url.optional(),
    meeting: z.array(url).optional(),
    agendaItem: z.array(url).optional(),
    paper: z.array(url).optional(),
    ...common,
  })
  .strict();

export const oparlConsultation = z
  .object({
    id: url,
    type: z.literal('https://schema.oparl.org/1.1/Consultation'),
    paper: url.optional(),
    agendaItem: url.optional(),
    meeting: url.optional(),
    organization: z.array(url).optional(),
    authoritative: z.boolean().optional(),
    role: z.string().optional(),
    ...common,
  })
  .strict();

export const oparlPaper = z
  .object({
    id: url,
    type: z.literal('https://schema.oparl.org/1.1/Paper'),
    body: url.optional(),
    name: z.string().optional(),
    reference: z.string().optional(),
    date: date.optional(),
    paperType: z.string().optional(),
    relatedPaper: z.array(url).optional(),
    superordinatedPaper: z.array(url).optional(),
    subordinatedPaper: z.array(url).optional(),
    mainFile: oparlFile.optional(),
    auxiliaryFile: z.array(oparlFile).optional(),
    location: z.array(z.unknown()).optional(),
    originatorPerson: z.array(url).optional(),
    underDirectionOf: z.array(url).optional(),
    originatorOrganization: z.array(url).optional(),
    consultation: z.array(oparlConsultation).optional(),
    ...common,
  })
  .strict();

/**
 * The official OParl 1.1 JSON schemas (../shared/data/oparl/schema, read in place, never copied) as one
 * validator. The schemas embed objects with a non-standard `"schema": "File.json"` beside
 * `"type": "object"`; those become `$ref`s, and the `url`, `date` and `date-time` formats are checked
 * with the same rules as above.
 */
const officialValidators = (() => {
  let compiled: Map<string, ValidateFunction> | undefined;
  return () => {
    if (compiled) return compiled;
    // the official patterns escape ':' and '/', which a Unicode-mode RegExp rejects
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    ajv.addFormat('url', (s: string) => url.safeParse(s).success);
    ajv.addFormat('date', (s: string) => date.safeParse(s).success);
    ajv.addFormat('date-time', (s: string) => dateTime.safeParse(s).success);
    const dir = sharedFile('oparl/schema');
    const embed = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(embed);
      if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        if (o.type === 'object' && typeof o.schema === 'string') return { $ref: o.schema };
        // elsewhere (e.g. Body.mainOrganization, a URL) `schema` only names the referenced type
        return Object.fromEntries(
          Object.entries(o)
            .filter(([k]) => k !== 'schema')
            .map(([k, v]) => [k, embed(v)]),
        );
      }
      return node;
    };
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      ajv.addSchema({ ...(embed(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))) as object), $id: f });
    }
    const all = new Map<string, ValidateFunction>();
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      all.set(f.replace(/\.json$/, ''), ajv.getSchema(f) as ValidateFunction);
    }
    compiled = all;
    return all;
  };
})();

/**
 * Validates an OParl object against the official schema of its `type` (https://schema.oparl.org/1.1/X)
 * and, for Paper, File and Consultation, against the strict encodings above (no unknown properties).
 * Returns the problems found; an empty array means valid.
 */
export function oparlProblems(obj: unknown): string[] {
  const type = (obj as { type?: unknown })?.type;
  const m = typeof type === 'string' ? /^https:\/\/schema\.oparl\.org\/1\.1\/(\w+)$/.exec(type) : null;
  const validate = m ? officialValidators().get(m[1]!) : undefined;
  if (!validate) return [`unknown OParl type ${String(type)}`];
  const problems = validate(obj)
    ? []
    : (validate.errors ?? []).map((e) => `${m![1]}${e.instancePath} ${e.message ?? e.keyword}`);
  const strict = { Paper: oparlPaper, File: oparlFile, Consultation: oparlConsultation }[m![1]!];
  const parsed = strict?.safeParse(obj);
  if (parsed && !parsed.success)
    problems.push(...parsed.error.issues.map((i) => `${m![1]} (strict) ${i.path.join('.')} ${i.message}`));
  return problems;
}
