import { painPointTemplate } from '@dz/core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMunicipality, buildUser } from './factories.js';
import { type Client, createTestContext, login, type TestContext } from './helpers.js';
import { buildResources, fillIds, fillPath } from './resource-fixtures.js';
import { WRITE_BODIES } from './write-bodies.js';

/**
 * Cross-tenant suite: enumerates every registered API route. A user of municipality A, holding B's
 * resource ids, must get 403/404 on every route that takes an id, and routes without ids must never
 * return B's data. A route missing from ROUTES fails the test, so new routes must be classified here.
 */
type Kind =
  | { kind: 'foreign'; body?: Record<string, unknown> } // takes ids: A with B's ids → 403/404
  | { kind: 'own'; body?: Record<string, unknown> } // acts on the caller's own scope only
  | { kind: 'public'; reason: string } // reachable without session, guarded by a secret or harmless
  | { kind: 'shared'; reason: string }; // signed-in users only, returns no tenant data

const SURVEY_UPDATE = {
  version: 2,
  title: 'Gekapert',
  titleEn: '',
  intro: '',
  mode: 'municipality',
  opensOn: null,
  closesOn: null,
  threshold: 3,
  networkIds: [],
  definition: painPointTemplate(),
};

const ROUTES: Record<string, Kind> = {
  'GET /health': { kind: 'public', reason: 'liveness' },
  'GET /ready': { kind: 'public', reason: 'readiness' },
  'GET /api/v1/meta': { kind: 'public', reason: 'accessibility contact and version' },
  'GET /metrics': { kind: 'public', reason: 'checks METRICS_TOKEN or a platform-admin session itself' },
  'POST /api/v1/auth/login': { kind: 'public', reason: 'sign-in' },
  'POST /api/v1/auth/logout': { kind: 'own' },
  'POST /api/v1/auth/logout-everywhere': { kind: 'own' },
  'GET /api/v1/auth/session': { kind: 'own' },
  'POST /api/v1/auth/switch': { kind: 'foreign', body: { municipalityId: 'B_MUNICIPALITY' } },
  'PATCH /api/v1/auth/profile': { kind: 'own', body: { name: 'Anna A', locale: 'de' } },
  'POST /api/v1/auth/password-reset': { kind: 'public', reason: 'sends only to the account owner' },
  'POST /api/v1/auth/password-reset/confirm': { kind: 'public', reason: 'needs the secret token' },
  'POST /api/v1/auth/setup': { kind: 'public', reason: 'needs the one-time setup token' },
  'GET /api/v1/auth/setup/:token': { kind: 'public', reason: 'says only whether a setup link is still valid' },
  'GET /api/v1/auth/invitations/:token': { kind: 'public', reason: 'needs the secret invitation token' },
  'POST /api/v1/auth/invitations/accept': { kind: 'public', reason: 'needs the secret invitation token' },
  'GET /api/v1/dashboard': { kind: 'own' },
  'GET /api/v1/first-steps': { kind: 'own' },
  'PUT /api/v1/first-steps/dismissal': { kind: 'own' },
  'GET /api/v1/platform/start': { kind: 'foreign' },
  'GET /api/v1/municipalities': { kind: 'own' },
  'GET /api/v1/municipalities/:municipalityId': {
    kind: 'shared',
    reason: 'official directory data (Destatis), no tenant data',
  },
  'PATCH /api/v1/municipalities/:municipalityId': {
    kind: 'foreign',
  },
  'GET /api/v1/departments': { kind: 'own' },
  'POST /api/v1/departments': { kind: 'own' },
  'POST /api/v1/departments/defaults': { kind: 'own' },
  'PATCH /api/v1/departments/:departmentId': { kind: 'foreign' },
  'DELETE /api/v1/departments/:departmentId': { kind: 'foreign' },
  'GET /api/v1/members': { kind: 'own' },
  'PATCH /api/v1/members/:userId': { kind: 'foreign', body: { version: 1, role: 'staff' } },
  'DELETE /api/v1/members/:userId': { kind: 'foreign' },
  'GET /api/v1/invitations': { kind: 'own' },
  'POST /api/v1/invitations': { kind: 'own', body: { email: 'neu-a@example.org', role: 'staff' } },
  'DELETE /api/v1/invitations/:invitationId': { kind: 'foreign' },
  'POST /api/v1/municipalities/:municipalityId/invitations': {
    kind: 'foreign',
  },
  'GET /api/v1/networks': { kind: 'own' },
  'POST /api/v1/networks': { kind: 'own', body: { name: 'Zirkel von A', type: 'circle' } },
  'GET /api/v1/networks/:networkId': { kind: 'foreign' },
  'PATCH /api/v1/networks/:networkId': {
    kind: 'foreign',
  },
  'POST /api/v1/networks/:networkId/members': {
    kind: 'foreign',
    body: { municipalityId: 'A_MUNICIPALITY', joinedOn: '2099-01-01' },
  },
  'POST /api/v1/networks/:networkId/members/:municipalityId/leave': { kind: 'foreign' },
  'POST /api/v1/networks/:networkId/moderators': { kind: 'foreign', body: { email: 'A_EMAIL' } },
  'DELETE /api/v1/networks/:networkId/moderators/:userId': { kind: 'foreign' },
  'GET /api/v1/network-memberships': { kind: 'own' },
  'POST /api/v1/network-memberships/:networkId/accept': { kind: 'foreign' },
  'POST /api/v1/network-memberships/:networkId/decline': { kind: 'foreign' },
  'PATCH /api/v1/network-memberships/:networkId': { kind: 'foreign' },
  'GET /api/v1/surveys': { kind: 'own' },
  'POST /api/v1/surveys': { kind: 'own', body: { networkId: null, title: 'Intern A', mode: 'person' } },
  'GET /api/v1/surveys/:surveyId': { kind: 'foreign' },
  'PATCH /api/v1/surveys/:surveyId': { kind: 'foreign', body: SURVEY_UPDATE },
  'DELETE /api/v1/surveys/:surveyId': { kind: 'foreign' },
  'POST /api/v1/surveys/:surveyId/duplicate': { kind: 'foreign' },
  'GET /api/v1/surveys/:surveyId/definition.json': { kind: 'foreign' },
  'POST /api/v1/surveys/:surveyId/open': { kind: 'foreign' },
  'POST /api/v1/surveys/:surveyId/close': { kind: 'foreign' },
  'POST /api/v1/surveys/:surveyId/remind': { kind: 'foreign' },
  'GET /api/v1/surveys/:surveyId/participation': { kind: 'foreign' },
  'GET /api/v1/surveys/:surveyId/audience': { kind: 'foreign' },
  'POST /api/v1/surveys/:surveyId/workshop': { kind: 'foreign' },
  'GET /api/v1/surveys/:surveyId/response': { kind: 'foreign' },
  'PUT /api/v1/surveys/:surveyId/response': { kind: 'foreign', body: { version: 1, answers: { personal: 1 } } },
  'POST /api/v1/surveys/:surveyId/response/submit': { kind: 'foreign', body: { version: 1, answers: { personal: 1 } } },
  'POST /api/v1/surveys/:surveyId/response/reopen': { kind: 'foreign' },
  'GET /api/v1/surveys/:surveyId/results': { kind: 'foreign' },
  'GET /api/v1/surveys/:surveyId/results.csv': { kind: 'foreign' },
  'GET /api/v1/surveys/:surveyId/results.xlsx': { kind: 'foreign' },
  'GET /api/v1/surveys/:surveyId/raw.csv': { kind: 'foreign' },
  'GET /api/v1/workshops': { kind: 'own' },
  'POST /api/v1/workshops': {
    kind: 'foreign',
  },
  'GET /api/v1/workshops/:workshopId': { kind: 'foreign' },
  'PATCH /api/v1/workshops/:workshopId': {
    kind: 'foreign',
  },
  'POST /api/v1/workshops/:workshopId/items': { kind: 'foreign' },
  'PATCH /api/v1/workshops/:workshopId/items/:itemId': {
    kind: 'foreign',
  },
  'POST /api/v1/workshops/:workshopId/items/:itemId/move': { kind: 'foreign' },
  'DELETE /api/v1/workshops/:workshopId/items/:itemId': { kind: 'foreign' },
  'POST /api/v1/workshops/:workshopId/live': { kind: 'foreign' },
  'POST /api/v1/workshops/:workshopId/ideas': { kind: 'foreign' },
  'DELETE /api/v1/workshops/:workshopId/ideas/:workshopIdeaId': { kind: 'foreign' },
  'POST /api/v1/workshops/:workshopId/actions': { kind: 'foreign' },
  'PATCH /api/v1/workshops/:workshopId/actions/:actionId': {
    kind: 'foreign',
  },
  'DELETE /api/v1/workshops/:workshopId/actions/:actionId': { kind: 'foreign' },
  'GET /api/v1/workshops/:workshopId/events': { kind: 'foreign' },
  'GET /api/v1/workshops/:workshopId/qr.svg': { kind: 'foreign' },
  'GET /api/v1/workshops/:workshopId/report.pdf': { kind: 'foreign' },
  'GET /api/v1/workshops/:workshopId/report.md': { kind: 'foreign' },
  'POST /api/v1/live/join': { kind: 'public', reason: 'needs the workshop code; creates only a participant' },
  'GET /api/v1/live/state': { kind: 'public', reason: 'needs a participant token of that workshop' },
  'POST /api/v1/live/ideas': { kind: 'public', reason: 'needs a participant token of that workshop' },
  'POST /api/v1/live/votes': { kind: 'public', reason: 'needs a participant token of that workshop' },
  'DELETE /api/v1/live/votes/:workshopIdeaId': { kind: 'public', reason: 'needs a participant token of that workshop' },
  'GET /api/v1/live/events': { kind: 'public', reason: 'needs a participant token of that workshop' },
  'GET /api/v1/needs': { kind: 'own' },
  'GET /api/v1/needs/similar': { kind: 'own' },
  'POST /api/v1/needs': { kind: 'own', body: { title: 'Bedarf von A', source: 'citizen' } },
  'GET /api/v1/needs/:needId': { kind: 'foreign' },
  'PATCH /api/v1/needs/:needId': {
    kind: 'foreign',
  },
  'POST /api/v1/needs/:needId/merge': { kind: 'foreign', body: { version: 1, intoId: 'needId' } },
  'GET /api/v1/ideas': { kind: 'own' },
  'POST /api/v1/ideas': { kind: 'own', body: { title: 'Idee von A' } },
  'GET /api/v1/ideas/:ideaId': { kind: 'foreign' },
  'POST /api/v1/ideas/:ideaId/support': { kind: 'foreign' },
  'DELETE /api/v1/ideas/:ideaId/support': { kind: 'foreign' },
  'POST /api/v1/ideas/:ideaId/status': {
    kind: 'foreign',
  },
  'POST /api/v1/ideas/:ideaId/need': { kind: 'foreign' },
  'GET /api/v1/target-picture': { kind: 'own' },
  'GET /api/v1/target-picture.pdf': { kind: 'own' },
  'PUT /api/v1/target-picture': { kind: 'own', body: { version: 0, vision: 'A', fields: [] } },
  'POST /api/v1/target-picture/indicators/:indicatorId/values': {
    kind: 'foreign',
    body: { measuredOn: '2026-01-01', value: 1 },
  },
  'DELETE /api/v1/target-picture/values/:valueId': { kind: 'foreign' },
  'GET /api/v1/projects': { kind: 'own' },
  'GET /api/v1/projects/export': { kind: 'own' },
  'GET /api/v1/projects/board': { kind: 'own' },
  'GET /api/v1/colleagues': { kind: 'own' },
  'POST /api/v1/projects': { kind: 'own' },
  'GET /api/v1/projects/:projectId': { kind: 'foreign' },
  'PATCH /api/v1/projects/:projectId': {
    kind: 'foreign',
    body: { version: 1, title: 'Gekapert', phase: 'done' },
  },
  'DELETE /api/v1/projects/:projectId': { kind: 'foreign' },
  'POST /api/v1/projects/:projectId/move': { kind: 'foreign', body: { version: 1, phase: 'done', position: 0 } },
  'POST /api/v1/projects/:projectId/milestones': { kind: 'foreign' },
  'PATCH /api/v1/projects/:projectId/milestones/:milestoneId': {
    kind: 'foreign',
  },
  'DELETE /api/v1/projects/:projectId/milestones/:milestoneId': { kind: 'foreign' },
  'POST /api/v1/projects/:projectId/tasks': { kind: 'foreign' },
  'PATCH /api/v1/projects/:projectId/tasks/:taskId': { kind: 'foreign' },
  'DELETE /api/v1/projects/:projectId/tasks/:taskId': { kind: 'foreign' },
  'POST /api/v1/projects/:projectId/reports': {
    kind: 'foreign',
  },
  'POST /api/v1/projects/:projectId/links': {
    kind: 'foreign',
  },
  'DELETE /api/v1/projects/:projectId/links/:linkId': { kind: 'foreign' },
  'POST /api/v1/projects/:projectId/files': { kind: 'foreign' },
  'GET /api/v1/projects/:projectId/files/:fileId': { kind: 'foreign' },
  'DELETE /api/v1/projects/:projectId/files/:fileId': { kind: 'foreign' },
  'GET /api/v1/priorities': { kind: 'own' },
  'PUT /api/v1/priorities/criteria': {
    kind: 'own',
  },
  'PUT /api/v1/projects/:projectId/scores': { kind: 'foreign', body: { version: 1, scores: { effort: 5 } } },
  'GET /api/v1/projects/:projectId/effort': { kind: 'foreign' },
  'PUT /api/v1/projects/:projectId/effort': {
    kind: 'foreign',
    body: { version: 1, rows: [{ userId: '00000000-0000-4000-8000-000000000000', month: '2027-01', hours: 500 }] },
  },
  'GET /api/v1/capacity': { kind: 'own' },
  'PUT /api/v1/capacity/:userId': { kind: 'foreign', body: { version: 0, hoursPerWeek: 40 } },
  'GET /api/v1/timeline': { kind: 'own' },
  'GET /api/v1/traceability': { kind: 'own' },
  'GET /api/v1/portfolio/attention': { kind: 'own' },
  'GET /api/v1/finance/settings': { kind: 'own' },
  'GET /api/v1/finance/council': { kind: 'own' },
  'PUT /api/v1/finance/council': { kind: 'own' },
  'GET /api/v1/finance/portfolio': { kind: 'own' },
  'GET /api/v1/finance/portfolio.xlsx': { kind: 'own' },
  'PUT /api/v1/finance/settings': {
    kind: 'own',
  },
  'GET /api/v1/projects/:projectId/finance': { kind: 'foreign' },
  'PUT /api/v1/projects/:projectId/finance': { kind: 'foreign' },
  'GET /api/v1/projects/:projectId/paper-suggestions': { kind: 'foreign' },
  'GET /api/v1/projects/:projectId/risks': { kind: 'foreign' },
  'POST /api/v1/projects/:projectId/risks': {
    kind: 'foreign',
  },
  'PATCH /api/v1/projects/:projectId/risks/:riskId': {
    kind: 'foreign',
  },
  'DELETE /api/v1/projects/:projectId/risks/:riskId': { kind: 'foreign' },
  'POST /api/v1/projects/:projectId/simulation': { kind: 'foreign' },
  'GET /api/v1/projects/:projectId/decision-papers/draft': { kind: 'foreign' },
  'GET /api/v1/projects/:projectId/decision-papers': { kind: 'foreign' },
  'POST /api/v1/projects/:projectId/decision-papers': {
    kind: 'foreign',
  },
  'GET /api/v1/projects/:projectId/decision-papers/:paperId/pdf': { kind: 'foreign' },
  'GET /api/v1/projects/:projectId/decision-papers/:paperId/oparl': { kind: 'foreign' },
  'GET /api/v1/calendar-feed': { kind: 'own' },
  'POST /api/v1/calendar-feed': { kind: 'own' },
  'DELETE /api/v1/calendar-feed': { kind: 'own' },
  'GET /api/v1/calendar/:file': { kind: 'public', reason: 'needs the secret, revocable feed token' },
  'POST /api/v1/projects/:projectId/comments': { kind: 'foreign', body: { body: 'Gekapert @Berta Geheim' } },
  'GET /api/v1/exchange': { kind: 'own' },
  'GET /api/v1/exchange/:publicationId': { kind: 'foreign' },
  'GET /api/v1/exchange/:publicationId/documents/:fileId': { kind: 'foreign' },
  'PUT /api/v1/exchange/:publicationId/lighthouse/:networkId': { kind: 'foreign' },
  'DELETE /api/v1/exchange/:publicationId/lighthouse/:networkId': { kind: 'foreign' },
  'POST /api/v1/exchange/:publicationId/posts': { kind: 'foreign', body: { body: 'Gekaperte Frage' } },
  'GET /api/v1/exchange/:publicationId/adoption': { kind: 'foreign' },
  'POST /api/v1/exchange/:publicationId/adoption': {
    kind: 'foreign',
    body: { title: 'Gekapert', startsOn: '2027-01-01' },
  },
  'GET /api/v1/projects/:projectId/publication': { kind: 'foreign' },
  'POST /api/v1/projects/:projectId/publication/preview': {
    kind: 'foreign',
    body: { version: 0, visibility: 'all', title: 'Gekapert', stage: 'running', contactRole: 'Gekapert' },
  },
  'PUT /api/v1/projects/:projectId/publication': {
    kind: 'foreign',
  },
  'POST /api/v1/projects/:projectId/publication/withdraw': { kind: 'foreign' },
  'GET /api/v1/needs/:needId/partners': { kind: 'foreign' },
  'GET /api/v1/projects/:projectId/partners': { kind: 'foreign' },
  'PUT /api/v1/needs/:needId/partner-search': { kind: 'foreign' },
  'GET /api/v1/contact-requests': { kind: 'own' },
  'POST /api/v1/contact-requests': {
    kind: 'own',
    body: { toMunicipalityId: 'B_MUNICIPALITY', message: 'Eine ehrliche Anfrage von A' },
  },
  'POST /api/v1/contact-requests/:requestId/answer': { kind: 'foreign' },
  'GET /api/v1/joint-projects': { kind: 'own' },
  'POST /api/v1/joint-projects': {
    kind: 'own',
    body: {
      title: 'Eigenes Gemeinschaftsprojekt',
      costKey: 'equal',
      partners: [{ municipalityId: 'A_MUNICIPALITY' }, { municipalityId: 'B_MUNICIPALITY' }],
    },
  },
  'GET /api/v1/joint-projects/:jointId': { kind: 'foreign' },
  'PUT /api/v1/joint-projects/:jointId': {
    kind: 'foreign',
    body: {
      version: 1,
      title: 'Gekapert',
      costKey: 'equal',
      // nested ids are not filled in: any two valid ids, the joint project itself is B's
      partners: [
        { municipalityId: '00000000-0000-4000-8000-00000000000a' },
        { municipalityId: '00000000-0000-4000-8000-00000000000b' },
      ],
    },
  },
  'POST /api/v1/joint-projects/:jointId/answer': { kind: 'foreign', body: { accept: true } },
  'POST /api/v1/joint-projects/:jointId/shares/propose': { kind: 'foreign' },
  'POST /api/v1/joint-projects/:jointId/shares/accept': { kind: 'foreign' },
  'POST /api/v1/joint-projects/:jointId/entries': { kind: 'foreign' },
  'POST /api/v1/joint-projects/:jointId/documents': { kind: 'foreign' },
  'GET /api/v1/joint-projects/:jointId/entries/:entryId/file': { kind: 'foreign' },
  'DELETE /api/v1/joint-projects/:jointId/entries/:entryId': { kind: 'foreign' },
  'GET /api/v1/joint-projects/:jointId/statement': { kind: 'foreign' },
  'GET /api/v1/audit': { kind: 'own' },
  'GET /api/v1/audit/export.csv': { kind: 'own' },
  'GET /api/v1/audit/mail-failures': { kind: 'own' },
  'POST /api/v1/audit/mail-failures/:mailId/retry': { kind: 'foreign' },
  'GET /api/v1/imports': { kind: 'foreign' },
  'GET /api/v1/imports/:importId': { kind: 'foreign' },
  'POST /api/v1/imports': { kind: 'foreign' },
  'GET /oparl/v1/system': { kind: 'public', reason: 'OParl entry point, no tenant data' },
  'GET /oparl/v1/bodies': { kind: 'public', reason: 'OParl: municipalities that have public papers' },
  'GET /oparl/v1/bodies/:bodyId': { kind: 'public', reason: 'OParl: a municipality with public papers, else 404' },
  'GET /oparl/v1/bodies/:bodyId/papers': {
    kind: 'public',
    reason: 'OParl: only papers marked public; non-public ones answer 404 (oparl.test.ts)',
  },
  'GET /oparl/v1/bodies/:bodyId/organizations': {
    kind: 'public',
    reason: 'OParl: committees named in public papers only',
  },
  'GET /oparl/v1/bodies/:bodyId/organizations/:organizationKey': {
    kind: 'public',
    reason: 'OParl: committees named in public papers only',
  },
  'GET /oparl/v1/bodies/:bodyId/meetings': { kind: 'public', reason: 'OParl: always empty' },
  'GET /oparl/v1/bodies/:bodyId/people': { kind: 'public', reason: 'OParl: always empty' },
  'GET /oparl/v1/papers/:paperId': {
    kind: 'public',
    reason: 'OParl: only papers marked public; non-public ones answer 404 (oparl.test.ts)',
  },
  'GET /oparl/v1/papers/:paperId/consultations/:consultationNo': {
    kind: 'public',
    reason: 'OParl: only papers marked public; non-public ones answer 404 (oparl.test.ts)',
  },
  'GET /oparl/v1/files/:fileId': {
    kind: 'public',
    reason: 'OParl: only papers marked public; non-public ones answer 404 (oparl.test.ts)',
  },
  'GET /oparl/v1/files/:fileId/access': {
    kind: 'public',
    reason: 'OParl: PDF of a public paper; only papers marked public; non-public ones answer 404 (oparl.test.ts)',
  },
  'GET /oparl/v1/files/:fileId/download': {
    kind: 'public',
    reason: 'OParl: PDF of a public paper; only papers marked public; non-public ones answer 404 (oparl.test.ts)',
  },
};

let ctx: TestContext;
let a: Client;
const ids: Record<string, string> = {};
const markers: string[] = [];
let aEmail = '';

beforeAll(async () => {
  ctx = await createTestContext();
  const A = await buildMunicipality(ctx.db, { name: 'Gemeinde A' });
  const B = await buildMunicipality(ctx.db, { name: 'Gemeinde B' });
  const ua = await buildUser(ctx.db, { municipalityId: A.id, role: 'admin' });
  aEmail = ua.email;
  const ub = await buildUser(ctx.db, {
    municipalityId: B.id,
    role: 'admin',
    email: 'geheim-b@example.org',
    name: 'Berta Geheim',
  });
  const ub2 = await buildUser(ctx.db, { municipalityId: B.id, role: 'staff', email: 'kollege-b@example.org' });
  const built = await buildResources(ctx, B, ub, ub2);
  Object.assign(ids, built.ids, { B_MUNICIPALITY: B.id, A_MUNICIPALITY: A.id, A_EMAIL: ua.email });
  markers.push(...built.markers);
  a = await login(ctx.app, ua.email);
});
afterAll(() => ctx?.close());

const fill = (url: string) => fillPath(url, ids);
const fillBody = (body?: Record<string, unknown>) => fillIds(body, ids);

describe('cross-tenant isolation', () => {
  it('classifies every registered route', () => {
    const api = ctx.app.routeList.filter(
      (r) =>
        r.url.startsWith('/api/v1') || r.url.startsWith('/oparl/') || ['/health', '/ready', '/metrics'].includes(r.url),
    );
    const unclassified = api.map((r) => `${r.method} ${r.url}`).filter((k) => !(k in ROUTES));
    expect(unclassified).toEqual([]);
    expect(api.every((r) => r.access)).toBe(true);
    // a route declared public must be classified public here, and vice versa
    const mismatch = api.filter((r) => (r.access === 'public') !== (ROUTES[`${r.method} ${r.url}`]?.kind === 'public'));
    expect(mismatch).toEqual([]);
    const stale = Object.keys(ROUTES).filter((k) => !api.some((r) => `${r.method} ${r.url}` === k));
    expect(stale).toEqual([]);
  });

  it('answers 403/404 to A on every route that names B’s resources', async () => {
    const failures: string[] = [];
    for (const r of ctx.app.routeList) {
      const key = `${r.method} ${r.url}`;
      const spec = ROUTES[key];
      if (spec?.kind !== 'foreign') continue;
      const res: LightMyRequestResponse = await a.inject({
        method: r.method as 'GET',
        url: fill(r.url),
        payload: fillBody(spec.body ?? WRITE_BODIES[key]),
      });
      if (res.statusCode !== 403 && res.statusCode !== 404)
        failures.push(`${key} → ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
  });

  it('never shows B’s data on A’s own routes', async () => {
    const leaks: string[] = [];
    for (const r of ctx.app.routeList) {
      const key = `${r.method} ${r.url}`;
      const spec = ROUTES[key];
      if (spec?.kind !== 'own' || r.method !== 'GET') continue;
      const res = await a.inject({ method: 'GET', url: r.url });
      expect(res.statusCode, key).toBeLessThan(400);
      for (const m of markers) if (res.body.includes(m)) leaks.push(`${key} contains ${m}`);
    }
    expect(leaks).toEqual([]);
  });

  it('left B’s data untouched after all attempts', async () => {
    const dept = await ctx.db
      .selectFrom('departments')
      .select(['name', 'version'])
      .where('id', '=', ids.departmentId!)
      .executeTakeFirstOrThrow();
    expect(dept.version).toBe(1);
    const m = await ctx.db
      .selectFrom('memberships')
      .select('role')
      .where('userId', '=', ids.userId!)
      .executeTakeFirstOrThrow();
    expect(m.role).toBe('staff');
    const inv = await ctx.db
      .selectFrom('invitations')
      .select('revokedAt')
      .where('id', '=', ids.invitationId!)
      .executeTakeFirstOrThrow();
    expect(inv.revokedAt).toBeNull();
    const n = await ctx.db
      .selectFrom('networks')
      .select(['name', 'version'])
      .where('id', '=', ids.networkId!)
      .executeTakeFirstOrThrow();
    expect(n).toEqual({ name: 'Geheimer Zirkel B', version: 1 });
    const sv = await ctx.db
      .selectFrom('surveys')
      .select(['title', 'version', 'status'])
      .where('id', '=', ids.surveyId!)
      .executeTakeFirstOrThrow();
    expect(sv).toEqual({ title: 'Geheime Umfrage B', version: 2, status: 'open' });
    const resp = await ctx.db
      .selectFrom('surveyResponses')
      .select(['answers', 'status'])
      .where('surveyId', '=', ids.surveyId!)
      .execute();
    expect(resp).toEqual([{ answers: { groesster: 'Geheimer Schmerz B' }, status: 'draft' }]);
    const wsRow = await ctx.db
      .selectFrom('workshops')
      .select(['title', 'version', 'status'])
      .where('id', '=', ids.workshopId!)
      .executeTakeFirstOrThrow();
    expect(wsRow).toEqual({ title: 'Geheimer Workshop B', version: 1, status: 'planned' });
    expect(
      await ctx.db.selectFrom('needs').select(['title', 'version', 'status']).where('id', '=', ids.needId!).execute(),
    ).toEqual([{ title: 'Geheimer Bedarf Bauhof B', version: 1, status: 'open' }]);
    expect(
      await ctx.db
        .selectFrom('projects')
        .select(['title', 'version', 'phase'])
        .where('id', '=', ids.projectId!)
        .execute(),
    ).toEqual([{ title: 'Geheimes Projekt B', version: 2, phase: 'idea' }]);
    expect(
      await ctx.db.selectFrom('staffCapacity').select('hoursPerWeek').where('userId', '=', ids.userId!).execute(),
    ).toEqual([{ hoursPerWeek: 7 }]);
    expect(
      await ctx.db.selectFrom('projectEffort').select('hours').where('projectId', '=', ids.projectId!).execute(),
    ).toEqual([{ hours: 12 }]);
    expect(
      await ctx.db.selectFrom('risks').select(['title', 'version']).where('projectId', '=', ids.projectId!).execute(),
    ).toEqual([{ title: 'Geheimes Risiko B', version: 1 }]);
    expect(
      await ctx.db.selectFrom('costLines').select('label').where('projectId', '=', ids.projectId!).execute(),
    ).toEqual([{ label: 'Geheime Kostenzeile B' }]);
    for (const t of ['milestones', 'tasks', 'projectLinks', 'projectFiles', 'projectComments'] as const)
      expect(await ctx.db.selectFrom(t).select('id').where('projectId', '=', ids.projectId!).execute(), t).toHaveLength(
        1,
      );
    expect(
      await ctx.db.selectFrom('ideas').select(['title', 'version', 'status']).where('id', '=', ids.ideaId!).execute(),
    ).toEqual([{ title: 'Geheime Idee der Belegschaft B', version: 1, status: 'new' }]);
    expect(
      await ctx.db.selectFrom('ideaSupports').select('userId').where('ideaId', '=', ids.ideaId!).execute(),
    ).toEqual([]);
    expect(
      await ctx.db.selectFrom('workshopItems').select('id').where('workshopId', '=', ids.workshopId!).execute(),
    ).toHaveLength(1);
    expect(
      await ctx.db.selectFrom('workshopIdeas').select('text').where('workshopId', '=', ids.workshopId!).execute(),
    ).toEqual([{ text: 'Geheime Idee B' }]);
    expect(
      await ctx.db
        .selectFrom('workshopActions')
        .select(['what', 'version'])
        .where('workshopId', '=', ids.workshopId!)
        .execute(),
    ).toEqual([{ what: 'Geheime Aufgabe B', version: 1 }]);
    const mods = await ctx.db
      .selectFrom('networkModerators')
      .select('userId')
      .where('networkId', '=', ids.networkId!)
      .execute();
    expect(mods).toHaveLength(1);
    const muni = await ctx.db
      .selectFrom('municipalities')
      .select('name')
      .where('id', '=', ids.municipalityId!)
      .executeTakeFirstOrThrow();
    expect(muni.name).toBe('Gemeinde B');
    const aAudit = await ctx.db
      .selectFrom('auditLog')
      .select('id')
      .where('municipalityId', '=', ids.B_MUNICIPALITY!)
      .where('actorId', 'in', [
        (await ctx.db.selectFrom('users').select('id').where('email', '=', aEmail).executeTakeFirstOrThrow()).id,
      ])
      .execute();
    expect(aAudit).toEqual([]);
    const pub = await ctx.db
      .selectFrom('publications')
      .select(['version', 'title', 'status'])
      .where('id', '=', ids.publicationId!)
      .executeTakeFirstOrThrow();
    expect(pub).toEqual({ version: 1, title: 'Geheimes Projekt B', status: 'published' });
    expect(await ctx.db.selectFrom('lighthouseMarks').selectAll().execute()).toEqual([]);
    expect(await ctx.db.selectFrom('exchangePosts').selectAll().execute()).toEqual([]);
    expect(await ctx.db.selectFrom('reuses').selectAll().execute()).toEqual([]);
    const req = await ctx.db
      .selectFrom('contactRequests')
      .select('status')
      .where('id', '=', ids.requestId!)
      .executeTakeFirstOrThrow();
    expect(req.status).toBe('open');
    const joint = await ctx.db
      .selectFrom('jointProjects')
      .select(['version', 'title'])
      .where('id', '=', ids.jointId!)
      .executeTakeFirstOrThrow();
    expect(joint).toEqual({ version: 1, title: 'Geheimes Gemeinschaftsprojekt B' });
    const entries = await ctx.db
      .selectFrom('jointEntries')
      .select('id')
      .where('jointProjectId', '=', ids.jointId!)
      .execute();
    expect(entries).toHaveLength(1);
  });

  it('shows a published entry only as published: search, facets, detail, matching and exports', async () => {
    const b = await login(ctx.app, 'geheim-b@example.org');
    const open = (
      await b.post('/api/v1/projects', { title: 'Offene Bürgerdienste B', description: 'Geheime Projektnotiz B2' })
    ).json().id as string;
    await b.post(`/api/v1/projects/${open}/comments`, { body: 'Geheimer Kommentar B2' });
    await b.post(`/api/v1/projects/${open}/tasks`, { title: 'Öffentliche Aufgabe', assigneeId: ids.userId });
    const pub = (
      await b.put(`/api/v1/projects/${open}/publication`, {
        version: 0,
        visibility: 'all',
        title: 'Offene Bürgerdienste B',
        problem: 'Bürgerdienste sind nur vor Ort erreichbar.',
        stage: 'running',
        contactRole: 'Hauptamt',
      })
    ).json().publicationId as string;
    const secret = [...markers, 'Geheime Projektnotiz B2', 'Geheimer Kommentar B2'];
    const responses = [
      await a.get('/api/v1/exchange?q=Bürgerdienst'),
      await a.get('/api/v1/exchange?q=Geheim'),
      await a.get('/api/v1/exchange?mode=similar'),
      await a.get(`/api/v1/exchange/${pub}`),
    ];
    const own = (await a.post('/api/v1/needs', { title: 'Bürgerdienste online anbieten', source: 'citizen' })).json();
    responses.push(await a.get(`/api/v1/needs/${own.id}/partners`));
    const search = responses[0]!.json();
    expect(search.items.map((x: { id: string }) => x.id)).toEqual([pub]);
    expect(search.facets.stage).toEqual([{ value: 'running', label: 'running', count: 1 }]);
    // B's network-only entry is not even counted for A
    expect(responses[1]!.json().total).toBe(0);
    const partner = responses[4]!
      .json()
      .items.find((x: { municipality: { name: string } }) => x.municipality.name === 'Gemeinde B');
    expect(partner.matches).toEqual([{ kind: 'project', id: pub, title: 'Offene Bürgerdienste B' }]);
    for (const r of responses) {
      expect(r.statusCode).toBeLessThan(400);
      for (const m of secret) expect(r.body, m).not.toContain(m);
    }
    expect(responses[3]!.json().template.tasks).toEqual([{ title: 'Öffentliche Aufgabe', offsetDays: null }]);
    // A adopting the entry gets a template, never B's people
    const adopted = (
      await a.post(`/api/v1/exchange/${pub}/adoption`, { title: 'Von B übernommen', startsOn: '2027-01-01' })
    ).json().id;
    const copy = await a.get(`/api/v1/projects/${adopted}`);
    for (const m of secret) expect(copy.body, m).not.toContain(m);
    const csv = await a.get('/api/v1/projects/export?format=csv');
    for (const m of secret) expect(csv.body, m).not.toContain(m);
  });

  it('denies every non-public route without a session (401)', async () => {
    const failures: string[] = [];
    for (const r of ctx.app.routeList) {
      const key = `${r.method} ${r.url}`;
      const spec = ROUTES[key];
      if (!spec || r.access === 'public') continue;
      const res = await ctx.app.inject({
        method: r.method as 'GET',
        url: fill(r.url),
        payload: fillBody(('body' in spec ? spec.body : undefined) ?? WRITE_BODIES[key]),
      });
      if (res.statusCode !== 401) failures.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});
