import {
  AppError,
  COMPETENCE_AREA_NAMES,
  COMPETENCE_AREAS,
  type competenceCreate,
  type competenceUpdate,
  DIGCOMP,
  fieldError,
  ownCompetenceCode,
} from '@dz/core';
import type { z } from 'zod';
import type { Database } from '../../db/database.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';

export interface Competence {
  code: string;
  area: number;
  name: string;
  hidden: boolean;
  builtin: boolean;
  version: number;
}

/** DigComp numbers sort as numbers (1.10 after 1.9), own competences after them within their area. */
function byCode(a: Competence, b: Competence) {
  const [aa, an] = a.code.split('.') as [string, string];
  const [ba, bn] = b.code.split('.') as [string, string];
  const rank = (n: string) => (n.startsWith('E') ? 1000 + Number(n.slice(1)) : Number(n));
  return Number(aa) - Number(ba) || rank(an) - rank(bn);
}

/** The municipality's framework: DigComp's defaults from core with the stored changes, plus its own competences. */
export async function loadFramework(db: Database, municipalityId: string): Promise<Competence[]> {
  const rows = await db
    .selectFrom('competenceItems')
    .select(['code', 'area', 'name', 'hidden', 'builtin', 'version'])
    .where('municipalityId', '=', municipalityId)
    .execute();
  const stored = new Map(rows.map((r) => [r.code, r]));
  const defaults = DIGCOMP.map((d) => stored.get(d.code) ?? { ...d, hidden: false, builtin: true, version: 0 });
  const own = rows.filter((r) => !r.builtin);
  return [...defaults, ...own].sort(byCode);
}

export async function getFramework(deps: Deps, scope: TenantScope) {
  return {
    areas: COMPETENCE_AREAS.map((area) => ({ area, name: COMPETENCE_AREA_NAMES[area] })),
    items: await loadFramework(deps.db, scope.municipalityId),
    can: presentCan(scope, 'competences'),
  };
}

/** Adds an own competence to an area, numbered after the area's earlier own ones. */
export async function createCompetence(deps: Deps, scope: TenantScope, input: z.infer<typeof competenceCreate>) {
  authorize(scope, 'competences', 'manage');
  const m = scope.municipalityId;
  await deps.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('competenceItems')
      .select('code')
      .where('municipalityId', '=', m)
      .where('builtin', '=', false)
      .where('area', '=', input.area)
      .forUpdate()
      .execute();
    const next = Math.max(0, ...taken.map((t) => Number(t.code.split('.E')[1]))) + 1;
    const code = ownCompetenceCode(input.area, next);
    await trx
      .insertInto('competenceItems')
      .values({ id: newId(), municipalityId: m, code, area: input.area, name: input.name, builtin: false })
      .onConflict((oc) => oc.columns(['municipalityId', 'code']).doNothing())
      .execute();
    await writeAudit(trx, scope, {
      action: 'create',
      entity: 'competence',
      municipalityId: m,
      after: { code, area: input.area, name: input.name },
    });
  });
  return getFramework(deps, scope);
}

/** Renames or hides a competence; a DigComp competence gets its stored row on its first change (version 0). */
export async function updateCompetence(deps: Deps, scope: TenantScope, input: z.infer<typeof competenceUpdate>) {
  authorize(scope, 'competences', 'manage');
  const m = scope.municipalityId;
  const builtin = DIGCOMP.find((d) => d.code === input.code);
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('competenceItems')
      .select(['id', 'name', 'hidden', 'version'])
      .where('municipalityId', '=', m)
      .where('code', '=', input.code)
      .forUpdate()
      .executeTakeFirst();
    if (!row && !builtin)
      throw fieldError('body.code', 'unknown_competence', 'Diese Kompetenz gibt es in Ihrem Rahmen nicht.');
    const before = row ?? { name: builtin?.name ?? '', hidden: false, version: 0 };
    assertVersion(before, input.version, before);
    if (row) {
      await trx
        .updateTable('competenceItems')
        .set({ name: input.name, hidden: input.hidden, version: row.version + 1, updatedAt: new Date() })
        .where('id', '=', row.id)
        .execute();
    } else if (builtin) {
      const inserted = await trx
        .insertInto('competenceItems')
        .values({
          id: newId(),
          municipalityId: m,
          code: builtin.code,
          area: builtin.area,
          name: input.name,
          hidden: input.hidden,
          builtin: true,
        })
        .onConflict((oc) => oc.columns(['municipalityId', 'code']).doNothing())
        .returning('id')
        .executeTakeFirst();
      // someone else changed it first: their row is the newer version
      if (!inserted)
        throw new AppError('version_conflict', 'Der Datensatz wurde inzwischen von jemand anderem geändert.');
    }
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'competence',
      municipalityId: m,
      before: { code: input.code, name: before.name, hidden: before.hidden },
      after: { code: input.code, name: input.name, hidden: input.hidden },
    });
  });
  return getFramework(deps, scope);
}

/** Whether a code names a (visible or hidden) competence of the municipality's framework. */
export async function knownCodes(db: Database, municipalityId: string): Promise<Set<string>> {
  const own = await db
    .selectFrom('competenceItems')
    .select('code')
    .where('municipalityId', '=', municipalityId)
    .where('builtin', '=', false)
    .execute();
  return new Set([...DIGCOMP.map((d) => d.code), ...own.map((o) => o.code)]);
}
