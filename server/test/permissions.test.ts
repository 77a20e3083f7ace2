import { flagsOf, type MunicipalityRole, type Resource, RULES } from '@dz/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/lib/ids.js';
import { buildMunicipality, buildNetwork, buildUser } from './factories.js';
import { type Client, createTestContext, login, type TestContext } from './helpers.js';

/**
 * The `can` flags equal the checks. For every resource of the one permission model (core/domain/permissions.ts)
 * and every flag of its rule, a probe reads the flag as the UI gets it and then tries the write the flag
 * stands for — as every role of a municipality and as a network moderator, each on a fresh resource. A
 * flag that says yes must meet a write that succeeds; a flag that says no, a write that is refused. A rule
 * or flag without a probe fails the suite, so a new resource must be proven here.
 */
type Actor = MunicipalityRole | 'moderator';
const ACTORS: readonly Actor[] = ['admin', 'coordinator', 'staff', 'mayor', 'council', 'moderator'];
type Body = Record<string, unknown>;
type Json = Record<string, any>;
interface Case {
  /** GET url whose answer carries the flags (a refused read means: all flags false). */
  read: string;
  /** The flags in the read's answer (default: `can`). */
  can?: (json: Json) => Record<string, boolean>;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** The write's body, given what the read answered (e.g. its version). */
  body?: (json: Json) => Body;
}
interface Env {
  owner: Client;
  ownerUser: { id: string; email: string };
  actor: { id: string; email: string };
  other: { id: string };
  otherOwner: Client;
  networkId: string;
  entryId: string;
}
type Probe = (env: Env) => Promise<Case>;

/** Flags that answer a read, not a write; they are proven where the read is tested. */
const READ_FLAGS: Record<string, string> = {
  'surveyResults.see':
    'a read: results.service.ts answers 404/403 exactly as surveys.test.ts and anonymity.test.ts prove',
  'surveyView.results': 'a read (the results page)',
  'workshop.report': 'a read (report PDF/Markdown for everyone who sees the workshop)',
};
/** Resources whose flags are the rule of others, proven through those. */
const DERIVED: Record<string, string> = {
  session: 'the role matrix for the navigation; every action of it is proven through the resources below',
  survey: 'proven through surveyView (same flags, same rule)',
  response: 'proven through responseView (its role part)',
  joint: 'proven through jointView (edit, answer, write) and the share probes (decideShares)',
};

let uniq = 0;
const u = (s: string) => `${s} ${++uniq}`;
const ok = async (p: Promise<{ statusCode: number; body: string; json(): any }>) => {
  const r = await p;
  if (r.statusCode >= 300) throw new Error(`fixture request failed: ${r.statusCode} ${r.body.slice(0, 300)}`);
  return r.json();
};
const JOINT = (ids: string[]) => ({
  title: u('Gemeinsam'),
  costKey: 'equal',
  costLines: [{ label: 'Betrieb', amountCents: 10_000 }],
  partners: ids.map((municipalityId) => ({ municipalityId })),
});

const PROBES: Record<string, Probe> = {
  'municipality.edit': async (_e) => ({
    read: '/api/v1/dashboard',
    method: 'PATCH',
    url: '/api/v1/municipalities/MUNICIPALITY',
    body: (j) => ({ version: j.municipality.version, name: u('Gemeinde'), population: 7_400 }),
  }),
  'municipality.invite': async () => ({
    read: '/api/v1/dashboard',
    method: 'POST',
    url: '/api/v1/invitations',
    body: () => ({ email: `${newId()}@example.org`, role: 'staff' }),
  }),
  'mailFailures.retry': async () => {
    const id = newId();
    await ctx.db
      .insertInto('mailOutbox')
      .values({
        id,
        municipalityId: M,
        template: 'test',
        recipient: 'x@example.org',
        subject: 'S',
        body: 'B',
        status: 'failed',
      })
      .execute();
    return { read: '/api/v1/audit/mail-failures', method: 'POST', url: `/api/v1/audit/mail-failures/${id}/retry` };
  },
  'departments.manage': async () => ({
    read: '/api/v1/departments',
    method: 'POST',
    url: '/api/v1/departments',
    body: () => ({ name: u('Amt') }),
  }),
  'members.invite': async () => ({
    read: '/api/v1/members',
    method: 'POST',
    url: '/api/v1/invitations',
    body: () => ({ email: `${newId()}@example.org`, role: 'staff' }),
  }),
  'members.invite_admin': async () => ({
    read: '/api/v1/members',
    method: 'POST',
    url: '/api/v1/invitations',
    body: () => ({ email: `${newId()}@example.org`, role: 'admin' }),
  }),
  'members.change_roles': async (_e) => {
    const target = await buildUser(ctx.db, { municipalityId: M, role: 'staff' });
    return {
      read: '/api/v1/members',
      method: 'PATCH',
      url: `/api/v1/members/${target.id}`,
      body: () => ({ version: 1, role: 'mayor' }),
    };
  },
  'members.remove_members': async () => {
    const target = await buildUser(ctx.db, { municipalityId: M, role: 'staff' });
    return { read: '/api/v1/members', method: 'DELETE', url: `/api/v1/members/${target.id}` };
  },
  'networks.create': async () => ({
    read: '/api/v1/networks',
    method: 'POST',
    url: '/api/v1/networks',
    body: () => ({ name: u('Zirkel'), type: 'circle' }),
  }),
  'network.edit': async (e) => {
    const n = await buildNetwork(ctx.db, e.ownerUser.id, [M], u('Netz'));
    return {
      read: `/api/v1/networks/${n.id}`,
      method: 'PATCH',
      url: `/api/v1/networks/${n.id}`,
      body: (j) => ({ version: j.version, name: u('Netz'), type: 'circle', description: '' }),
    };
  },
  'network.manageMembers': async (e) => {
    const n = await buildNetwork(ctx.db, e.ownerUser.id, [M], u('Netz'));
    return {
      read: `/api/v1/networks/${n.id}`,
      method: 'POST',
      url: `/api/v1/networks/${n.id}/members`,
      body: () => ({ municipalityId: e.other.id, joinedOn: new Date().toISOString().slice(0, 10) }),
    };
  },
  'network.manageModerators': async (e) => {
    const n = await buildNetwork(ctx.db, e.ownerUser.id, [M], u('Netz'));
    return {
      read: `/api/v1/networks/${n.id}`,
      method: 'POST',
      url: `/api/v1/networks/${n.id}/moderators`,
      body: () => ({ email: e.actor.email }),
    };
  },
  'networkInvitations.answer': async () => {
    const mod = await buildUser(ctx.db);
    const n = await buildNetwork(ctx.db, mod.id, [], u('Einladendes Netz'));
    await ctx.db
      .insertInto('networkMembers')
      .values({ id: newId(), networkId: n.id, municipalityId: M, joinedOn: '2026-01-01', status: 'invited' })
      .execute();
    return {
      read: '/api/v1/network-memberships',
      method: 'POST',
      url: `/api/v1/network-memberships/${n.id}/accept`,
      body: (j) => ({ version: j.items.find((x: Json) => x.networkId === n.id).version, staffSurveys: true }),
    };
  },
  'surveys.createInternal': async () => ({
    read: '/api/v1/surveys',
    method: 'POST',
    url: '/api/v1/surveys',
    body: () => ({ networkId: null, title: u('Intern'), mode: 'person' }),
  }),
  'surveys.createNetwork': async (e) => {
    const networkId = await moderatedBy(e);
    return {
      read: '/api/v1/surveys',
      method: 'POST',
      url: '/api/v1/surveys',
      body: () => ({ networkId, title: u('Netzumfrage'), mode: 'municipality' }),
    };
  },
  'surveyView.edit': async (e) => {
    const s = await ok(e.owner.post('/api/v1/surveys', { networkId: null, title: u('Intern'), mode: 'person' }));
    return {
      read: `/api/v1/surveys/${s.id}`,
      method: 'PATCH',
      url: `/api/v1/surveys/${s.id}`,
      body: (j) => ({
        version: j.version,
        title: u('Intern'),
        titleEn: '',
        intro: '',
        mode: 'person',
        opensOn: null,
        closesOn: null,
        threshold: 3,
        networkIds: [],
        definition: j.definition,
      }),
    };
  },
  'surveyView.manage': async (e) => {
    const s = await ok(e.owner.post('/api/v1/surveys', { networkId: null, title: u('Intern'), mode: 'person' }));
    return {
      read: `/api/v1/surveys/${s.id}`,
      method: 'POST',
      url: `/api/v1/surveys/${s.id}/open`,
      body: (j) => ({ version: j.version }),
    };
  },
  'surveyView.answer': async (e) => {
    const s = await openNetworkSurvey(e);
    return {
      read: `/api/v1/surveys/${s}`,
      method: 'PUT',
      url: `/api/v1/surveys/${s}/response`,
      body: () => ({ version: 0, answers: { groesster: 'Antwort' } }),
    };
  },
  'surveyView.workshop': async (e) => {
    const s = await ok(
      e.owner.post('/api/v1/surveys', { networkId: e.networkId, title: u('Umfrage'), mode: 'municipality' }),
    );
    return { read: `/api/v1/surveys/${s.id}`, method: 'POST', url: `/api/v1/surveys/${s.id}/workshop` };
  },
  'responseView.edit': async (e) => {
    const s = await openNetworkSurvey(e);
    return {
      read: `/api/v1/surveys/${s}/response`,
      method: 'PUT',
      url: `/api/v1/surveys/${s}/response`,
      body: (j) => ({ version: j.version, answers: { groesster: 'Antwort' } }),
    };
  },
  'responseView.submit': async (e) => {
    const s = await openNetworkSurvey(e);
    await ok(e.owner.put(`/api/v1/surveys/${s}/response`, { version: 0, answers: { groesster: 'Entwurf' } }));
    return {
      read: `/api/v1/surveys/${s}/response`,
      method: 'POST',
      url: `/api/v1/surveys/${s}/response/submit`,
      body: (j) => ({ version: j.version, answers: j.answers }),
    };
  },
  'responseView.reopen': async (e) => {
    const s = await openNetworkSurvey(e);
    const d = await ok(e.owner.put(`/api/v1/surveys/${s}/response`, { version: 0, answers: { groesster: 'Fertig' } }));
    await ok(e.owner.post(`/api/v1/surveys/${s}/response/submit`, { version: d.version, answers: d.answers }));
    return {
      read: `/api/v1/surveys/${s}/response`,
      method: 'POST',
      url: `/api/v1/surveys/${s}/response/reopen`,
      body: (j) => ({ version: j.version }),
    };
  },
  'workshops.create': async (e) => {
    const networkId = await moderatedBy(e);
    return {
      read: '/api/v1/workshops',
      method: 'POST',
      url: '/api/v1/workshops',
      body: () => ({ networkId, title: u('Workshop'), heldOn: '2026-06-10' }),
    };
  },
  'workshop.manage': async (e) => {
    const w = await newWorkshop(e);
    return {
      read: `/api/v1/workshops/${w}`,
      method: 'PATCH',
      url: `/api/v1/workshops/${w}`,
      body: (j) => ({ version: j.version, title: u('Workshop'), heldOn: '2026-06-11' }),
    };
  },
  'workshop.present': async (e) => {
    const w = await newWorkshop(e);
    return {
      read: `/api/v1/workshops/${w}`,
      method: 'POST',
      url: `/api/v1/workshops/${w}/live`,
      body: () => ({ status: 'live', currentItemId: null }),
    };
  },
  'needs.create': async () => ({
    read: '/api/v1/needs',
    method: 'POST',
    url: '/api/v1/needs',
    body: () => ({ title: u('Bedarf'), source: 'employee' }),
  }),
  'needs.manage': async (e) => {
    const n = await ok(e.owner.post('/api/v1/needs', { title: u('Bedarf'), source: 'employee' }));
    return {
      read: '/api/v1/needs',
      method: 'PATCH',
      url: `/api/v1/needs/${n.id}`,
      body: () => ({ version: 1, title: u('Bedarf'), source: 'citizen', status: 'done' }),
    };
  },
  'need.edit': async (e) => {
    const n = await ok(e.owner.post('/api/v1/needs', { title: u('Bedarf'), source: 'employee' }));
    return {
      read: `/api/v1/needs/${n.id}`,
      method: 'PATCH',
      url: `/api/v1/needs/${n.id}`,
      body: (j) => ({ version: j.version, title: u('Bedarf'), source: 'citizen', status: 'done' }),
    };
  },
  'need.merge': async (e) => {
    const a = await ok(e.owner.post('/api/v1/needs', { title: u('Bedarf A'), source: 'employee' }));
    const b = await ok(e.owner.post('/api/v1/needs', { title: u('Bedarf B'), source: 'employee' }));
    return {
      read: `/api/v1/needs/${a.id}`,
      method: 'POST',
      url: `/api/v1/needs/${a.id}/merge`,
      body: (j) => ({ version: j.version, intoId: b.id }),
    };
  },
  'ideas.submit': async () => ({
    read: '/api/v1/ideas',
    method: 'POST',
    url: '/api/v1/ideas',
    body: () => ({ title: u('Idee') }),
  }),
  'ideas.manage': async (e) => {
    const i = await ok(e.owner.post('/api/v1/ideas', { title: u('Idee') }));
    return {
      read: '/api/v1/ideas',
      method: 'POST',
      url: `/api/v1/ideas/${i.id}/status`,
      body: () => ({ version: 1, status: 'rejected', reason: 'Passt nicht' }),
    };
  },
  'idea.support': async (e) => {
    const i = await ok(e.owner.post('/api/v1/ideas', { title: u('Idee') }));
    return { read: `/api/v1/ideas/${i.id}`, method: 'POST', url: `/api/v1/ideas/${i.id}/support` };
  },
  'idea.manage': async (e) => {
    const i = await ok(e.owner.post('/api/v1/ideas', { title: u('Idee') }));
    return {
      read: `/api/v1/ideas/${i.id}`,
      method: 'POST',
      url: `/api/v1/ideas/${i.id}/status`,
      body: (j) => ({ version: j.version, status: 'rejected', reason: 'Passt nicht' }),
    };
  },
  'idea.toNeed': async (e) => {
    const i = await ok(e.owner.post('/api/v1/ideas', { title: u('Idee') }));
    return {
      read: `/api/v1/ideas/${i.id}`,
      method: 'POST',
      url: `/api/v1/ideas/${i.id}/need`,
      body: (j) => ({ version: j.version }),
    };
  },
  'targetPicture.edit': async () => ({
    read: '/api/v1/target-picture',
    method: 'PUT',
    url: '/api/v1/target-picture',
    body: (j) => ({ version: j.version, vision: u('Vision'), fields: j.fields }),
  }),
  'projects.create': async () => ({
    read: '/api/v1/projects',
    method: 'POST',
    url: '/api/v1/projects',
    body: () => ({ title: u('Projekt') }),
  }),
  'projects.manage': async (e) => {
    const p = await newProject(e);
    return {
      read: '/api/v1/projects',
      method: 'POST',
      url: `/api/v1/projects/${p}/move`,
      body: () => ({ version: 1, phase: 'planning', position: 0 }),
    };
  },
  'project.edit': async (e) => projectEdit(e, null),
  'project.delete': async (e) => ({
    read: `/api/v1/projects/${await newProject(e)}`,
    method: 'DELETE',
    url: '/api/v1/projects/PROJECT',
  }),
  'project.comment': async (e) => ({
    read: `/api/v1/projects/${await newProject(e)}`,
    method: 'POST',
    url: '/api/v1/projects/PROJECT/comments',
    body: () => ({ body: 'Ein Kommentar' }),
  }),
  'projectPart.edit': async (e) => {
    const p = await newProject(e);
    return {
      read: `/api/v1/projects/${p}/finance`,
      method: 'PUT',
      url: `/api/v1/projects/${p}/finance`,
      body: (j) => ({ version: j.version }),
    };
  },
  'decisionPapers.create': async (e) => {
    const p = await newProject(e);
    return {
      read: `/api/v1/projects/${p}/decision-papers`,
      method: 'POST',
      url: `/api/v1/projects/${p}/decision-papers`,
      body: () => ({ reference: 'BV/1', paperDate: '2027-01-01', subject: 'Vorlage', resolution: 'Beschluss' }),
    };
  },
  'prioritisation.configure': async () => ({
    read: '/api/v1/priorities',
    method: 'PUT',
    url: '/api/v1/priorities/criteria',
    body: (j) => ({
      version: j.version,
      criteria: [{ key: 'nutzen', name: 'Nutzen', weight: 1, direction: 'benefit' }],
    }),
  }),
  'capacity.edit': async () => {
    const person = await buildUser(ctx.db, { municipalityId: M, role: 'staff' });
    return {
      read: '/api/v1/capacity',
      method: 'PUT',
      url: `/api/v1/capacity/${person.id}`,
      body: () => ({ version: 0, hoursPerWeek: 20 }),
    };
  },
  'financeSettings.edit': async () => ({
    read: '/api/v1/finance/settings',
    method: 'PUT',
    url: '/api/v1/finance/settings',
    body: (j) => {
      const { can: _, ...rest } = j;
      return rest;
    },
  }),
  'council.edit': async () => ({
    read: '/api/v1/finance/council',
    method: 'PUT',
    url: '/api/v1/finance/council',
    body: (j) => ({ version: j.version, kind: 'gemeinde', council: 'Gemeinderat', committee: '' }),
  }),
  'publication.publish': async (e) => {
    const p = await newProject(e);
    return {
      read: `/api/v1/projects/${p}/publication`,
      method: 'PUT',
      url: `/api/v1/projects/${p}/publication`,
      body: () => ({
        version: 0,
        visibility: 'all',
        title: u('Eintrag'),
        stage: 'running',
        contactRole: 'Koordination',
      }),
    };
  },
  'exchangeEntry.adopt': async (e) => ({
    read: `/api/v1/exchange/${e.entryId}`,
    method: 'POST',
    url: `/api/v1/exchange/${e.entryId}/adoption`,
    body: () => ({ title: u('Übernommen'), startsOn: '2027-01-01' }),
  }),
  'exchangeEntry.ask': async (e) => ({
    read: `/api/v1/exchange/${e.entryId}`,
    method: 'POST',
    url: `/api/v1/exchange/${e.entryId}/posts`,
    body: () => ({ body: 'Wie lief die Einführung?' }),
  }),
  'partners.send': async () => {
    const to = await buildMunicipality(ctx.db, { name: u('Angefragt') });
    return {
      read: '/api/v1/contact-requests',
      method: 'POST',
      url: '/api/v1/contact-requests',
      body: () => ({ toMunicipalityId: to.id, message: u('Anfrage') }),
    };
  },
  'partners.answer': async (e) => {
    const id = newId();
    await ctx.db
      .insertInto('contactRequests')
      .values({ id, fromMunicipalityId: e.other.id, toMunicipalityId: M, message: u('Anfrage') })
      .execute();
    return {
      read: '/api/v1/contact-requests',
      method: 'POST',
      url: `/api/v1/contact-requests/${id}/answer`,
      body: () => ({ accept: true }),
    };
  },
  'joints.create': async (e) => ({
    read: '/api/v1/joint-projects',
    method: 'POST',
    url: '/api/v1/joint-projects',
    body: () => JOINT([M, e.other.id]),
  }),
  'jointView.edit': async (e) => {
    const j = await ok(e.owner.post('/api/v1/joint-projects', JOINT([M, e.other.id])));
    return {
      read: `/api/v1/joint-projects/${j.id}`,
      method: 'PUT',
      url: `/api/v1/joint-projects/${j.id}`,
      body: (x) => ({ version: x.version, ...JOINT([M, e.other.id]) }),
    };
  },
  'jointView.answer': async (e) => {
    const j = await ok(e.otherOwner.post('/api/v1/joint-projects', JOINT([e.other.id, M])));
    return {
      read: `/api/v1/joint-projects/${j.id}`,
      method: 'POST',
      url: `/api/v1/joint-projects/${j.id}/answer`,
      body: () => ({ accept: true }),
    };
  },
  'jointView.write': async (e) => {
    const j = await ok(e.owner.post('/api/v1/joint-projects', JOINT([M, e.other.id])));
    return {
      read: `/api/v1/joint-projects/${j.id}`,
      method: 'POST',
      url: `/api/v1/joint-projects/${j.id}/entries`,
      body: () => ({ kind: 'decision', title: u('Beschluss') }),
    };
  },
  'jointView.proposeShares': async (e) => {
    const j = await ok(e.owner.post('/api/v1/joint-projects', { ...JOINT([M, e.other.id]), costKey: 'population' }));
    await ok(e.otherOwner.post(`/api/v1/joint-projects/${j.id}/answer`, { accept: true }));
    // new population figures make the agreed split outdated
    await ctx.db
      .updateTable('municipalities')
      .set({ population: 5_000 + uniq++ })
      .where('id', '=', e.other.id)
      .execute();
    return {
      read: `/api/v1/joint-projects/${j.id}`,
      method: 'POST',
      url: `/api/v1/joint-projects/${j.id}/shares/propose`,
      body: (x) => ({ version: x.version }),
    };
  },
  'jointView.acceptShares': async (e) => {
    const j = await ok(
      e.otherOwner.post('/api/v1/joint-projects', { ...JOINT([e.other.id, M]), costKey: 'population' }),
    );
    await ok(e.owner.post(`/api/v1/joint-projects/${j.id}/answer`, { accept: true }));
    await ctx.db
      .updateTable('municipalities')
      .set({ population: 5_000 + uniq++ })
      .where('id', '=', e.other.id)
      .execute();
    const v = (await ok(e.otherOwner.get(`/api/v1/joint-projects/${j.id}`))).version;
    await ok(e.otherOwner.post(`/api/v1/joint-projects/${j.id}/shares/propose`, { version: v }));
    return {
      read: `/api/v1/joint-projects/${j.id}`,
      method: 'POST',
      url: `/api/v1/joint-projects/${j.id}/shares/accept`,
      body: (x) => ({ version: x.version }),
    };
  },
};

/** Variants that prove the facts of a rule, not only the roles: a project the actor owns. */
const VARIANTS: Record<string, Probe> = {
  'project.edit (own project)': async (e) => projectEdit(e, e.actor.id),
};

let ctx: TestContext;
let M: string;
const clients = {} as Record<Actor, Client>;
const users = {} as Record<Actor, { id: string; email: string }>;
let base: Omit<Env, 'actor'>;

/** A network the actor moderates, if any (else the fixtures' network): list flags offer exactly those. */
async function moderatedBy(e: Env) {
  const mine = await ctx.db
    .selectFrom('networkModerators')
    .select('networkId')
    .where('userId', '=', e.actor.id)
    .executeTakeFirst();
  return mine?.networkId ?? e.networkId;
}

async function newProject(e: Env, ownerId: string | null = null) {
  return (await ok(e.owner.post('/api/v1/projects', { title: u('Projekt'), ...(ownerId ? { ownerId } : {}) })))
    .id as string;
}
async function projectEdit(e: Env, ownerId: string | null): Promise<Case> {
  const p = await newProject(e, ownerId);
  return {
    read: `/api/v1/projects/${p}`,
    method: 'PATCH',
    url: `/api/v1/projects/${p}`,
    body: (j) => ({ version: j.version, title: u('Projekt'), phase: 'planning' }),
  };
}
async function newWorkshop(e: Env) {
  return (
    await ok(e.owner.post('/api/v1/workshops', { networkId: e.networkId, title: u('Workshop'), heldOn: '2026-06-10' }))
  ).id as string;
}
async function openNetworkSurvey(e: Env) {
  const s = await ok(
    e.owner.post('/api/v1/surveys', {
      networkId: e.networkId,
      title: u('Umfrage'),
      mode: 'municipality',
      source: 'import',
      definition: {
        sections: [
          {
            id: 'a',
            title: { de: 'A' },
            questions: [{ id: 'groesster', type: 'text', text: { de: 'Was drückt?' }, required: false }],
          },
        ],
      },
    }),
  );
  await ok(e.owner.post(`/api/v1/surveys/${s.id}/open`, { version: 1 }));
  return s.id as string;
}

beforeAll(async () => {
  ctx = await createTestContext();
  const m = await buildMunicipality(ctx.db, { name: 'Rechtehausen' });
  M = m.id;
  const other = await buildMunicipality(ctx.db, { name: 'Nachbarort' });
  // the owner creates the fixtures: a coordinator who moderates the network of M and the other municipality
  const ownerUser = await buildUser(ctx.db, { municipalityId: M, role: 'coordinator' });
  const otherUser = await buildUser(ctx.db, { municipalityId: other.id, role: 'coordinator' });
  const net = await buildNetwork(ctx.db, ownerUser.id, [M, other.id], 'Rechtezirkel');
  for (const a of ACTORS) {
    users[a] =
      a === 'moderator'
        ? ownerUser
        : await buildUser(ctx.db, { municipalityId: M, role: a, email: `${a}-${newId()}@example.org` });
    clients[a] = await login(ctx.app, users[a].email);
  }
  const otherOwner = await login(ctx.app, otherUser.email);
  // another municipality's project, published to everybody
  const op = await ok(otherOwner.post('/api/v1/projects', { title: 'Digitale Bauakte' }));
  const pub = await ok(
    otherOwner.put(`/api/v1/projects/${op.id}/publication`, {
      version: 0,
      visibility: 'all',
      title: 'Digitale Bauakte',
      stage: 'running',
      contactRole: 'Bauamt',
    }),
  );
  base = {
    owner: clients.moderator,
    ownerUser,
    other,
    otherOwner,
    networkId: net.id,
    entryId: pub.publicationId,
  };
}, 120_000);
afterAll(() => ctx?.close());

describe('one permission model: every can flag equals what its write answers', () => {
  it('has a probe for every flag of every rule (or says why a flag is a read or derived)', () => {
    const missing: string[] = [];
    for (const resource of Object.keys(RULES) as Resource[]) {
      if (resource in DERIVED) continue;
      for (const f of flagsOf(resource)) {
        const key = `${resource}.${f}`;
        if (!(key in PROBES) && !(key in READ_FLAGS)) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
    const unknown = Object.keys(PROBES).filter((k) => !(k.split('.')[0]! in RULES));
    expect(unknown).toEqual([]);
  });

  for (const actor of ACTORS)
    it(`as ${actor}: a flag that says yes meets a write that succeeds, a no one that is refused`, async () => {
      const env: Env = { ...base, actor: users[actor] };
      const mismatches: string[] = [];
      for (const [key, probe] of [...Object.entries(PROBES), ...Object.entries(VARIANTS)]) {
        const c = await probe(env);
        const read = await clients[actor].get(c.read);
        const json: Json = read.statusCode === 200 ? read.json() : {};
        const flags = read.statusCode === 200 ? (c.can ?? ((j: Json) => j.can))(json) : {};
        const flag = key.split(' ')[0]!.split('.')[1]!;
        const says = Boolean(flags?.[flag]);
        const url = c.url.replace('MUNICIPALITY', M).replace('PROJECT', c.read.split('/').pop()!);
        const res = await clients[actor].inject({
          method: c.method,
          url,
          ...(c.body ? { payload: c.body(json) } : {}),
        });
        expect(res.statusCode, `${actor} ${key}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        const done = res.statusCode < 300;
        if (says !== done)
          mismatches.push(`${key}: can=${says}, ${c.method} ${c.url} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
      expect(mismatches).toEqual([]);
    });
});
