import { z } from 'zod';
import { uuid } from './common.js';

export const importFormat = z.enum(['gv100ad', 'auszug_gv']);
export const IMPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];
export const importReport = z.object({
  format: importFormat,
  referenceDate: z.string().nullable(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  rejectedCount: z.number().int(),
  unincorporated: z.number().int(),
  /** AGS no longer in the file; `likelyMergedInto`: same Kreis, new in this file or grown in area. */
  vanished: z.array(
    z.object({
      ags: z.string(),
      name: z.string(),
      likelyMergedInto: z.array(z.object({ ags: z.string(), name: z.string() })),
    }),
  ),
  renamed: z.array(z.object({ ags: z.string(), from: z.string(), to: z.string() })),
  /** Names that fill GV100AD's 50-character field and for which no longer name was known: possibly cut. */
  possiblyCut: z.array(z.object({ ags: z.string(), name: z.string() })).optional(),
  administeringBodies: z.number().int(),
});
export type ImportReport = z.infer<typeof importReport>;
export const importJob = z.object({
  id: uuid,
  fileName: z.string(),
  status: z.enum(IMPORT_JOB_STATUSES),
  progress: z.number().min(0).max(1),
  error: z.string().nullable(),
  report: importReport.nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const importList = z.object({ items: z.array(importJob) });
