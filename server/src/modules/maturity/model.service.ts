import {
  AppError,
  MATURITY_DIMENSIONS,
  MATURITY_MODEL_VERSION,
  type MaturityDimension,
  type maturityModelInput,
} from '@dz/core';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/ids.js';
import type { Scope } from '../../lib/scope.js';

/* The maturity model: the built-in version of core, followed by versions the platform administration publishes. */

export interface LoadedModel {
  version: string;
  note: string;
  publishedAt: string | null;
  dimensions: readonly MaturityDimension[];
}

const BUILT_IN: LoadedModel = {
  version: MATURITY_MODEL_VERSION,
  note: 'Erste Fassung aus dem Workshop-Bericht: neun Dimensionen mit je vier Kriterien.',
  publishedAt: null,
  dimensions: MATURITY_DIMENSIONS,
};

/** The model of one version (the built-in one, or a published one); null for an unknown version. */
export async function loadModel(db: Database, version?: string): Promise<LoadedModel | null> {
  const q = db.selectFrom('maturityModels').select(['version', 'note', 'publishedAt', 'definition']);
  const row = await (version
    ? q.where('version', '=', version)
    : q.orderBy('publishedAt', 'desc').limit(1)
  ).executeTakeFirst();
  if (!row) return !version || version === BUILT_IN.version ? BUILT_IN : null;
  return {
    version: row.version,
    note: row.note,
    publishedAt: iso(row.publishedAt),
    dimensions: row.definition as unknown as MaturityDimension[],
  };
}

export async function currentModel(db: Database): Promise<LoadedModel> {
  return (await loadModel(db)) as LoadedModel;
}

/** Every criterion key of a model (the comparable part of an assessment). */
export function criterionKeys(model: LoadedModel): string[] {
  return model.dimensions.flatMap((d) => d.criteria.map((c) => c.key));
}

export async function getModel(deps: Pick<Deps, 'db'>, scope: Scope) {
  const model = await currentModel(deps.db);
  const published = await deps.db
    .selectFrom('maturityModels')
    .select(['version', 'note', 'publishedAt'])
    .orderBy('publishedAt', 'desc')
    .execute();
  return {
    version: model.version,
    note: model.note,
    publishedAt: model.publishedAt,
    dimensions: model.dimensions.map((d) => ({
      key: d.key,
      name: d.name,
      criteria: d.criteria.map((c) => ({
        key: c.key,
        name: c.name,
        levels: [...c.levels],
        prefill: c.prefill ?? null,
      })),
    })),
    versions: [
      ...published.map((v) => ({ version: v.version, note: v.note, publishedAt: iso(v.publishedAt) })),
      { version: BUILT_IN.version, note: BUILT_IN.note, publishedAt: null },
    ],
    can: presentCan(scope, 'maturityModel'),
  };
}

/** The next version name: the year and a running number (2026.1 → 2026.2; a new year starts at .1). */
export function nextVersion(current: string, now = new Date()): string {
  const year = now.getUTCFullYear();
  const [y, n] = current.split('.').map(Number);
  return y === year ? `${year}.${(n ?? 0) + 1}` : `${year}.1`;
}

/**
 * Publishes a new version: criteria and dimensions keep their keys (answers stay comparable), keys are unique,
 * and it continues the current version (409 when someone published meanwhile). Assessments keep their version.
 */
export async function publishModel(deps: Pick<Deps, 'db'>, scope: Scope, input: z.infer<typeof maturityModelInput>) {
  authorize(scope, 'maturityModel', 'edit');
  const keys = new Set<string>();
  const errors: { path: string; code: string; message: string }[] = [];
  input.dimensions.forEach((d, i) => {
    if (keys.has(d.key))
      errors.push({ path: `dimensions.${i}.key`, code: 'duplicate', message: 'Dieser Schlüssel ist doppelt.' });
    keys.add(d.key);
    d.criteria.forEach((c, j) => {
      if (keys.has(c.key))
        errors.push({
          path: `dimensions.${i}.criteria.${j}.key`,
          code: 'duplicate',
          message: 'Dieser Schlüssel ist doppelt.',
        });
      keys.add(c.key);
    });
  });
  if (errors.length) throw new AppError('validation_failed', 'Schlüssel müssen eindeutig sein.', errors);
  await deps.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('maturity-model'))`.execute(trx);
    const current = (await loadModel(trx)) as LoadedModel;
    if (current.version !== input.basedOn)
      throw new AppError('version_conflict', `Inzwischen wurde Version ${current.version} veröffentlicht.`, [], {
        currentVersion: current.version,
      });
    const version = nextVersion(current.version);
    if (version === current.version) throw new AppError('conflict', 'Diese Version gibt es bereits.');
    await trx
      .insertInto('maturityModels')
      .values({
        version,
        note: input.note,
        definition: JSON.stringify(input.dimensions),
        publishedBy: scope.user.id,
      })
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'maturity_model',
      entityId: null,
      municipalityId: null,
      after: { version, note: input.note },
    });
  });
  return getModel(deps, scope);
}
