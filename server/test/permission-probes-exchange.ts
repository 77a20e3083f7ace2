import { newId } from '../src/lib/ids.js';
import { buildMunicipality } from './factories.js';
import { type Env, JOINT, moderatedBy, newPopulation, newProject, ok, type Probe, u } from './permission-probe-kit.js';

/** Probes of the exchange between municipalities: publishing, entries, contact requests, joint projects, shared-service studies. */
export const EXCHANGE_PROBES: Record<string, Probe> = {
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
  'partners.send': async (e) => {
    const to = await buildMunicipality(e.db, { name: u('Angefragt') });
    return {
      read: '/api/v1/contact-requests',
      method: 'POST',
      url: '/api/v1/contact-requests',
      body: () => ({ toMunicipalityId: to.id, message: u('Anfrage') }),
    };
  },
  'partners.answer': async (e) => {
    const id = newId();
    await e.db
      .insertInto('contactRequests')
      .values({ id, fromMunicipalityId: e.other.id, toMunicipalityId: e.M, message: u('Anfrage') })
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
    body: () => JOINT([e.M, e.other.id]),
  }),
  'jointView.edit': async (e) => {
    const j = await ok(e.owner.post('/api/v1/joint-projects', JOINT([e.M, e.other.id])));
    return {
      read: `/api/v1/joint-projects/${j.id}`,
      method: 'PUT',
      url: `/api/v1/joint-projects/${j.id}`,
      body: (x) => ({ version: x.version, ...JOINT([e.M, e.other.id]) }),
    };
  },
  'jointView.answer': async (e) => {
    const j = await ok(e.otherOwner.post('/api/v1/joint-projects', JOINT([e.other.id, e.M])));
    return {
      read: `/api/v1/joint-projects/${j.id}`,
      method: 'POST',
      url: `/api/v1/joint-projects/${j.id}/answer`,
      body: () => ({ accept: true }),
    };
  },
  'jointView.write': async (e) => {
    const j = await ok(e.owner.post('/api/v1/joint-projects', JOINT([e.M, e.other.id])));
    return {
      read: `/api/v1/joint-projects/${j.id}`,
      method: 'POST',
      url: `/api/v1/joint-projects/${j.id}/entries`,
      body: () => ({ kind: 'decision', title: u('Beschluss') }),
    };
  },
  'jointView.proposeShares': async (e) => {
    const j = await ok(e.owner.post('/api/v1/joint-projects', { ...JOINT([e.M, e.other.id]), costKey: 'population' }));
    await ok(e.otherOwner.post(`/api/v1/joint-projects/${j.id}/answer`, { accept: true }));
    // new population figures make the agreed split outdated
    await e.db
      .updateTable('municipalities')
      .set({ population: newPopulation() })
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
      e.otherOwner.post('/api/v1/joint-projects', { ...JOINT([e.other.id, e.M]), costKey: 'population' }),
    );
    await ok(e.owner.post(`/api/v1/joint-projects/${j.id}/answer`, { accept: true }));
    await e.db
      .updateTable('municipalities')
      .set({ population: newPopulation() })
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
  'studies.create': async (e) => ({
    read: '/api/v1/shared-services/studies',
    method: 'POST',
    url: '/api/v1/shared-services/studies',
    body: () => ({ title: u('Studie'), serviceKey: 'bauhof', partnerIds: [e.other.id] }),
  }),
  // the network page offers it to those who edit the network: its moderation
  'networkStudies.create': async (e) => {
    const networkId = await moderatedBy(e);
    // the actor's network (one a coordinator started) may have only M: the neighbour joins it
    await e.db
      .insertInto('networkMembers')
      .values({ id: newId(), networkId, municipalityId: e.other.id, joinedOn: '2024-01-01', status: 'accepted' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return {
      read: `/api/v1/networks/${networkId}`,
      can: (j) => ({ create: j.can.edit }),
      method: 'POST',
      url: '/api/v1/shared-services/network-studies',
      body: () => ({
        networkId,
        leadId: e.M,
        title: u('Verbundstudie'),
        serviceKey: 'bauhof',
        partnerIds: [e.other.id],
      }),
    };
  },
  'studyView.edit': async (e) => {
    const s = await ok(
      e.owner.post('/api/v1/shared-services/studies', {
        title: u('Studie'),
        serviceKey: 'bauhof',
        partnerIds: [e.other.id],
      }),
    );
    return {
      read: `/api/v1/shared-services/studies/${s.id}`,
      method: 'PUT',
      url: `/api/v1/shared-services/studies/${s.id}`,
      body: (x) => ({
        version: x.version,
        title: u('Studie'),
        target: {},
        allocation: { key: 'equal', unit: 'work_orders', baseShare: 0.3 },
        vatTaxable: false,
        hoursPerFte: 1600,
        discountRate: 0.009,
        horizonYears: 5,
      }),
    };
  },
  'studyView.answer': async (e) => {
    const s = await ok(
      e.otherOwner.post('/api/v1/shared-services/studies', {
        title: u('Studie'),
        serviceKey: 'bauhof',
        partnerIds: [e.M],
      }),
    );
    return {
      read: `/api/v1/shared-services/studies/${s.id}`,
      method: 'POST',
      url: `/api/v1/shared-services/studies/${s.id}/answer`,
      body: () => ({ accept: true }),
    };
  },
  'studyView.statusQuo': async (e) => {
    const s = await ok(
      e.owner.post('/api/v1/shared-services/studies', {
        title: u('Studie'),
        serviceKey: 'bauhof',
        partnerIds: [e.other.id],
      }),
    );
    return {
      read: `/api/v1/shared-services/studies/${s.id}`,
      method: 'PUT',
      url: `/api/v1/shared-services/studies/${s.id}/status-quo`,
      body: (x) => ({
        version: x.partners.find((p: { role: string }) => p.role === 'lead').statusQuoVersion,
        materialCents: 1000,
      }),
    };
  },
  'studyView.advance': async (e) => {
    const s = await acceptedStudy(e);
    return {
      read: `/api/v1/shared-services/studies/${s}`,
      method: 'POST',
      url: `/api/v1/shared-services/studies/${s}/advance`,
      body: (x) => ({ version: x.version, status: 'agreed' }),
    };
  },
  'studyView.team': async (e) => {
    const s = await acceptedStudy(e);
    return {
      read: `/api/v1/shared-services/studies/${s}`,
      method: 'POST',
      url: `/api/v1/shared-services/studies/${s}/team`,
      body: () => ({ userId: e.actor.id, payGroup: 'EG 5' }),
    };
  },
  'studyView.file': async (e) => {
    const s = await liveStudy(e);
    return {
      read: `/api/v1/shared-services/studies/${s}`,
      method: 'POST',
      url: `/api/v1/shared-services/studies/${s}/orders`,
      body: () => ({ type: 'Winterdienst', title: u('Auftrag') }),
    };
  },
  'studyView.work': async (e) => {
    const s = await liveStudy(e);
    const base = `/api/v1/shared-services/studies/${s}`;
    // the actor is on the team (named by its coordination); the order is the owner's
    await ok(e.owner.post(`${base}/team`, { userId: e.actor.id, payGroup: 'EG 5' }));
    const order = await ok(e.owner.post(`${base}/orders`, { type: 'Winterdienst', title: u('Auftrag') }));
    return {
      read: base,
      method: 'PUT',
      url: `${base}/orders/${order.id}`,
      body: () => ({
        version: 1,
        status: 'planned',
        assigneeId: null,
        priority: 'normal',
        dueOn: null,
        rejectReason: '',
      }),
    };
  },
  'studyView.close': async (e) => {
    const s = await liveStudy(e);
    return {
      read: `/api/v1/shared-services/studies/${s}`,
      method: 'POST',
      url: `/api/v1/shared-services/studies/${s}/statements/close`,
      body: (x) => ({ month: x.liveFrom }),
    };
  },
};

/** A building-yard study of the owner's municipality that the other municipality accepted. */
async function acceptedStudy(e: Env): Promise<string> {
  const s = await ok(
    e.owner.post('/api/v1/shared-services/studies', {
      title: u('Studie'),
      serviceKey: 'bauhof',
      partnerIds: [e.other.id],
    }),
  );
  await ok(e.otherOwner.post(`/api/v1/shared-services/studies/${s.id}/answer`, { accept: true }));
  return s.id;
}

/** … that the councils agreed and that runs since this month. */
async function liveStudy(e: Env): Promise<string> {
  const id = await acceptedStudy(e);
  const url = `/api/v1/shared-services/studies/${id}`;
  for (const status of ['agreed', 'live'])
    await ok(e.owner.post(`${url}/advance`, { version: (await ok(e.owner.get(url))).version, status }));
  return id;
}
