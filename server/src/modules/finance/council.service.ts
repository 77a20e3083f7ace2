import { councilBodies, type councilSettingsSave, guessMunicipalityKind } from '@dz/core';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The municipality's council and preparing committee: the saved setting, or until then the default of its Land and
 * kind (kind guessed from the directory name and the administering body).
 */
export async function loadCouncil(db: Db, municipalityId: string) {
  const [m, saved] = await Promise.all([
    db
      .selectFrom('municipalities as m')
      .leftJoin('administeringBodies as b', 'b.id', 'm.administeringBodyId')
      .select(['m.name', 'm.landCode', 'b.type as bodyType'])
      .where('m.id', '=', municipalityId)
      .executeTakeFirstOrThrow(),
    db.selectFrom('councilSettings').selectAll().where('municipalityId', '=', municipalityId).executeTakeFirst(),
  ]);
  const kind = saved?.kind ?? guessMunicipalityKind(m.name, m.landCode, m.bodyType);
  const suggested = councilBodies(m.landCode, kind);
  return {
    version: saved?.version ?? 0,
    kind,
    council: saved?.council ?? suggested.council,
    committee: saved?.committee ?? suggested.committee,
    landCode: m.landCode,
    suggested,
  };
}

export async function getCouncil(deps: Deps, scope: TenantScope) {
  return { ...(await loadCouncil(deps.db, scope.municipalityId)), can: presentCan(scope, 'council') };
}

/** Saves the council setting once for the municipality; a stale version gets 409. */
export async function saveCouncil(deps: Deps, scope: TenantScope, input: z.infer<typeof councilSettingsSave>) {
  authorize(scope, 'council', 'edit');
  const mid = scope.municipalityId;
  await deps.db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom('councilSettings')
      .selectAll()
      .where('municipalityId', '=', mid)
      .forUpdate()
      .executeTakeFirst();
    assertVersion({ version: cur?.version ?? 0 }, input.version, await loadCouncil(trx, mid));
    const values = { kind: input.kind, council: input.council, committee: input.committee, updatedAt: new Date() };
    if (cur)
      await trx
        .updateTable('councilSettings')
        .set({ ...values, version: cur.version + 1 })
        .where('municipalityId', '=', mid)
        .execute();
    else
      await trx
        .insertInto('councilSettings')
        .values({ municipalityId: mid, ...values })
        .execute();
    await writeAudit(trx, scope, {
      action: 'update',
      entity: 'council_settings',
      municipalityId: mid,
      before: cur ? { kind: cur.kind, council: cur.council, committee: cur.committee } : null,
      after: { kind: input.kind, council: input.council, committee: input.committee },
    });
  });
  return getCouncil(deps, scope);
}
