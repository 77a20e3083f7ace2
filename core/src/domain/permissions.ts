import { z } from 'zod';
import type { MunicipalityRole } from './roles.js';

/**
 * The one permission model. The role matrix says which roles of a municipality may do what inside it;
 * one pure rule per resource turns an actor and the facts of a resource into named flags. The server
 * guards every write with `authorize` (one flag of a rule) and sends the same rule's flags to the UI
 * as `can` (`presentCan`), so a button the UI shows is exactly a write the server accepts.
 */

export const MUNICIPALITY_ACTIONS = [
  'view_members',
  'invite',
  'invite_admin',
  'change_roles',
  'remove_members',
  'manage_departments',
  'edit_municipality',
  'view_audit',
  'create_network',
  'answer_network_invitations',
  'manage_surveys',
  'draft_responses',
  'submit_responses',
  'view_results',
  'create_needs',
  'manage_needs',
  'submit_ideas',
  'create_projects',
  'manage_projects',
  'manage_capacity',
  'manage_exchange',
  'contribute',
] as const;
export type MunicipalityAction = (typeof MUNICIPALITY_ACTIONS)[number];

export const ROLE_MATRIX: Record<MunicipalityAction, readonly MunicipalityRole[]> = {
  view_members: ['admin', 'coordinator', 'mayor'],
  invite: ['admin', 'coordinator'],
  invite_admin: ['admin'],
  change_roles: ['admin', 'coordinator'],
  remove_members: ['admin', 'coordinator'],
  manage_departments: ['admin', 'coordinator'],
  edit_municipality: ['admin'],
  view_audit: ['admin'],
  create_network: ['admin', 'coordinator'],
  // network membership and staff surveys need the municipality's consent, given by those who speak for it
  answer_network_invitations: ['admin', 'coordinator'],
  manage_surveys: ['admin', 'coordinator'],
  draft_responses: ['admin', 'coordinator', 'staff', 'mayor'],
  submit_responses: ['admin', 'coordinator'],
  view_results: ['admin', 'coordinator', 'mayor', 'council'],
  create_needs: ['admin', 'coordinator', 'staff', 'mayor'],
  manage_needs: ['admin', 'coordinator'],
  submit_ideas: ['admin', 'coordinator', 'staff', 'mayor'],
  create_projects: ['admin', 'coordinator', 'mayor'],
  manage_projects: ['admin', 'coordinator'],
  manage_capacity: ['admin', 'coordinator'],
  manage_exchange: ['admin', 'coordinator'],
  // take part in shared work: comment on projects, edit projects one owns or is on the team of, ask and
  // answer in the exchange, write entries of joint projects — everyone but the read-only council
  contribute: ['admin', 'coordinator', 'staff', 'mayor'],
};

/** Who acts, as far as permissions go (the server's session scope has this shape). */
export interface Actor {
  user: { id: string; isPlatformAdmin: boolean };
  municipalityId: string | null;
  roles: readonly MunicipalityRole[];
  networkIds: readonly string[];
  moderatedNetworkIds: readonly string[];
}

/** Does one of the actor's roles in the active municipality allow the action? */
export function allows(actor: Pick<Actor, 'roles'>, action: MunicipalityAction): boolean {
  return actor.roles.some((r) => ROLE_MATRIX[action].includes(r));
}

/** Coordinators manage members too, but only admins grant, change or remove the admin role. */
export function touchesAdmin(...roles: (MunicipalityRole | string)[]) {
  return roles.includes('admin');
}

const moderates = (a: Actor, networkId: string | null) =>
  networkId !== null && (a.user.isPlatformAdmin || a.moderatedNetworkIds.includes(networkId));
const isModerator = (a: Actor) => a.user.isPlatformAdmin || a.moderatedNetworkIds.length > 0;
const inMunicipality = (a: Actor) => a.municipalityId !== null;

/** Project editing: coordinators and admins always; owner and team members unless their role only reads. */
function editsProject(a: Actor, p: ProjectFacts) {
  return allows(a, 'manage_projects') || (allows(a, 'contribute') && (p.ownerId === a.user.id || p.onTeam));
}

export interface ProjectFacts {
  ownerId: string | null;
  /** The actor is on the project's team. */
  onTeam: boolean;
}
export interface SurveyOwner {
  networkId: string | null;
  municipalityId: string | null;
  status: string;
}
export interface SurveyFacts extends SurveyOwner {
  /** The actor (person survey) or the actor's municipality (municipality survey) is a target. */
  hasTarget: boolean;
  /** The actor's municipality takes part. */
  targeted: boolean;
  /** Each person answers for themselves (else one response per municipality). */
  personal: boolean;
}
export interface JointRole {
  isLead: boolean;
  myStatus: 'invited' | 'accepted' | 'declined';
}
/** A shared-service feasibility study seen by a participating municipality. */
export interface StudyRole {
  isLead: boolean;
  myStatus: 'invited' | 'accepted' | 'declined';
  status: 'calculation' | 'agreed' | 'live';
  /** The actor belongs to the service team (users of any partner named by their coordination). */
  onTeam: boolean;
  /** The lead municipality accepted (a study a network's moderation started waits for it). */
  leadAccepted: boolean;
}
export interface JointFacts extends JointRole {
  /** A split of the costs is proposed and waits for answers. */
  proposalPending: boolean;
  /** My municipality accepted the pending proposal already. */
  sharesAccepted: boolean;
  /** The figures changed since the last split. */
  splitOutdated: boolean;
}

function manageSurvey(a: Actor, s: Pick<SurveyFacts, 'networkId' | 'municipalityId'>) {
  if (s.networkId) return moderates(a, s.networkId);
  return a.municipalityId !== null && a.municipalityId === s.municipalityId && allows(a, 'manage_surveys');
}

/** Network surveys: the network's moderators; internal surveys: the municipality's admins and coordinators. */
function surveyRule(a: Actor, s: SurveyOwner) {
  const manage = manageSurvey(a, s);
  return { manage, edit: manage && s.status === 'draft' };
}

/**
 * Results exist only once a survey is closed (closing is final); then they are for the managers and the
 * participating municipalities' leadership and council.
 */
function surveyResultsRule(a: Actor, s: SurveyOwner & { targeted: boolean }) {
  return { see: s.status === 'closed' && (manageSurvey(a, s) || (s.targeted && allows(a, 'view_results'))) };
}

/**
 * The role part of answering: a personal survey is answered by every member in person (their own
 * response); a municipality's response is drafted and submitted by the roles of the matrix.
 */
function responseRule(a: Actor, r: { personal: boolean }) {
  return { draft: r.personal || allows(a, 'draft_responses'), submit: r.personal || allows(a, 'submit_responses') };
}

/** A joint project seen by a partner municipality: what its writes check. */
function jointRule(a: Actor, j: JointRole) {
  const speak = allows(a, 'manage_exchange');
  return {
    edit: j.isLead && speak,
    answer: j.myStatus === 'invited' && speak,
    write: j.myStatus === 'accepted' && allows(a, 'contribute'),
    decideShares: j.myStatus === 'accepted' && speak,
  };
}

/** The pure rule of every resource: actor and facts in, named flags out. */
export const RULES = {
  /** The session's flags: the matrix for the active municipality and the platform administration. */
  session: (a: Actor) => ({
    ...(Object.fromEntries(MUNICIPALITY_ACTIONS.map((x) => [x, inMunicipality(a) && allows(a, x)])) as Record<
      MunicipalityAction,
      boolean
    >),
    import_directory: a.user.isPlatformAdmin,
  }),
  municipality: (a: Actor) => ({ edit: allows(a, 'edit_municipality'), invite: allows(a, 'invite') }),
  departments: (a: Actor) => ({ manage: allows(a, 'manage_departments') }),
  /** Undelivered mails are part of the trail the admins watch; they send them again. */
  mailFailures: (a: Actor) => ({ retry: allows(a, 'view_audit') }),
  members: (a: Actor) => ({
    invite: allows(a, 'invite'),
    invite_admin: allows(a, 'invite_admin'),
    change_roles: allows(a, 'change_roles'),
    remove_members: allows(a, 'remove_members'),
  }),
  networks: (a: Actor) => ({ create: a.user.isPlatformAdmin || (inMunicipality(a) && allows(a, 'create_network')) }),
  network: (a: Actor, n: { id: string }) => {
    const mod = moderates(a, n.id);
    return { edit: mod, manageMembers: mod, manageModerators: mod };
  },
  networkInvitations: (a: Actor) => ({ answer: allows(a, 'answer_network_invitations') }),
  surveys: (a: Actor) => ({
    createInternal: inMunicipality(a) && allows(a, 'manage_surveys'),
    createNetwork: isModerator(a),
  }),
  survey: surveyRule,
  surveyResults: surveyResultsRule,
  surveyView: (a: Actor, s: SurveyFacts) => {
    const { manage, edit } = surveyRule(a, s);
    return {
      edit,
      manage,
      answer: s.hasTarget && s.status !== 'draft' && responseRule(a, s).draft,
      // managers reach the results page while open (it explains when results appear)
      results: manage || surveyResultsRule(a, s).see,
      // a network survey's moderators plan the workshop that discusses it
      workshop: manage && s.networkId !== null,
    };
  },
  response: responseRule,
  /** The answer page: the role part while the survey takes answers and the response's state allows it. */
  responseView: (a: Actor, r: { personal: boolean; open: boolean; submitted: boolean }) => {
    const role = responseRule(a, r);
    return {
      edit: r.open && !r.submitted && role.draft,
      submit: r.open && !r.submitted && role.submit,
      reopen: r.open && r.submitted && role.submit,
    };
  },
  workshops: (a: Actor) => ({ create: isModerator(a) }),
  workshop: (a: Actor, w: { networkId: string }) => {
    const mod = moderates(a, w.networkId);
    return { manage: mod, present: mod, report: true };
  },
  needs: (a: Actor) => ({ create: allows(a, 'create_needs'), manage: allows(a, 'manage_needs') }),
  need: (a: Actor, n: { merged: boolean }) => ({
    edit: allows(a, 'manage_needs') && !n.merged,
    merge: allows(a, 'manage_needs') && !n.merged,
  }),
  ideas: (a: Actor) => ({ submit: allows(a, 'submit_ideas'), manage: allows(a, 'manage_needs') }),
  idea: (a: Actor, i: { submittedBy: string | null; needId: string | null }) => ({
    support: allows(a, 'submit_ideas') && i.submittedBy !== a.user.id,
    manage: allows(a, 'manage_needs'),
    toNeed: allows(a, 'manage_needs') && !i.needId,
  }),
  targetPicture: (a: Actor) => ({ edit: allows(a, 'manage_needs') }),
  projects: (a: Actor) => ({ create: allows(a, 'create_projects'), manage: allows(a, 'manage_projects') }),
  project: (a: Actor, p: ProjectFacts) => ({
    edit: editsProject(a, p),
    delete: allows(a, 'manage_projects'),
    comment: allows(a, 'contribute'),
  }),
  /** Parts of a project that follow its editing right: finance, risks, decision papers. */
  projectPart: (a: Actor, p: ProjectFacts) => ({ edit: editsProject(a, p) }),
  decisionPapers: (a: Actor, p: ProjectFacts) => ({ create: editsProject(a, p) }),
  prioritisation: (a: Actor) => ({ configure: allows(a, 'manage_projects') }),
  capacity: (a: Actor) => ({ edit: allows(a, 'manage_capacity') }),
  financeSettings: (a: Actor) => ({ edit: allows(a, 'manage_projects') }),
  council: (a: Actor) => ({ edit: allows(a, 'manage_projects') }),
  /** The newsroom: the coordination edits and publishes, decides on comments and hands out feed addresses. */
  newsroom: (a: Actor) => ({ edit: allows(a, 'manage_projects'), comment: inMunicipality(a) }),
  /** The communication plan is the coordination's work; everyone of the municipality reads it. */
  communication: (a: Actor) => ({ edit: allows(a, 'manage_projects') }),
  /**
   * Competences: everyone who works in the administration assesses themselves (own data only); the coordination
   * keeps the framework, the training catalogue and the plan, and reads the assessments shared with it.
   */
  competences: (a: Actor) => ({ assess: allows(a, 'contribute'), manage: allows(a, 'manage_projects') }),
  /**
   * Processes: the coordination keeps the service inventory; everyone who works in the administration models
   * processes (as-is and to-be); a project is made from a to-be model by those who create projects.
   */
  processes: (a: Actor) => ({
    edit: allows(a, 'manage_projects'),
    model: allows(a, 'contribute'),
    createProject: allows(a, 'create_projects'),
  }),
  /** The change-readiness pulse: the survey managers run it; everyone of the municipality reads its aggregates. */
  pulse: (a: Actor) => ({ manage: inMunicipality(a) && allows(a, 'manage_surveys') }),
  /**
   * Maturity: the coordination starts, completes and removes self-assessments, enters key figures and speaks for
   * the municipality in a ring (contact consent, open ring); colleagues answer criteria with it; all read.
   */
  maturity: (a: Actor) => ({
    assess: inMunicipality(a) && allows(a, 'contribute'),
    manage: inMunicipality(a) && allows(a, 'manage_projects'),
  }),
  /** The maturity model and the default key figures are the platform administration's. */
  maturityModel: (a: Actor) => ({ edit: a.user.isPlatformAdmin }),
  /** A network's moderation adds its own criteria and key figures and sees the network's distributions. */
  networkMaturity: (a: Actor, n: { networkId: string }) => ({ manage: moderates(a, n.networkId) }),
  /**
   * Data protection (GDPR): the municipality's administration answers access and erasure requests about its
   * colleagues and sets the retention periods (the admins act as the data-protection contact; everyone exports
   * their own data on the profile page).
   */
  privacy: (a: Actor) => ({ manage: inMunicipality(a) && allows(a, 'view_audit') }),
  /** The privacy notice, the imprint and the records of processing are the operator's (platform administration). */
  legal: (a: Actor) => ({ edit: a.user.isPlatformAdmin }),
  /**
   * The method library: the platform administration keeps the platform-wide guides, a network's moderation those
   * it curates for its members; everyone who works in a municipality ticks checklists for it or its projects.
   */
  guides: (a: Actor) => ({ create: isModerator(a) }),
  guide: (a: Actor, g: { networkId: string | null }) => ({
    edit: g.networkId === null ? a.user.isPlatformAdmin : moderates(a, g.networkId),
    tick: inMunicipality(a) && allows(a, 'contribute'),
  }),
  publication: (a: Actor) => ({ publish: allows(a, 'manage_exchange') }),
  exchangeEntry: (a: Actor, e: { own: boolean; published: boolean }) => ({
    adopt: inMunicipality(a) && !e.own && e.published && allows(a, 'create_projects'),
    ask: inMunicipality(a) && e.published && allows(a, 'contribute'),
  }),
  partners: (a: Actor) => ({ answer: allows(a, 'manage_exchange'), send: allows(a, 'manage_exchange') }),
  joints: (a: Actor) => ({ create: allows(a, 'manage_exchange') }),
  joint: jointRule,
  studies: (a: Actor) => ({ create: allows(a, 'manage_exchange') }),
  /** A network's moderation starts studies for members of the network (they accept or decline, the lead too). */
  networkStudies: (a: Actor, n: { networkId: string }) => ({ create: moderates(a, n.networkId) }),
  /**
   * A feasibility study: the lead's coordination edits the target model and key; every accepted partner enters
   * its own status quo (those who work in the service know the figures: everyone but the council).
   */
  studyView: (a: Actor, s: StudyRole) => ({
    edit: s.isLead && s.myStatus === 'accepted' && allows(a, 'manage_exchange'),
    answer: s.myStatus === 'invited' && allows(a, 'manage_exchange'),
    /** …once the lead accepted too: the study prices with the lead's cost rates. */
    statusQuo: s.myStatus === 'accepted' && s.leadAccepted && allows(a, 'contribute'),
    /** The lead moves the study on: agreed by the councils, then live. */
    advance: s.isLead && s.myStatus === 'accepted' && s.status !== 'live' && allows(a, 'manage_exchange'),
    /** Each partner's coordination names its own colleagues to the service team. */
    team: s.myStatus === 'accepted' && allows(a, 'manage_exchange'),
    /** Once live, everyone of a partner who works in the administration files work orders. */
    file: s.status === 'live' && s.myStatus === 'accepted' && allows(a, 'contribute'),
    /** The service team triages, assigns and records time and material on every order of the service. */
    work: s.status === 'live' && s.onTeam && allows(a, 'contribute'),
    /** The lead closes a month: its statements are frozen. */
    close: s.status === 'live' && s.isLead && s.myStatus === 'accepted' && allows(a, 'manage_exchange'),
  }),
  /** The joint project's page: the write flags plus whether a split may be proposed or accepted now. */
  jointView: (a: Actor, j: JointFacts) => {
    const { edit, answer, write, decideShares } = jointRule(a, j);
    return {
      edit,
      answer,
      write,
      proposeShares: edit && j.splitOutdated,
      acceptShares: decideShares && j.proposalPending && !j.sharesAccepted,
    };
  },
} satisfies Record<string, (a: Actor, facts: never) => Record<string, boolean>>;

export type Resource = keyof typeof RULES;
type Rule<R extends Resource> = (typeof RULES)[R];
export type FactsOf<R extends Resource> = Parameters<Rule<R>> extends [Actor, infer F] ? F : undefined;
export type Can<R extends Resource> = ReturnType<Rule<R>>;

type FactsArg<R extends Resource> = FactsOf<R> extends undefined ? [] : [facts: FactsOf<R>];

/** The flags of one resource for one actor (what the UI receives as `can`). */
export function presentCan<R extends Resource>(actor: Actor, resource: R, ...facts: FactsArg<R>): Can<R> {
  const rule = RULES[resource] as (a: Actor, f?: unknown) => Can<R>;
  return rule(actor, (facts as unknown[])[0]);
}

/** Whether one flag of a resource's rule holds for the actor. */
export function may<R extends Resource>(
  actor: Actor,
  resource: R,
  action: keyof Can<R>,
  ...facts: FactsArg<R>
): boolean {
  return Boolean(presentCan(actor, resource, ...facts)[action]);
}

/** A sample actor's flags name the keys of each resource: the typed `can` object of the contracts. */
const SAMPLE: Actor = {
  user: { id: '', isPlatformAdmin: false },
  municipalityId: null,
  roles: [],
  networkIds: [],
  moderatedNetworkIds: [],
};

/** The names of a resource's flags. */
export function flagsOf(resource: Resource): string[] {
  return Object.keys((RULES[resource] as (a: Actor, f: unknown) => object)(SAMPLE, SAMPLE_FACTS[resource]));
}

/** Zod schema of a resource's `can` object: exactly its rule's flags, each a boolean. */
export function canSchema<R extends Resource>(resource: R) {
  const keys = flagsOf(resource);
  return z.object(Object.fromEntries(keys.map((k) => [k, z.boolean()])) as { [K in keyof Can<R>]: z.ZodBoolean });
}

const PROJECT: ProjectFacts = { ownerId: null, onTeam: false };
const SAMPLE_FACTS: Record<Resource, unknown> = {
  session: undefined,
  municipality: undefined,
  departments: undefined,
  mailFailures: undefined,
  members: undefined,
  networks: undefined,
  network: { id: '' },
  networkInvitations: undefined,
  surveys: undefined,
  survey: { networkId: null, municipalityId: null, status: 'draft' },
  surveyResults: { networkId: null, municipalityId: null, status: 'draft', targeted: false },
  surveyView: {
    networkId: null,
    municipalityId: null,
    status: 'draft',
    hasTarget: false,
    targeted: false,
    personal: false,
  },
  response: { personal: false },
  responseView: { personal: false, open: false, submitted: false },
  workshops: undefined,
  workshop: { networkId: '' },
  needs: undefined,
  need: { merged: false },
  ideas: undefined,
  idea: { submittedBy: null, needId: null },
  targetPicture: undefined,
  projects: undefined,
  project: PROJECT,
  projectPart: PROJECT,
  decisionPapers: PROJECT,
  prioritisation: undefined,
  capacity: undefined,
  financeSettings: undefined,
  council: undefined,
  communication: undefined,
  processes: undefined,
  pulse: undefined,
  newsroom: undefined,
  competences: undefined,
  maturity: undefined,
  maturityModel: undefined,
  networkMaturity: { networkId: '' },
  privacy: undefined,
  legal: undefined,
  guides: undefined,
  guide: { networkId: null },
  publication: undefined,
  exchangeEntry: { own: false, published: false },
  partners: undefined,
  joints: undefined,
  joint: { isLead: false, myStatus: 'invited' },
  studies: undefined,
  networkStudies: { networkId: '' },
  studyView: { isLead: false, myStatus: 'invited', status: 'calculation', onTeam: false, leadAccepted: false },
  jointView: {
    isLead: false,
    myStatus: 'invited',
    proposalPending: false,
    sharesAccepted: false,
    splitOutdated: false,
  },
};
