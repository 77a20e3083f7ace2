import fastJsonStringify, { type Schema } from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';

type Json = Record<string, unknown>;
type Serialize = (data: unknown) => string;

/** No metadata: ids and descriptions of the global registry are for OpenAPI, not for serialising. */
const NO_METADATA = z.registry<Record<string, unknown>>();

/** Keywords whose value is one subschema, a list of them, or a map of them. */
const ONE = ['items', 'additionalProperties', 'additionalItems', 'not', 'if', 'then', 'else'];
const LIST = ['anyOf', 'oneOf', 'allOf', 'items'];
const MAP = ['properties', 'patternProperties', 'definitions', '$defs'];

/**
 * Shapes a generated schema for fast-json-stringify:
 * - `additionalProperties: false` goes: fast-json-stringify drops properties outside `properties` anyway,
 *   and without it an object with an extra field still matches its branch of a union;
 * - `anyOf: [X, {type: 'null'}]` (`.nullable()`) becomes `type: [X, 'null']` for plain types, so that nullable
 *   fields are written without running the union's Ajv check per value.
 */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if (key === '$schema' || (key === 'additionalProperties' && value === false)) continue;
    if (MAP.includes(key) && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, simplify(v)]));
    } else if (ONE.includes(key) || LIST.includes(key)) {
      out[key] = simplify(value);
    } else {
      out[key] = value;
    }
  }
  return collapseNullable(out);
}

function collapseNullable(schema: Json): Json {
  const branches = schema.anyOf;
  if (!Array.isArray(branches) || branches.length !== 2) return schema;
  const nullAt = branches.findIndex((b: Json) => b.type === 'null' && Object.keys(b).length === 1);
  if (nullAt < 0) return schema;
  const other = branches[1 - nullAt] as Json;
  const plain =
    typeof other.type === 'string' &&
    other.type !== 'null' &&
    !['const', 'anyOf', 'oneOf', 'allOf', '$ref', 'if', 'not'].some((k) => k in other);
  if (!plain) return schema;
  const { anyOf: _, ...rest } = schema;
  if (Object.keys(rest).some((k) => k in other)) return schema;
  return { ...rest, ...other, type: [other.type, 'null'] };
}

/** The JSON Schema of what a route sends: the output side of its Zod schema (after defaults, without transforms). */
export function responseJsonSchema(schema: z.core.$ZodType): Json {
  const json = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'output',
    metadata: NO_METADATA,
    cycles: 'ref',
    reused: 'inline',
    unrepresentable: ({ zodSchema }) => {
      const type = zodSchema._zod.def.type;
      if (type === 'date') return { type: 'string', format: 'date-time' };
      if (type === 'bigint') return { type: 'integer' };
      // transforms, custom types: whatever the value is, as JSON.stringify writes it
      return 'any';
    },
  });
  return simplify(json) as Json;
}

/** One compiled serialiser per Zod schema object: routes sharing a contract share it. */
const compiled = new WeakMap<object, Serialize>();

function compileZod(schema: z.core.$ZodType): Serialize {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = fastJsonStringify(responseJsonSchema(schema) as unknown as Schema) as Serialize;
    compiled.set(schema, fn);
  }
  return fn;
}

/**
 * Serialiser compiler for every route: a response declared with Zod is written by fast-json-stringify from
 * the schema's JSON Schema (compiled once at start-up, fields outside the schema never leave the server); a
 * response declared as plain JSON Schema is compiled as Fastify does by default. There is no per-request
 * validation: the contracts are checked by the test suites.
 */
export const serializerCompiler: FastifySerializerCompiler<unknown> = ({ schema }) => {
  if (schema instanceof z.core.$ZodType) return compileZod(schema);
  return fastJsonStringify(schema as Schema) as Serialize;
};
