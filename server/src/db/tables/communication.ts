import type {
  CommunicationAudience,
  CommunicationCadence,
  CommunicationChannel,
  CommunicationPhase,
  CommunicationStatus,
  NewsSource,
  NewsStatus,
} from '@dz/core';
import type { Generated } from 'kysely';
import type { Timestamp } from './columns.js';

/** The communication plan. */
export interface CommunicationItems {
  id: string;
  municipalityId: string;
  projectId: string | null;
  audience: CommunicationAudience;
  departmentId: string | null;
  message: string;
  channel: CommunicationChannel;
  dueOn: string;
  cadence: Generated<CommunicationCadence>;
  ownerId: string | null;
  status: Generated<CommunicationStatus>;
  phase: CommunicationPhase | null;
  version: Generated<number>;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** The newsroom's posts (image bytes inline: select them only where the image is served). */
export interface NewsPosts {
  id: string;
  municipalityId: string;
  title: string;
  body: Generated<string>;
  audience: Generated<'all' | 'departments'>;
  publishOn: string | null;
  status: Generated<NewsStatus>;
  sourceKind: Generated<NewsSource>;
  /** One draft per event: e.g. `milestone:<id>`, `phase:<project>:operation`. */
  sourceKey: string | null;
  sourcePath: string | null;
  image: Buffer | null;
  imageType: string | null;
  /** The image's text alternative (empty: decorative). */
  imageAlt: Generated<string>;
  createdBy: string | null;
  publishedBy: string | null;
  publishedAt: Date | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}
export interface NewsPostDepartments {
  postId: string;
  departmentId: string;
}
export interface NewsHelpful {
  postId: string;
  userId: string;
}
export interface NewsComments {
  id: string;
  postId: string;
  municipalityId: string;
  authorId: string | null;
  body: string;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  decidedBy: string | null;
  decidedAt: Date | null;
  createdAt: Timestamp;
}
export interface NewsFeeds {
  id: string;
  municipalityId: string;
  label: string;
  tokenHash: string;
  createdBy: string | null;
  createdAt: Timestamp;
  revokedAt: Date | null;
}
export interface NewsDigests {
  municipalityId: string;
  userId: string;
  week: string;
  posts: number;
  sentAt: Timestamp;
}
