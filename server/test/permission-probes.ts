import { newId } from '../src/lib/ids.js';
import { buildNetwork, buildUser } from './factories.js';
import {
  type Json,
  moderatedBy,
  newProject,
  newWorkshop,
  ok,
  openNetworkSurvey,
  type Probe,
  projectEdit,
  u,
} from './permission-probe-kit.js';

/** Probes of the municipality's own resources: master data, people, networks, surveys, workshops, needs, ideas, projects, finance. */
export const MUNICIPAL_PROBES: Record<string, Probe> = {
  'municipality.edit': async (_e) => ({
    read: '/api/v1/dashboard',
    method: 'PATCH',
    url: '/api/v1/municipalities/MUNICIPALITY',
    body: (j) => ({ version: j.municipality.version, name: u('Gemeinde'), population: 7_400 }),
  }),
  'municipality.invite': async (_e) => ({
    read: '/api/v1/dashboard',
    method: 'POST',
    url: '/api/v1/invitations',
    body: () => ({ email: `${newId()}@example.org`, role: 'staff' }),
  }),
  'mailFailures.retry': async (e) => {
    const id = newId();
    await e.db
      .insertInto('mailOutbox')
      .values({
        id,
        municipalityId: e.M,
        template: 'test',
        recipient: 'x@example.org',
        subject: 'S',
        body: 'B',
        status: 'failed',
      })
      .execute();
    return { read: '/api/v1/audit/mail-failures', method: 'POST', url: `/api/v1/audit/mail-failures/${id}/retry` };
  },
  'departments.manage': async (_e) => ({
    read: '/api/v1/departments',
    method: 'POST',
    url: '/api/v1/departments',
    body: () => ({ name: u('Amt') }),
  }),
  'members.invite': async (_e) => ({
    read: '/api/v1/members',
    method: 'POST',
    url: '/api/v1/invitations',
    body: () => ({ email: `${newId()}@example.org`, role: 'staff' }),
  }),
  'members.invite_admin': async (_e) => ({
    read: '/api/v1/members',
    method: 'POST',
    url: '/api/v1/invitations',
    body: () => ({ email: `${newId()}@example.org`, role: 'admin' }),
  }),
  'members.change_roles': async (e) => {
    const target = await buildUser(e.db, { municipalityId: e.M, role: 'staff' });
    return {
      read: '/api/v1/members',
      method: 'PATCH',
      url: `/api/v1/members/${target.id}`,
      body: () => ({ version: 1, role: 'mayor' }),
    };
  },
  'members.remove_members': async (e) => {
    const target = await buildUser(e.db, { municipalityId: e.M, role: 'staff' });
    return { read: '/api/v1/members', method: 'DELETE', url: `/api/v1/members/${target.id}` };
  },
  'networks.create': async (_e) => ({
    read: '/api/v1/networks',
    method: 'POST',
    url: '/api/v1/networks',
    body: () => ({ name: u('Zirkel'), type: 'circle' }),
  }),
  'network.edit': async (e) => {
    const n = await buildNetwork(e.db, e.ownerUser.id, [e.M], u('Netz'));
    return {
      read: `/api/v1/networks/${n.id}`,
      method: 'PATCH',
      url: `/api/v1/networks/${n.id}`,
      body: (j) => ({ version: j.version, name: u('Netz'), type: 'circle', description: '' }),
    };
  },
  'network.manageMembers': async (e) => {
    const n = await buildNetwork(e.db, e.ownerUser.id, [e.M], u('Netz'));
    return {
      read: `/api/v1/networks/${n.id}`,
      method: 'POST',
      url: `/api/v1/networks/${n.id}/members`,
      body: () => ({ municipalityId: e.other.id, joinedOn: new Date().toISOString().slice(0, 10) }),
    };
  },
  'network.manageModerators': async (e) => {
    const n = await buildNetwork(e.db, e.ownerUser.id, [e.M], u('Netz'));
    return {
      read: `/api/v1/networks/${n.id}`,
      method: 'POST',
      url: `/api/v1/networks/${n.id}/moderators`,
      body: () => ({ email: e.actor.email }),
    };
  },
  'networkInvitations.answer': async (e) => {
    const mod = await buildUser(e.db);
    const n = await buildNetwork(e.db, mod.id, [], u('Einladendes Netz'));
    await e.db
      .insertInto('networkMembers')
      .values({ id: newId(), networkId: n.id, municipalityId: e.M, joinedOn: '2026-01-01', status: 'invited' })
      .execute();
    return {
      read: '/api/v1/network-memberships',
      method: 'POST',
      url: `/api/v1/network-memberships/${n.id}/accept`,
      body: (j) => ({ version: j.items.find((x: Json) => x.networkId === n.id).version, staffSurveys: true }),
    };
  },
  'surveys.createInternal': async (_e) => ({
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
  'needs.create': async (_e) => ({
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
  'ideas.submit': async (_e) => ({
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
  'targetPicture.edit': async (_e) => ({
    read: '/api/v1/target-picture',
    method: 'PUT',
    url: '/api/v1/target-picture',
    body: (j) => ({ version: j.version, vision: u('Vision'), fields: j.fields }),
  }),
  'projects.create': async (_e) => ({
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
  'prioritisation.configure': async (_e) => ({
    read: '/api/v1/priorities',
    method: 'PUT',
    url: '/api/v1/priorities/criteria',
    body: (j) => ({
      version: j.version,
      criteria: [{ key: 'nutzen', name: 'Nutzen', weight: 1, direction: 'benefit' }],
    }),
  }),
  'capacity.edit': async (e) => {
    const person = await buildUser(e.db, { municipalityId: e.M, role: 'staff' });
    return {
      read: '/api/v1/capacity',
      method: 'PUT',
      url: `/api/v1/capacity/${person.id}`,
      body: () => ({ version: 0, hoursPerWeek: 20 }),
    };
  },
  'financeSettings.edit': async (_e) => ({
    read: '/api/v1/finance/settings',
    method: 'PUT',
    url: '/api/v1/finance/settings',
    body: (j) => {
      const { can: _, ...rest } = j;
      return rest;
    },
  }),
  'council.edit': async (_e) => ({
    read: '/api/v1/finance/council',
    method: 'PUT',
    url: '/api/v1/finance/council',
    body: (j) => ({ version: j.version, kind: 'gemeinde', council: 'Gemeinderat', committee: '' }),
  }),
  'competences.assess': async (_e) => ({
    read: '/api/v1/competences/me',
    method: 'PUT',
    url: '/api/v1/competences/me',
    body: (j) => ({ version: j.version, shareWithManager: false, levels: [{ code: '2.5', level: 4, target: 6 }] }),
  }),
  'competences.manage': async (_e) => ({
    read: '/api/v1/competences/trainings',
    method: 'POST',
    url: '/api/v1/competences/trainings',
    body: () => ({ title: u('Schulung'), provider: 'eGov-Campus', format: 'self_study', costCents: 0 }),
  }),
  'processes.edit': async (e) => {
    const body = { name: u('Leistung'), casesPerYear: 10, minutesPerCase: 5 };
    const s = await ok(e.owner.post('/api/v1/processes/services', body));
    return {
      read: `/api/v1/processes/services/${s.id}`,
      method: 'PUT',
      url: `/api/v1/processes/services/${s.id}`,
      body: (j) => ({ ...body, version: j.version, casesPerYear: 11 }),
    };
  },
  'processes.model': async (e) => {
    const s = await ok(
      e.owner.post('/api/v1/processes/services', { name: u('Leistung'), casesPerYear: 1, minutesPerCase: 1 }),
    );
    return {
      read: `/api/v1/processes/services/${s.id}`,
      method: 'POST',
      url: '/api/v1/processes/models',
      body: () => ({ serviceId: s.id, kind: 'to_be', name: u('Soll') }),
    };
  },
  'processes.createProject': async (e) => {
    const s = await ok(
      e.owner.post('/api/v1/processes/services', { name: u('Leistung'), casesPerYear: 1, minutesPerCase: 1 }),
    );
    await ok(e.owner.post('/api/v1/processes/models', { serviceId: s.id, kind: 'as_is', name: 'Ist' }));
    const toBe = await ok(e.owner.post('/api/v1/processes/models', { serviceId: s.id, kind: 'to_be', name: 'Soll' }));
    return {
      read: `/api/v1/processes/models/${toBe.id}`,
      method: 'POST',
      url: `/api/v1/processes/models/${toBe.id}/project`,
      body: () => ({}),
    };
  },
  'communication.edit': async (e) => {
    const item = { audience: 'all_staff', message: u('Botschaft'), channel: 'email', dueOn: '2027-03-01' };
    const c = await ok(e.owner.post('/api/v1/communication', item));
    return {
      read: '/api/v1/communication',
      method: 'PUT',
      url: `/api/v1/communication/${c.id}`,
      body: (j) => ({ ...item, version: j.items.find((i: Json) => i.id === c.id).version, status: 'done' }),
    };
  },
  'newsroom.edit': async (e) => {
    const post = await ok(e.owner.post('/api/v1/news', { title: u('Nachricht'), body: 'Text' }));
    return {
      read: '/api/v1/news?status=draft',
      method: 'PUT',
      url: `/api/v1/news/${post.id}`,
      body: (j) => ({
        version: j.items?.find((i: Json) => i.id === post.id)?.version ?? 1,
        title: u('Nachricht'),
        body: 'Neu',
      }),
    };
  },
  'pulse.manage': async (_e) => ({
    read: '/api/v1/pulse',
    method: 'PUT',
    url: '/api/v1/pulse/settings',
    body: (j) => ({ version: j.settings.version, enabled: true, quarterStartMonth: 2, remindAfterDays: 9 }),
  }),
  'maturity.assess': async (e) => {
    const o = await ok(e.owner.get('/api/v1/maturity'));
    const draft =
      o.assessments.find((a: Json) => a.status === 'draft') ?? (await ok(e.owner.post('/api/v1/maturity/assessments')));
    return {
      read: `/api/v1/maturity/assessments/${draft.id}`,
      method: 'PUT',
      url: `/api/v1/maturity/assessments/${draft.id}/answers/payment`,
      body: (j) => ({ level: 2, version: j.answers.find((x: Json) => x.criterionKey === 'payment').version }),
    };
  },
  'maturity.manage': async (_e) => ({
    read: '/api/v1/maturity',
    method: 'PUT',
    url: '/api/v1/maturity/settings',
    body: (j) => ({ contactable: !j.settings.contactable, version: j.settings.version }),
  }),
  'privacy.manage': async (_e) => ({
    read: '/api/v1/privacy/retention',
    method: 'PUT',
    url: '/api/v1/privacy/retention',
    body: (j) => ({ version: j.version, surveyAnswersMonths: 12, workshopNamesDays: j.workshopNamesDays }),
  }),
  'legal.edit': async (_e) => ({
    read: '/api/v1/legal/imprint',
    method: 'PUT',
    url: '/api/v1/legal/imprint',
    body: (j) => ({ version: j.version, markdown: `${j.markdown}\n\nGeändert.` }),
  }),
  'maturityModel.edit': async (_e) => ({
    read: '/api/v1/maturity/model',
    method: 'PUT',
    url: '/api/v1/maturity/model',
    body: (j) => ({
      basedOn: j.version,
      note: 'Neue Fassung',
      dimensions: j.dimensions.map((d: Json) => ({
        ...d,
        criteria: d.criteria.map(({ prefill, ...c }: Json) => (prefill ? { ...c, prefill } : c)),
      })),
    }),
  }),
  'networkMaturity.manage': async (e) => {
    const net = await moderatedBy(e);
    return {
      read: `/api/v1/maturity/networks/${net}`,
      method: 'POST',
      url: `/api/v1/maturity/networks/${net}/criteria`,
      body: () => ({ dimensionKey: 'change', name: u('Kriterium'), levels: ['Eins', 'Zwei', 'Drei', 'Vier', 'Fünf'] }),
    };
  },
  'guides.create': async (e) => {
    const net = await moderatedBy(e);
    return {
      read: '/api/v1/guides',
      method: 'POST',
      url: '/api/v1/guides',
      body: () => ({ networkId: net, kind: 'article', title: u('Hilfe'), modules: ['finance'] }),
    };
  },
  'guide.edit': async (e) => {
    const g = await ok(
      e.owner.post('/api/v1/guides', {
        networkId: e.networkId,
        kind: 'article',
        title: u('Hilfe'),
        modules: ['finance'],
      }),
    );
    return {
      read: `/api/v1/guides/${g.id}`,
      method: 'PUT',
      url: `/api/v1/guides/${g.id}`,
      body: (j) => ({ version: j.version, title: u('Hilfe'), modules: ['finance'], changeNote: 'Geschärft' }),
    };
  },
  'guide.tick': async (e) => {
    const g = await ok(
      e.owner.post('/api/v1/guides', {
        networkId: e.networkId,
        kind: 'checklist',
        title: u('Checkliste'),
        items: [{ key: 'eins', text: 'Erster Punkt' }],
        modules: ['projects'],
      }),
    );
    return {
      read: `/api/v1/guides/${g.id}`,
      method: 'PUT',
      url: `/api/v1/guides/${g.id}/ticks/eins`,
      body: () => ({ done: true }),
    };
  },
  'newsroom.comment': async (e) => {
    const post = await ok(e.owner.post('/api/v1/news', { title: u('Nachricht'), body: 'Text' }));
    await ok(e.owner.post(`/api/v1/news/${post.id}/publish`, { version: post.version }));
    return {
      read: '/api/v1/news',
      method: 'POST',
      url: `/api/v1/news/${post.id}/comments`,
      body: () => ({ body: 'Danke für die Info' }),
    };
  },
};

/** Variants that prove the facts of a rule, not only the roles: a project the actor owns. */
export const VARIANTS: Record<string, Probe> = {
  'project.edit (own project)': async (e) => projectEdit(e, e.actor.id),
};
