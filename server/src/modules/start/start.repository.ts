import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { TenantScope } from '../../lib/scope.js';

/** A count subquery's value in both drivers (bigint arrives as a string on pg). */
const n = (v: unknown) => Number(v ?? 0);

/**
 * Counts for the start pages, each one statement with scalar subqueries (aggregated in SQL). Tenant counts read
 * only rows of the scope's municipality; the platform counts are for the platform administration.
 */
export const startRepository = {
  /** Everything the first-steps checklist needs, for the active municipality and the acting person. */
  async firstStepCounts(db: Database, scope: TenantScope) {
    const mid = scope.municipalityId;
    const now = new Date();
    const row = await db
      .selectFrom('municipalities as me')
      .innerJoin('memberships as my', (j) =>
        j.onRef('my.municipalityId', '=', 'me.id').on('my.userId', '=', scope.user.id),
      )
      .select((eb) => [
        'me.ars',
        'me.population',
        'me.populationDate',
        'me.areaKm2',
        'my.firstStepsDismissedAt',
        eb
          .selectFrom('departments')
          .select(eb.fn.countAll().as('c'))
          .where('municipalityId', '=', mid)
          .as('departments'),
        eb.selectFrom('memberships').select(eb.fn.countAll().as('c')).where('municipalityId', '=', mid).as('members'),
        eb
          .selectFrom('invitations')
          .select(eb.fn.countAll().as('c'))
          .where('municipalityId', '=', mid)
          .where('acceptedAt', 'is', null)
          .where('revokedAt', 'is', null)
          .where('expiresAt', '>', now)
          .as('openInvitations'),
        eb
          .selectFrom('needs')
          .select(eb.fn.countAll().as('c'))
          .where('municipalityId', '=', mid)
          .where('status', '<>', 'merged')
          .as('needs'),
        eb.selectFrom('ideas').select(eb.fn.countAll().as('c')).where('municipalityId', '=', mid).as('ideas'),
        eb
          .selectFrom('targetPictures')
          .select(sql<boolean>`btrim(vision) <> ''`.as('v'))
          .where('municipalityId', '=', mid)
          .as('vision'),
        eb
          .selectFrom('goals as g')
          .innerJoin('fieldsOfAction as f', 'f.id', 'g.fieldId')
          .select(eb.fn.countAll().as('c'))
          .where('f.municipalityId', '=', mid)
          .as('goals'),
        eb.selectFrom('projects').select(eb.fn.countAll().as('c')).where('municipalityId', '=', mid).as('projects'),
        eb
          .selectFrom('projects')
          .select('id')
          .where('municipalityId', '=', mid)
          .orderBy('createdAt', 'desc')
          .orderBy('id')
          .limit(1)
          .as('latestProjectId'),
        eb
          .selectFrom('decisionPapers as d')
          .innerJoin('projects as p', 'p.id', 'd.projectId')
          .select(eb.fn.countAll().as('c'))
          .where('p.municipalityId', '=', mid)
          .as('councilPapers'),
        eb
          .selectFrom('networkMembers')
          .select(eb.fn.countAll().as('c'))
          .where('municipalityId', '=', mid)
          .where('status', '=', 'accepted')
          .where('leftOn', 'is', null)
          .as('networks'),
        eb
          .selectFrom('networkMembers')
          .select(eb.fn.countAll().as('c'))
          .where('municipalityId', '=', mid)
          .where('status', '=', 'invited')
          .as('networkInvitations'),
      ])
      .where('me.id', '=', mid)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      ars: row.ars,
      population: row.population,
      populationDate: row.populationDate,
      areaKm2: row.areaKm2,
      dismissedAt: row.firstStepsDismissedAt,
      departments: n(row.departments),
      members: n(row.members),
      openInvitations: n(row.openInvitations),
      needs: n(row.needs),
      ideas: n(row.ideas),
      vision: row.vision === true,
      goals: n(row.goals),
      projects: n(row.projects),
      latestProjectId: row.latestProjectId ?? null,
      councilPapers: n(row.councilPapers),
      networks: n(row.networks),
      networkInvitations: n(row.networkInvitations),
    };
  },

  /** Hides (a time) or shows again (null) the checklist on the acting person's own membership only. */
  async setDismissed(db: Database, scope: TenantScope, at: Date | null) {
    await db
      .updateTable('memberships')
      .set({ firstStepsDismissedAt: at })
      .where('userId', '=', scope.user.id)
      .where('municipalityId', '=', scope.municipalityId)
      .execute();
  },

  /** Platform-wide counts for the platform administration's next steps. */
  async platformCounts(db: Database) {
    const now = new Date();
    const row = await db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('municipalities')
          .select(eb.fn.countAll().as('c'))
          .where('inDirectory', '=', true)
          .as('municipalities'),
        eb.selectFrom('importJobs').select(eb.fn.countAll().as('c')).where('status', '=', 'done').as('imports'),
        eb
          .selectFrom('importJobs')
          .select((s) => s.fn.max('finishedAt').as('m'))
          .where('status', '=', 'done')
          .as('lastImportAt'),
        eb.selectFrom('memberships').select(sql`count(DISTINCT municipality_id)`.as('c')).as('activeMunicipalities'),
        eb
          .selectFrom('invitations')
          .select(eb.fn.countAll().as('c'))
          .where('acceptedAt', 'is', null)
          .where('revokedAt', 'is', null)
          .where('expiresAt', '>', now)
          .as('openInvitations'),
        eb.selectFrom('networks').select(eb.fn.countAll().as('c')).as('networks'),
        eb
          .selectFrom('networks as nw')
          .select(eb.fn.countAll().as('c'))
          .where((w) =>
            w.or([
              w.exists(
                w.selectFrom('networkModerators as mo').select('mo.userId').whereRef('mo.networkId', '=', 'nw.id'),
              ),
              w.exists(
                w
                  .selectFrom('networkModeratorInvitations as mi')
                  .select('mi.id')
                  .whereRef('mi.networkId', '=', 'nw.id')
                  .where('mi.acceptedAt', 'is', null)
                  .where('mi.revokedAt', 'is', null)
                  .where('mi.expiresAt', '>', now),
              ),
            ]),
          )
          .as('moderatedNetworks'),
      ])
      .executeTakeFirstOrThrow();
    return {
      counts: {
        municipalities: n(row.municipalities),
        imports: n(row.imports),
        activeMunicipalities: n(row.activeMunicipalities),
        openInvitations: n(row.openInvitations),
        networks: n(row.networks),
        moderatedNetworks: n(row.moderatedNetworks),
      },
      lastImportAt: row.lastImportAt ?? null,
    };
  },

  /** Open invitations into municipalities, the ones expiring first on top. */
  openInvitations(db: Database, limit: number) {
    return db
      .selectFrom('invitations as i')
      .innerJoin('municipalities as m', 'm.id', 'i.municipalityId')
      .select(['i.id', 'i.municipalityId', 'm.name as municipality', 'i.email', 'i.role', 'i.expiresAt'])
      .where('i.acceptedAt', 'is', null)
      .where('i.revokedAt', 'is', null)
      .where('i.expiresAt', '>', new Date())
      .orderBy('i.expiresAt')
      .orderBy('i.id')
      .limit(limit)
      .execute();
  },
};
