import { z } from 'zod';
import { GUIDE_KINDS, GUIDE_MODULES, GUIDE_PHASES } from '../domain/guides.js';
import { canSchema } from '../domain/permissions.js';
import { uuid, versioned } from './common.js';

/* The method library („Hilfen“, issue 23): articles, checklists and templates, versioned with a change note. */

/** A checklist item's stable key: ticks stay with an item while its text is edited. */
export const guideItemKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Nur Kleinbuchstaben, Ziffern und Bindestriche (1–40 Zeichen).');
const itemInput = z.object({
  /** Missing for a new item: the server gives it one. */
  key: guideItemKey.optional(),
  text: z.string().trim().min(2, 'Bitte mindestens 2 Zeichen.').max(500),
});
const content = {
  title: z.string().trim().min(3, 'Bitte mindestens 3 Zeichen.').max(200),
  summary: z.string().trim().max(600).default(''),
  /** Markdown (raw HTML is shown as text). */
  body: z.string().max(50_000).default(''),
  items: z.array(itemInput).max(100).default([]),
  modules: z
    .array(z.enum(GUIDE_MODULES))
    .min(1, 'Bitte mindestens einen Bereich wählen.')
    .max(GUIDE_MODULES.length)
    .refine((l) => new Set(l).size === l.length, 'Jeden Bereich nur einmal.'),
  phases: z
    .array(z.enum(GUIDE_PHASES))
    .max(GUIDE_PHASES.length)
    .refine((l) => new Set(l).size === l.length, 'Jede Phase nur einmal.')
    .default([]),
};
const changeNote = z.string().trim().min(3, 'Bitte beschreiben Sie kurz, was sich geändert hat.').max(500);

export const guideCreate = z.object({
  /** null: platform-wide (the platform administration); a network: its members only (its moderation). */
  networkId: uuid.nullable().default(null),
  kind: z.enum(GUIDE_KINDS),
  ...content,
  changeNote: changeNote.default('Erstfassung'),
});
export const guideUpdate = versioned.extend({ ...content, changeNote });

export const guideQuery = z.object({
  /** German full-text search (websearch syntax: words, "phrases", -without). */
  q: z.string().trim().max(200).optional(),
  module: z.enum(GUIDE_MODULES).optional(),
  phase: z.enum(GUIDE_PHASES).optional(),
  kind: z.enum(GUIDE_KINDS).optional(),
  /** One piece of the starter content by its key (a task links to „its“ checklist or template). */
  starter: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional(),
});
/** Whose ticks a checklist shows: the municipality's own (default) or one of its projects'. */
export const guideDetailQuery = z.object({ projectId: uuid.optional() });
export const guideTickInput = z.object({ done: z.boolean(), projectId: uuid.nullable().default(null) });
export const guideVersionParams = z.object({ guideId: uuid, version: z.coerce.number().int().min(1).max(1_000_000) });
export const guideTickParams = z.object({ guideId: uuid, itemKey: guideItemKey });

const summaryFields = {
  id: uuid,
  kind: z.enum(GUIDE_KINDS),
  title: z.string(),
  summary: z.string(),
  modules: z.array(z.enum(GUIDE_MODULES)),
  phases: z.array(z.enum(GUIDE_PHASES)),
  networkId: uuid.nullable(),
  /** The curating network's name (null: platform-wide). */
  network: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
};
export const guideSummary = z.object({
  ...summaryFields,
  files: z.array(z.object({ id: uuid, fileName: z.string() })),
  itemCount: z.number().int(),
});
export const guideList = z.object({
  items: z.array(guideSummary),
  /** The search as understood (trimmed), null without one. */
  searched: z.string().nullable(),
  /** Words searched for as well, from the synonyms of the search's words (AVV → Auftragsverarbeitung). */
  alsoSearched: z.array(z.string()),
  can: canSchema('guides'),
  /** Networks the actor curates guides for (the editor's choice besides the platform). */
  curates: z.array(z.object({ id: uuid, name: z.string() })),
  /** The actor may write platform-wide guides. */
  platform: z.boolean(),
});
const tick = z.object({ by: z.string().nullable(), at: z.string() }).nullable();
export const guideDetail = z.object({
  ...summaryFields,
  body: z.string(),
  /** The body rendered by the same Markdown renderer as the newsroom (raw HTML off). */
  html: z.string(),
  items: z.array(z.object({ key: z.string(), text: z.string(), ticked: tick })),
  files: z.array(z.object({ id: uuid, fileName: z.string(), contentType: z.string(), size: z.number().int() })),
  /** Whose ticks `items` show: null outside a municipality. */
  ticksFor: z.object({ projectId: uuid.nullable(), label: z.string(), municipality: z.string() }).nullable(),
  /** The municipality's projects a checklist may be ticked for. */
  projects: z.array(z.object({ id: uuid, title: z.string() })),
  can: canSchema('guide'),
});
export const guideVersionList = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      title: z.string(),
      changeNote: z.string(),
      editedBy: z.string().nullable(),
      editedAt: z.string(),
    }),
  ),
});
export const guideVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  summary: z.string(),
  html: z.string(),
  items: z.array(z.object({ key: z.string(), text: z.string() })),
  modules: z.array(z.enum(GUIDE_MODULES)),
  phases: z.array(z.enum(GUIDE_PHASES)),
  files: z.array(z.string()),
  changeNote: z.string(),
  editedBy: z.string().nullable(),
  editedAt: z.string(),
});

export type GuideCreate = z.infer<typeof guideCreate>;
export type GuideUpdate = z.infer<typeof guideUpdate>;
export type GuideDetail = z.infer<typeof guideDetail>;
export type GuideList = z.infer<typeof guideList>;
