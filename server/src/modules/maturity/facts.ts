import type { MaturityFacts } from '@dz/core';
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';

/**
 * What the platform knows about one municipality for the pre-fill of a self-assessment: counts over its own
 * rows only (every subquery is bound to the municipality), in one statement.
 */
export async function gatherFacts(db: Database, municipalityId: string, now = new Date()): Promise<MaturityFacts> {
  const m = municipalityId;
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const row = (
    await sql<Record<string, number | boolean | null>>`
    WITH own_projects AS (
      SELECT id FROM projects WHERE municipality_id = ${m} AND phase NOT IN ('done', 'stopped')
    ), own_goals AS (
      SELECT g.id FROM goals g JOIN fields_of_action f ON f.id = g.field_id WHERE f.municipality_id = ${m}
    ), own_papers AS (
      SELECT DISTINCT ON (d.project_id) d.figures
      FROM decision_papers d JOIN projects p ON p.id = d.project_id
      WHERE p.municipality_id = ${m}
      ORDER BY d.project_id, d.version_no DESC
    ), staff AS (
      SELECT DISTINCT user_id FROM memberships WHERE municipality_id = ${m} AND role <> 'council'
    )
    SELECT
      EXISTS (SELECT 1 FROM target_pictures WHERE municipality_id = ${m} AND vision <> '') AS tp_vision,
      (SELECT count(*) FROM fields_of_action WHERE municipality_id = ${m})::int AS tp_fields,
      (SELECT count(*) FROM own_goals)::int AS tp_goals,
      (SELECT count(DISTINCT i.id) FROM indicators i JOIN indicator_values v ON v.indicator_id = i.id
        WHERE i.goal_id IN (SELECT id FROM own_goals))::int AS tp_measured,
      (SELECT count(*) FROM needs WHERE municipality_id = ${m} AND status NOT IN ('merged', 'rejected'))::int AS needs_total,
      (SELECT count(DISTINCT n.id) FROM needs n JOIN goal_needs gn ON gn.need_id = n.id
        WHERE n.municipality_id = ${m} AND n.status NOT IN ('merged', 'rejected'))::int AS needs_linked,
      (SELECT count(*) FROM process_services WHERE municipality_id = ${m})::int AS sv_total,
      (SELECT count(*) FROM process_services WHERE municipality_id = ${m} AND cases_per_year > 0)::int AS sv_volume,
      (SELECT count(*) FROM process_services WHERE municipality_id = ${m} AND minutes_per_case > 0)::int AS sv_effort,
      (SELECT count(*) FROM process_services WHERE municipality_id = ${m} AND ozg_level >= 3)::int AS sv_online,
      (SELECT count(*) FROM process_services WHERE municipality_id = ${m} AND ozg_level >= 4)::int AS sv_level4,
      (SELECT count(*) FROM process_services WHERE municipality_id = ${m} AND media_breaks > 0)::int AS sv_breaks,
      (SELECT count(*) FROM process_models WHERE municipality_id = ${m} AND kind = 'as_is')::int AS md_as_is,
      (SELECT count(*) FROM process_models WHERE municipality_id = ${m} AND kind = 'to_be')::int AS md_to_be,
      (SELECT count(*) FROM own_projects)::int AS pj_active,
      (SELECT count(DISTINCT s.project_id) FROM project_scores s WHERE s.project_id IN (SELECT id FROM own_projects))::int AS pj_scored,
      (SELECT count(DISTINCT x.project_id) FROM milestones x WHERE x.project_id IN (SELECT id FROM own_projects))::int AS pj_milestones,
      (SELECT count(DISTINCT x.project_id) FROM status_reports x WHERE x.project_id IN (SELECT id FROM own_projects))::int AS pj_reports,
      (SELECT count(DISTINCT x.project_id) FROM risks x WHERE x.project_id IN (SELECT id FROM own_projects))::int AS pj_risks,
      (SELECT count(*) FROM priority_criteria WHERE municipality_id = ${m})::int AS pj_criteria,
      (SELECT count(*) FROM own_papers)::int AS pp_papers,
      (SELECT count(*) FROM own_papers WHERE (figures->>'p80')::float8 > coalesce((figures->>'netCost')::float8, 0))::int AS pp_risk,
      (SELECT count(*) FROM own_papers WHERE (figures->>'npv')::float8 <> 0)::int AS pp_npv,
      (SELECT count(*) FROM staff_capacity WHERE municipality_id = ${m} AND hours_per_week > 0)::int AS cp_people,
      (SELECT count(DISTINCT e.month) FROM project_effort e WHERE e.project_id IN (SELECT id FROM projects WHERE municipality_id = ${m}))::int AS cp_months,
      (SELECT count(DISTINCT user_id) FROM competence_assessments WHERE municipality_id = ${m})::int AS cm_assessed,
      EXISTS (SELECT 1 FROM competence_releases WHERE municipality_id = ${m}) AS cm_released,
      (SELECT count(*) FROM staff)::int AS tr_staff,
      (SELECT count(DISTINCT a.user_id) FROM training_assignments a
        WHERE a.municipality_id = ${m} AND a.status = 'attended' AND a.updated_at >= ${yearAgo}
          AND a.user_id IN (SELECT user_id FROM staff))::int AS tr_trained,
      (SELECT count(*) FROM training_assignments WHERE municipality_id = ${m})::int AS tr_planned,
      (SELECT count(*) FROM staff_council_checks WHERE municipality_id = ${m})::int AS sc_checks,
      (SELECT count(*) FROM staff_council_checks WHERE municipality_id = ${m} AND concluded_on IS NOT NULL)::int AS sc_agreed,
      (SELECT count(*) FROM funding f JOIN projects p ON p.id = f.project_id WHERE p.municipality_id = ${m})::int AS fd_lines,
      (SELECT count(*) FROM funding f JOIN projects p ON p.id = f.project_id
        WHERE p.municipality_id = ${m} AND f.deadline IS NOT NULL)::int AS fd_deadline,
      (SELECT count(*) FROM staff_rates WHERE municipality_id = ${m})::int AS sr_rates,
      (SELECT count(*) FROM communication_items WHERE municipality_id = ${m})::int AS cc_items,
      (SELECT count(*) FROM news_posts WHERE municipality_id = ${m} AND status = 'published')::int AS cc_news,
      (SELECT count(*) FROM pulse_rounds r JOIN surveys s ON s.id = r.survey_id
        WHERE r.municipality_id = ${m} AND s.status = 'closed')::int AS pl_closed,
      (SELECT count(*) FROM ideas WHERE municipality_id = ${m})::int AS id_total,
      (SELECT count(*) FROM ideas WHERE municipality_id = ${m} AND status IN ('accepted', 'rejected', 'implemented'))::int AS id_answered,
      (SELECT count(*) FROM network_members WHERE municipality_id = ${m} AND status = 'accepted' AND left_on IS NULL)::int AS nw_members,
      (SELECT count(*) FROM publications WHERE municipality_id = ${m} AND status = 'published')::int AS nw_publications,
      (SELECT count(*) FROM reuses WHERE municipality_id = ${m})::int AS nw_adoptions,
      (SELECT count(*) FROM joint_partners WHERE municipality_id = ${m} AND status = 'accepted')::int AS nw_joint,
      (SELECT count(*) FROM service_study_partners WHERE municipality_id = ${m} AND status = 'accepted')::int AS ss_studies,
      (SELECT count(*) FROM service_study_partners sp JOIN service_studies s ON s.id = sp.study_id
        WHERE sp.municipality_id = ${m} AND sp.status = 'accepted' AND s.status = 'live')::int AS ss_live,
      (SELECT count(*) FROM service_study_partners sp JOIN service_studies s ON s.id = sp.study_id
        WHERE sp.municipality_id = ${m} AND sp.status = 'accepted' AND s.status IN ('agreed', 'live'))::int AS ss_agreed,
      (SELECT v.value FROM key_figure_values v JOIN key_figures k ON k.id = v.key_figure_id
        WHERE k.network_id IS NULL AND k.key = 'e_file_coverage' AND v.municipality_id = ${m}
        ORDER BY v.year DESC LIMIT 1) AS kf_e_file,
      (SELECT v.value FROM key_figure_values v JOIN key_figures k ON k.id = v.key_figure_id
        WHERE k.network_id IS NULL AND k.key = 'e_invoice_share' AND v.municipality_id = ${m}
        ORDER BY v.year DESC LIMIT 1) AS kf_e_invoice
  `.execute(db)
  ).rows[0]!;
  // the driver's rows come through the CamelCasePlugin: `sv_total` is read as `svTotal`
  const get = (k: string) => row[k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())];
  const i = (k: string) => Number(get(k) ?? 0);
  const num = (k: string) => (get(k) === null || get(k) === undefined ? null : Number(get(k)));
  return {
    targetPicture: {
      vision: Boolean(get('tp_vision')),
      fields: i('tp_fields'),
      goals: i('tp_goals'),
      indicatorsMeasured: i('tp_measured'),
    },
    needs: { total: i('needs_total'), linkedToGoals: i('needs_linked') },
    services: {
      total: i('sv_total'),
      withVolume: i('sv_volume'),
      withEffort: i('sv_effort'),
      online: i('sv_online'),
      level4: i('sv_level4'),
      withMediaBreaks: i('sv_breaks'),
    },
    models: { asIs: i('md_as_is'), toBe: i('md_to_be') },
    projects: {
      active: i('pj_active'),
      scored: i('pj_scored'),
      withMilestones: i('pj_milestones'),
      withReports: i('pj_reports'),
      withRisks: i('pj_risks'),
      criteria: i('pj_criteria'),
    },
    papers: { papers: i('pp_papers'), withRiskBudget: i('pp_risk'), withNpv: i('pp_npv') },
    capacity: { people: i('cp_people'), plannedMonths: i('cp_months') },
    competences: { assessed: i('cm_assessed'), released: Boolean(get('cm_released')) },
    trainings: { staff: i('tr_staff'), trainedLastYear: i('tr_trained'), planned: i('tr_planned') },
    staffCouncil: { checks: i('sc_checks'), agreed: i('sc_agreed') },
    funding: { lines: i('fd_lines'), withDeadline: i('fd_deadline') },
    staffRates: { rates: i('sr_rates') },
    communication: { items: i('cc_items'), publishedNews: i('cc_news') },
    pulse: { closedRounds: i('pl_closed') },
    ideas: { total: i('id_total'), answered: i('id_answered') },
    network: {
      memberships: i('nw_members'),
      publications: i('nw_publications'),
      adoptions: i('nw_adoptions'),
      joint: i('nw_joint'),
    },
    sharedServices: { studies: i('ss_studies'), live: i('ss_live'), withAgreement: i('ss_agreed') },
    keyFigures: { eFile: num('kf_e_file'), eInvoice: num('kf_e_invoice') },
  };
}
