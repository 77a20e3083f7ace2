import { z } from 'zod';

export const uuid = z.uuid();
export const isoDate = z.iso.date();
export const isoDateTime = z.string();

/** Optimistic locking: every update names the version it read. */
export const versioned = z.object({ version: z.number().int().min(1) });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * Path parameters that are ids, typed by their literal names: `idParam('projectId', 'riskId')` gives
 * `{ projectId: string; riskId: string }`, so handlers read `req.params.riskId` without a cast.
 */
export function idParam<const K extends readonly [string, ...string[]]>(...names: K) {
  return z.object(Object.fromEntries(names.map((n) => [n, uuid])) as { [P in K[number]]: typeof uuid });
}

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z
    .array(
      z.object({
        path: z.string(),
        code: z.string(),
        message: z.string(),
        /** The broken limit, e.g. `{ origin: 'string', maximum: 200 }` for a too long text. */
        params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
      }),
    )
    .optional(),
});

export const okResponse = z.object({ ok: z.literal(true) });

/** Public facts for the web app (the accessibility statement's contact, the version). */
export const metaInfo = z.object({ accessibilityContact: z.string(), version: z.string() });

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
