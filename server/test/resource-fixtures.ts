import { hashSecret, newId, newSecret } from '../src/lib/ids.js';
import { chainXml } from './bpmn-chain.js';
import { buildMunicipality, buildNetwork } from './factories.js';
import { buildGuideResources } from './guides-fixtures.js';
import { login, multipart, type TestContext } from './helpers.js';
import { buildMaturityResources } from './maturity-fixtures.js';

/**
 * A resource of every kind the API knows, in one municipality, created through the API by `owner`
 * (an admin or coordinator there, who also moderates the network created here): departments, an
 * invitation, a network survey with a draft response, a workshop with an idea and an action, the target
 * picture with a measured value, an idea, a need, a project with all its parts (milestone, task, link,
 * comment, file, capacity, effort, finance, risk, decision paper), a publication, a contact request and
 * a joint project and a shared-service feasibility study with a third municipality. The route suites (cross-tenant isolation, read-only roles)
 * fill path parameters from `ids`; `markers` are texts that must not leak to other municipalities.
 */
export async function buildResources(
  ctx: TestContext,
  municipality: { id: string },
  owner: { id: string; email: string },
  colleague: { id: string },
): Promise<{ ids: Record<string, string>; markers: string[] }> {
  const ids: Record<string, string> = {};
  const markers: string[] = [];
  const dept = await ctx.db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('municipalityId', '=', municipality.id)
    .executeTakeFirstOrThrow();
  const net = await buildNetwork(ctx.db, owner.id, [municipality.id], 'Geheimer Zirkel B');
  const inv = newId();
  await ctx.db
    .insertInto('invitations')
    .values({
      id: inv,
      municipalityId: municipality.id,
      email: 'eingeladen-b@example.org',
      role: 'staff',
      tokenHash: hashSecret(newSecret()),
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .execute();
  // an unread notification of B's coordinator (A's list and A's "mark as read" must never reach it)
  const notificationId = newId();
  await ctx.db
    .insertInto('notifications')
    .values({
      id: notificationId,
      userId: owner.id,
      municipalityId: municipality.id,
      event: 'mention',
      title: 'Geheime Benachrichtigung B',
      path: '/projekte',
    })
    .execute();
  ids.notificationId = notificationId;
  markers.push('Geheime Benachrichtigung B');
  // a mail to B's coordinator that could not be delivered (the outbox's failure state)
  const mailId = newId();
  await ctx.db
    .insertInto('mailOutbox')
    .values({
      id: mailId,
      municipalityId: municipality.id,
      template: 'member_invitation',
      recipient: 'unzustellbar-b@example.org',
      subject: 'Geheime Post B',
      body: 'Geheime Post B',
      status: 'failed',
      attempts: 5,
    })
    .execute();
  const job = newId();
  await ctx.db
    .insertInto('importJobs')
    .values({ id: job, fileName: 'b.txt', status: 'done', createdBy: null })
    .execute();
  // B writes something into its audit trail
  const b = await login(ctx.app, owner.email);
  await b.post('/api/v1/departments', { name: 'Geheimamt B' });
  // B's network runs a survey (opened, so B's members see it) and B answers it
  const survey = (
    await b.post('/api/v1/surveys', { networkId: net.id, title: 'Geheime Umfrage B', mode: 'municipality' })
  ).json().id as string;
  await b.post(`/api/v1/surveys/${survey}/open`, { version: 1 });
  await b.put(`/api/v1/surveys/${survey}/response`, { version: 0, answers: { groesster: 'Geheimer Schmerz B' } });
  // … and a workshop with an idea and a follow-up action
  const wsId = (
    await b.post('/api/v1/workshops', { networkId: net.id, title: 'Geheimer Workshop B', heldOn: '2026-06-10' })
  ).json().id as string;
  const wsItem = (await b.get(`/api/v1/workshops/${wsId}`)).json().items[0].id as string;
  await b.post(`/api/v1/workshops/${wsId}/ideas`, { itemId: wsItem, text: 'Geheime Idee B' });
  const ws = (await b.post(`/api/v1/workshops/${wsId}/actions`, { what: 'Geheime Aufgabe B' })).json();
  const tpStart = (await b.get('/api/v1/target-picture')).json();
  tpStart.fields[0].goals = [{ title: 'Geheimes Ziel B', indicators: [{ name: 'Geheimer Indikator B' }] }];
  const tp = (
    await b.put('/api/v1/target-picture', { version: 0, vision: 'Geheime Vision B', fields: tpStart.fields })
  ).json();
  const indicatorId = tp.fields[0].goals[0].indicators[0].id as string;
  const tpv = (
    await b.post(`/api/v1/target-picture/indicators/${indicatorId}/values`, { measuredOn: '2026-01-01', value: 7 })
  ).json();
  const idea = (await b.post('/api/v1/ideas', { title: 'Geheime Idee der Belegschaft B' })).json().id as string;
  const need = (await b.post('/api/v1/needs', { title: 'Geheimer Bedarf Bauhof B', source: 'employee' })).json()
    .id as string;
  // … and a project with all its parts
  const projectId = (
    await b.post('/api/v1/projects', { title: 'Geheimes Projekt B', description: 'Geheime Notiz B' })
  ).json().id as string;
  await b.post(`/api/v1/projects/${projectId}/milestones`, { title: 'Geheimer Meilenstein B', dueOn: '2027-01-01' });
  await b.post(`/api/v1/projects/${projectId}/tasks`, { title: 'Geheime Projektaufgabe B' });
  await b.post(`/api/v1/projects/${projectId}/links`, { title: 'Geheimer Link B', url: 'https://b.example' });
  await b.post(`/api/v1/projects/${projectId}/comments`, { body: 'Geheimer Kommentar B' });
  const pd = (
    await b.inject({
      method: 'POST',
      url: `/api/v1/projects/${projectId}/files`,
      ...multipart('geheim-b.txt', Buffer.from('Geheime Datei B')),
    })
  ).json();
  await b.put(`/api/v1/capacity/${colleague.id}`, { version: 0, hoursPerWeek: 7 });
  await b.put(`/api/v1/projects/${projectId}/effort`, {
    version: 1,
    rows: [{ userId: colleague.id, month: '2027-01', hours: 12 }],
  });
  await b.post('/api/v1/calendar-feed');
  const communicationId = (
    await b.post('/api/v1/communication', {
      projectId,
      audience: 'staff_council',
      message: 'Geheime Botschaft B',
      channel: 'email',
      dueOn: '2027-02-01',
      ownerId: colleague.id,
    })
  ).json().id as string;
  // processes: a service with an as-is model whose step names must never reach A
  const serviceId = (
    await b.post('/api/v1/processes/services', {
      name: 'Geheime Leistung B',
      casesPerYear: 10,
      minutesPerCase: 5,
      lifeSituation: 'Geheime Lebenslage B',
    })
  ).json().id as string;
  const modelId = (
    await b.post('/api/v1/processes/models', { serviceId, kind: 'as_is', name: 'Geheimes Prozessmodell B' })
  ).json().id as string;
  await b.put(`/api/v1/processes/models/${modelId}`, {
    version: 1,
    name: 'Geheimes Prozessmodell B',
    xml: chainXml('Geheimer Prozess B', [{ name: 'Geheimer Prozessschritt B', minutes: 5 }]),
  });
  markers.push('Geheime Leistung B', 'Geheime Lebenslage B', 'Geheimes Prozessmodell B', 'Geheimer Prozessschritt B');
  await b.put(`/api/v1/projects/${projectId}/staff-council`, {
    version: 0,
    answers: { monitoring: 'yes' },
    status: 'informed',
    informedOn: '2027-01-04',
    note: 'Geheime Personalratsnotiz B',
  });
  markers.push('Geheime Personalratsnotiz B');
  // competences: an own competence, a shared self-assessment, a training and an assignment to a colleague
  await b.post('/api/v1/competences/framework', { area: 4, name: 'Geheime Kompetenz B' });
  await b.put('/api/v1/competences/me', {
    version: 0,
    departmentId: dept.id,
    shareWithManager: true,
    levels: [{ code: '4.E1', level: 7, target: 8 }],
  });
  const trainingId = (
    await b.post('/api/v1/competences/trainings', {
      title: 'Geheime Schulung B',
      provider: 'Geheimes Studieninstitut B',
      format: 'online',
      competences: ['4.E1'],
    })
  ).json().id as string;
  const assignmentId = (
    await b.post('/api/v1/competences/plan', { trainingId, userId: colleague.id, dueOn: '2027-04-01' })
  ).json().id as string;
  // maturity: a draft self-assessment with evidence, the network's own criterion and figure with a value, open ring
  const maturity = await buildMaturityResources(b, net.id, 'B');
  Object.assign(ids, maturity.ids);
  markers.push(...maturity.markers);
  // guides: a checklist the network curates for its members, with a file, ticked for B and for B's project
  const guides = await buildGuideResources(b, net.id, 'B', projectId);
  Object.assign(ids, guides.ids);
  markers.push(...guides.markers);
  // a running round of the change-readiness pulse (its survey lists B's departments)
  await b.post('/api/v1/pulse/rounds', { intro: 'Geheimer Pulsgruß B' });
  markers.push('Geheimer Pulsgruß B');
  await b.put(`/api/v1/projects/${projectId}/finance`, {
    version: 0,
    costs: [
      { kind: 'one_time', category: 'investment', label: 'Geheime Kostenzeile B', year: 0, min: 1, likely: 2, max: 3 },
    ],
  });
  const riskId = (
    await b.post(`/api/v1/projects/${projectId}/risks`, {
      title: 'Geheimes Risiko B',
      category: 'vendor',
      probability: 50,
      costMin: 1,
      costLikely: 2,
      costMax: 3,
    })
  ).json().items[0].id as string;
  const paperId = (
    await b.post(`/api/v1/projects/${projectId}/decision-papers`, {
      reference: 'BV/GEHEIM/1',
      paperDate: '2027-01-01',
      subject: 'Geheime Vorlage B',
      resolution: 'Geheimer Beschluss B',
    })
  ).json().id as string;
  // B publishes its secret project to its own network only, with one document
  const pubId = (
    await b.put(`/api/v1/projects/${projectId}/publication`, {
      version: 0,
      visibility: 'networks',
      networkIds: [net.id],
      title: 'Geheimes Projekt B',
      problem: 'Geheimes Problem B',
      stage: 'running',
      contactRole: 'Geheime Rolle B',
      documentIds: [pd.files[0].id],
    })
  ).json().publicationId as string;
  // a third municipality asks B for contact, and B runs a joint project with it
  const C = await buildMunicipality(ctx.db, { name: 'Gemeinde C' });
  const requestId = newId();
  await ctx.db
    .insertInto('contactRequests')
    .values({
      id: requestId,
      fromMunicipalityId: C.id,
      toMunicipalityId: municipality.id,
      message: 'Geheime Anfrage B',
    })
    .execute();
  const jointId = (
    await b.post('/api/v1/joint-projects', {
      title: 'Geheimes Gemeinschaftsprojekt B',
      costKey: 'population',
      costLines: [{ label: 'Geheime Gemeinschaftskosten B', amountCents: 100 }],
      partners: [{ municipalityId: municipality.id }, { municipalityId: C.id }],
    })
  ).json().id as string;
  const joint = (
    await b.inject({
      method: 'POST',
      url: `/api/v1/joint-projects/${jointId}/documents`,
      ...multipart('geheimer-vertrag-b.txt', Buffer.from('Geheimer Vertrag B')),
    })
  ).json();
  // B studies a shared building yard with C and has entered its own status quo
  const studyId = (
    await b.post('/api/v1/shared-services/studies', {
      title: 'Geheime Machbarkeitsstudie B',
      serviceKey: 'bauhof',
      partnerIds: [C.id],
    })
  ).json().id as string;
  await b.put(`/api/v1/shared-services/studies/${studyId}/status-quo`, {
    version: 0,
    materialCents: 123_456,
    serviceLevel: 'Geheimer Leistungsstand B',
  });
  // B's network adds its own service type to the catalogue
  const typeId = (
    await b.post('/api/v1/shared-services/catalogue', {
      networkId: net.id,
      name: 'Geheimer Diensttyp B',
      tasks: ['Geheime Aufgabenart B'],
      units: ['cases'],
    })
  ).json().id as string;
  // B's network, which C also joined, has its moderation start a study for B and C
  await ctx.db
    .insertInto('networkMembers')
    .values({ id: newId(), networkId: net.id, municipalityId: C.id, joinedOn: '2024-01-01', status: 'accepted' })
    .execute();
  const networkStudy = await b.post('/api/v1/shared-services/network-studies', {
    networkId: net.id,
    leadId: C.id,
    title: 'Geheime Verbundstudie B',
    serviceKey: 'it',
    partnerIds: [municipality.id],
  });
  if (networkStudy.statusCode !== 201) throw new Error(`network study: ${networkStudy.body}`);
  // … which C accepted; the councils agreed, it is live: a team, a work order with a photo and time on it
  await ctx.db.updateTable('serviceStudyPartners').set({ status: 'accepted' }).where('studyId', '=', studyId).execute();
  const study = `/api/v1/shared-services/studies/${studyId}`;
  for (const status of ['agreed', 'live'])
    await b.post(`${study}/advance`, { version: (await b.get(study)).json().version, status });
  for (const u of [owner.id, colleague.id]) await b.post(`${study}/team`, { userId: u, payGroup: 'EG 5' });
  const orderId = (await b.post(`${study}/orders`, { type: 'Winterdienst', title: 'Geheimer Auftrag B' })).json()
    .id as string;
  const attachmentId = (
    await b.inject({
      method: 'POST',
      url: `${study}/orders/${orderId}/attachments`,
      ...multipart('geheimes-foto-b.png', Buffer.from('Geheimes Foto B'), 'image/png'),
    })
  ).json().id as string;
  const order = (
    await b.post(`${study}/orders/${orderId}/entries`, {
      kind: 'time',
      userId: owner.id,
      minutes: 45,
      workedOn: new Date().toISOString().slice(0, 10),
      note: 'Geheime Notiz B',
    })
  ).json();
  // B's newsroom: a published post with an image and a pending comment, and a secret feed address
  const news = (await b.post('/api/v1/news', { title: 'Geheime Nachricht B', body: 'Geheimer Text B' })).json();
  await b.post(`/api/v1/news/${news.id}/publish`, { version: news.version });
  await b.inject({
    method: 'POST',
    url: `/api/v1/news/${news.id}/image`,
    ...multipart('bild.png', Buffer.from('Geheimes Bild B'), 'image/png'),
  });
  const comment = (
    await b.post(`/api/v1/news/${news.id}/comments`, { body: 'Geheimer Kommentar zur Nachricht B' })
  ).json();
  const feed = (await b.post('/api/v1/news/feeds', { label: 'Geheimes Intranet B' })).json();
  Object.assign(ids, {
    postId: news.id,
    commentId: comment.items[0].id,
    feedId: feed.id,
    token: new URL(feed.atomUrl).pathname.split('/')[4]!,
    publicationId: pubId,
    requestId,
    jointId,
    entryId: joint.entries[0].id,
    studyId,
    orderId,
    attachmentId,
    workEntryId: order.entries[0].id,
    typeId,
  });
  markers.push(
    'Geheimes Problem B',
    'Geheime Rolle B',
    'Geheime Anfrage B',
    'Geheimes Gemeinschaftsprojekt B',
    'Geheime Gemeinschaftskosten B',
    'geheimer-vertrag-b.txt',
    'Geheime Machbarkeitsstudie B',
    'Geheime Verbundstudie B',
    'Geheime Nachricht B',
    'Geheimer Text B',
    'Geheimer Kommentar zur Nachricht B',
    'Geheimes Intranet B',
    'Geheimer Leistungsstand B',
    'Geheimer Auftrag B',
    'Geheimer Diensttyp B',
    'Geheime Aufgabenart B',
    'geheimes-foto-b.png',
    'Geheime Notiz B',
  );
  Object.assign(ids, {
    paperId,
    riskId,
    communicationId,
    serviceId,
    modelId,
    trainingId,
    assignmentId,
    projectId,
    milestoneId: pd.milestones[0].id,
    taskId: pd.tasks[0].id,
    linkId: pd.links[0].id,
    fileId: pd.files[0].id,
    municipalityId: municipality.id,
    mailId,
    departmentId: dept.id,
    userId: colleague.id,
    // the legal page a write to `/api/v1/legal/:page` names (not a tenant resource)
    page: 'imprint',
    invitationId: inv,
    networkId: net.id,
    importId: job,
    surveyId: survey,
    needId: need,
    ideaId: idea,
    indicatorId,
    valueId: tpv.fields[0].goals[0].indicators[0].values[0].id,
    workshopId: ws.id,
    itemId: ws.items[0].id,
    workshopIdeaId: ws.items[0].ideas[0].id,
    actionId: ws.actions[0].id,
  });
  markers.push(
    'geheim-b@example.org',
    'unzustellbar-b@example.org',
    'Geheime Post B',
    'kollege-b@example.org',
    'eingeladen-b@example.org',
    'Geheimer Zirkel B',
    'Geheimamt B',
    'Berta Geheim',
    'Geheime Umfrage B',
    'Geheimer Schmerz B',
    'Geheimer Workshop B',
    'Geheime Idee B',
    'Geheime Aufgabe B',
    'Geheimer Bedarf Bauhof B',
    'Geheime Idee der Belegschaft B',
    'Geheime Vision B',
    'Geheimes Ziel B',
    'Geheimes Projekt B',
    'Geheime Notiz B',
    'Geheimer Meilenstein B',
    'Geheime Projektaufgabe B',
    'Geheimer Kommentar B',
    'Geheime Kostenzeile B',
    'Geheimes Risiko B',
    'Geheime Vorlage B',
    'Geheime Botschaft B',
    'Geheime Kompetenz B',
    'Geheime Schulung B',
    'Geheimes Studieninstitut B',
    'geheim-b.txt',
    dept.name,
  );
  return { ids, markers };
}

/** A route's path with its parameters replaced by fixture ids (an unknown parameter fails loudly). */
export function fillPath(url: string, ids: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, p: string) => {
    if (!(p in ids)) throw new Error(`no fixture for path parameter :${p} — extend server/test/resource-fixtures.ts`);
    return ids[p]!;
  });
}

/** A request body whose string values naming a fixture (e.g. 'networkId'), at any depth, are replaced by that id. */
export function fillIds(body: Record<string, unknown> | undefined, ids: Record<string, string>) {
  if (!body) return undefined;
  const fill = (v: unknown): unknown =>
    typeof v === 'string' && v in ids
      ? ids[v]
      : Array.isArray(v)
        ? v.map(fill)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]))
          : v;
  return fill(body) as Record<string, unknown>;
}
