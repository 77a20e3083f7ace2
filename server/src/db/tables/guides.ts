import type { GuideKind, GuideModule, GuidePhase } from '@dz/core';
import type { Generated } from 'kysely';
import type { JsonText, Timestamp } from './columns.js';

/** A checklist item as stored: a stable key (ticks refer to it) and its text. */
export interface StoredGuideItem {
  key: string;
  text: string;
}

/** A guide of the method library: platform-wide (network_id NULL) or curated by a network for its members. */
export interface Guides {
  id: string;
  networkId: string | null;
  /** The starter content's key (seeded by migration 0043), null for guides written in the app. */
  starterKey: string | null;
  kind: GuideKind;
  title: string;
  summary: Generated<string>;
  body: Generated<string>;
  items: JsonText<StoredGuideItem[], string | undefined>;
  modules: JsonText<GuideModule[], string | undefined>;
  phases: JsonText<GuidePhase[], string | undefined>;
  /** Checklist items and file names, kept by the service so the full-text search finds them too. */
  searchExtra: Generated<string>;
  version: Generated<number>;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedBy: string | null;
  updatedAt: Timestamp;
  archivedAt: Date | null;
  search: Generated<string>;
}
/** Every version of a guide as it was saved, with the change note. */
export interface GuideVersions {
  guideId: string;
  version: number;
  title: string;
  summary: string;
  body: string;
  items: JsonText<StoredGuideItem[]>;
  modules: JsonText<GuideModule[]>;
  phases: JsonText<GuidePhase[]>;
  files: JsonText<string[]>;
  changeNote: string;
  editedBy: string | null;
  editedAt: Timestamp;
}
export interface GuideFiles {
  id: string;
  guideId: string;
  fileName: string;
  contentType: string;
  content: Buffer;
  size: number;
  createdBy: string | null;
  createdAt: Timestamp;
}
/** A ticked checklist item of a municipality, or of one of its projects (project_id set). */
export interface GuideTicks {
  guideId: string;
  itemKey: string;
  municipalityId: string;
  projectId: string | null;
  tickedBy: string | null;
  tickedAt: Timestamp;
}
