import { painPointTemplate } from '@dz/core';
import { chainXml } from './bpmn-chain.js';

/**
 * The write routes of the read-only roles suite (read-only-roles.test.ts), classified: a write route missing here
 * fails the suite, so new routes must be classified.
 */
export type Role = 'council' | 'staff' | 'mayor';
export const ROLES: readonly Role[] = ['council', 'staff', 'mayor'];
export type Body = Record<string, unknown>;
export type Spec =
  // reachable without a session: guarded by a secret, or a workshop participant token
  | { kind: 'public'; reason: string }
  // acts on the caller's own session or account only
  | { kind: 'self'; reason: string }
  // computes an answer without storing anything: every role gets it, nothing changes
  | { kind: 'compute'; reason: string; body?: Body }
  // a write: every tested role not in `allow` gets 403/404 (`allow` with the rule of the matrix that grants it)
  | {
      kind: 'write';
      body?: Body;
      file?: boolean;
      params?: Record<string, string>;
      allow?: readonly Role[];
      reason?: string;
    };

const PARTICIPANT = { kind: 'public', reason: 'workshop participant token (see live.service.ts)' } as const;

export const WRITES: Record<string, Spec> = {
  'POST /api/v1/auth/login': { kind: 'public', reason: 'sign-in' },
  'POST /api/v1/auth/password-reset': { kind: 'public', reason: 'mails only the account owner' },
  'POST /api/v1/auth/password-reset/confirm': { kind: 'public', reason: 'needs the secret token' },
  'POST /api/v1/auth/setup': { kind: 'public', reason: 'needs the one-time setup token' },
  'POST /api/v1/auth/invitations/accept': { kind: 'public', reason: 'needs the secret invitation token' },
  'POST /api/v1/auth/invitations/accept-signed-in': {
    kind: 'self',
    reason: 'the own account joins, with the secret invitation token sent to its email',
  },
  'POST /api/v1/auth/logout': { kind: 'self', reason: 'ends the own session' },
  'POST /api/v1/auth/logout-everywhere': { kind: 'self', reason: 'ends the own sessions' },
  'POST /api/v1/auth/switch': { kind: 'self', reason: 'switches between the own memberships' },
  'PATCH /api/v1/auth/profile': { kind: 'self', reason: 'own name and language' },
  'POST /api/v1/notifications/read': { kind: 'self', reason: 'marks the own notifications as read' },
  'PUT /api/v1/notifications/preferences': { kind: 'self', reason: 'the own mail channel per event' },
  'PUT /api/v1/first-steps/dismissal': {
    kind: 'self',
    reason: 'hides or shows the first-steps checklist on the own membership only',
  },
  'PATCH /api/v1/municipalities/:municipalityId': {
    kind: 'write',
  },
  'POST /api/v1/departments': { kind: 'write' },
  'POST /api/v1/departments/defaults': { kind: 'write' },
  'PATCH /api/v1/departments/:departmentId': { kind: 'write' },
  'DELETE /api/v1/departments/:departmentId': { kind: 'write' },
  'PATCH /api/v1/members/:userId': { kind: 'write', body: { version: 1, role: 'coordinator' } },
  'DELETE /api/v1/members/:userId': { kind: 'write' },
  'POST /api/v1/invitations': { kind: 'write', body: { email: 'neu@example.org', role: 'coordinator' } },
  'DELETE /api/v1/invitations/:invitationId': { kind: 'write' },
  'POST /api/v1/municipalities/:municipalityId/invitations': {
    kind: 'write',
  },
  'POST /api/v1/networks': { kind: 'write', body: { name: 'Eigener Zirkel', type: 'circle' } },
  'POST /api/v1/network-memberships/:networkId/accept': { kind: 'write' },
  'POST /api/v1/network-memberships/:networkId/decline': { kind: 'write' },
  'PATCH /api/v1/network-memberships/:networkId': { kind: 'write' },
  'PATCH /api/v1/networks/:networkId': {
    kind: 'write',
  },
  'POST /api/v1/networks/:networkId/members': {
    kind: 'write',
    body: { municipalityId: 'OTHER_MUNICIPALITY', joinedOn: '2025-01-01' },
  },
  'POST /api/v1/networks/:networkId/members/:municipalityId/leave': { kind: 'write' },
  'POST /api/v1/networks/:networkId/moderators': { kind: 'write', body: { email: 'COLLEAGUE_EMAIL' } },
  'DELETE /api/v1/networks/:networkId/moderators/:userId': { kind: 'write', params: { userId: 'OWNER' } },
  'POST /api/v1/surveys': { kind: 'write', body: { networkId: null, title: 'Intern', mode: 'person' } },
  'PATCH /api/v1/surveys/:surveyId': {
    kind: 'write',
    body: {
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
    },
  },
  'DELETE /api/v1/surveys/:surveyId': { kind: 'write' },
  'POST /api/v1/surveys/:surveyId/duplicate': { kind: 'write' },
  'POST /api/v1/surveys/:surveyId/open': { kind: 'write' },
  'POST /api/v1/surveys/:surveyId/close': { kind: 'write' },
  'POST /api/v1/surveys/:surveyId/remind': { kind: 'write' },
  'POST /api/v1/surveys/:surveyId/workshop': { kind: 'write' },
  'PUT /api/v1/surveys/:surveyId/response': {
    kind: 'write',
    body: { version: 1, answers: { groesster: 'Gekapert' } },
    allow: ['staff', 'mayor'],
    reason: 'draft_responses',
  },
  'POST /api/v1/surveys/:surveyId/response/submit': {
    kind: 'write',
    body: { version: 1, answers: { groesster: 'Gekapert' } },
  },
  'POST /api/v1/surveys/:surveyId/response/reopen': { kind: 'write' },
  'POST /api/v1/workshops': {
    kind: 'write',
  },
  'PATCH /api/v1/workshops/:workshopId': {
    kind: 'write',
  },
  'POST /api/v1/workshops/:workshopId/items': { kind: 'write' },
  'PATCH /api/v1/workshops/:workshopId/items/:itemId': {
    kind: 'write',
  },
  'POST /api/v1/workshops/:workshopId/items/:itemId/move': { kind: 'write' },
  'DELETE /api/v1/workshops/:workshopId/items/:itemId': { kind: 'write' },
  'POST /api/v1/workshops/:workshopId/live': { kind: 'write' },
  'POST /api/v1/workshops/:workshopId/ideas': { kind: 'write' },
  'DELETE /api/v1/workshops/:workshopId/ideas/:workshopIdeaId': { kind: 'write' },
  'POST /api/v1/workshops/:workshopId/actions': { kind: 'write' },
  'PATCH /api/v1/workshops/:workshopId/actions/:actionId': {
    kind: 'write',
  },
  'DELETE /api/v1/workshops/:workshopId/actions/:actionId': { kind: 'write' },
  'POST /api/v1/live/join': PARTICIPANT,
  'POST /api/v1/live/ideas': PARTICIPANT,
  'POST /api/v1/live/votes': PARTICIPANT,
  'DELETE /api/v1/live/votes/:workshopIdeaId': PARTICIPANT,
  'POST /api/v1/needs': {
    kind: 'write',
    body: { title: 'Eigener Bedarf', source: 'citizen' },
    allow: ['staff', 'mayor'],
    reason: 'create_needs',
  },
  'PATCH /api/v1/needs/:needId': {
    kind: 'write',
  },
  'POST /api/v1/needs/:needId/merge': { kind: 'write', body: { version: 1, intoId: 'OTHER_NEED' } },
  'POST /api/v1/ideas': {
    kind: 'write',
    body: { title: 'Eigene Idee' },
    allow: ['staff', 'mayor'],
    reason: 'submit_ideas (idea box)',
  },
  'POST /api/v1/ideas/:ideaId/support': { kind: 'write', allow: ['staff', 'mayor'], reason: 'submit_ideas' },
  'DELETE /api/v1/ideas/:ideaId/support': { kind: 'write', allow: ['staff', 'mayor'], reason: 'submit_ideas' },
  'POST /api/v1/ideas/:ideaId/status': { kind: 'write' },
  'POST /api/v1/ideas/:ideaId/need': { kind: 'write' },
  'PUT /api/v1/target-picture': { kind: 'write', body: { version: 1, vision: 'Gekapert', fields: [] } },
  'POST /api/v1/target-picture/indicators/:indicatorId/values': {
    kind: 'write',
    body: { measuredOn: '2026-02-01', value: 1 },
  },
  'DELETE /api/v1/target-picture/values/:valueId': { kind: 'write' },
  'POST /api/v1/projects': {
    kind: 'write',
    allow: ['mayor'],
    reason: 'create_projects',
  },
  'PATCH /api/v1/projects/:projectId': { kind: 'write', body: { version: 2, title: 'Gekapert', phase: 'done' } },
  'DELETE /api/v1/projects/:projectId': { kind: 'write' },
  'POST /api/v1/projects/:projectId/move': { kind: 'write', body: { version: 2, phase: 'done', position: 0 } },
  'POST /api/v1/projects/:projectId/milestones': { kind: 'write' },
  'PATCH /api/v1/projects/:projectId/milestones/:milestoneId': {
    kind: 'write',
  },
  'DELETE /api/v1/projects/:projectId/milestones/:milestoneId': { kind: 'write' },
  'POST /api/v1/projects/:projectId/tasks': { kind: 'write' },
  'PATCH /api/v1/projects/:projectId/tasks/:taskId': { kind: 'write' },
  'DELETE /api/v1/projects/:projectId/tasks/:taskId': { kind: 'write' },
  'POST /api/v1/projects/:projectId/reports': {
    kind: 'write',
  },
  'POST /api/v1/projects/:projectId/links': { kind: 'write' },
  'DELETE /api/v1/projects/:projectId/links/:linkId': { kind: 'write' },
  'POST /api/v1/projects/:projectId/files': { kind: 'write', file: true },
  'DELETE /api/v1/projects/:projectId/files/:fileId': { kind: 'write' },
  'POST /api/v1/projects/:projectId/comments': {
    kind: 'write',
    body: { body: 'Kommentar aus dem Rat' },
    allow: ['staff', 'mayor'],
    reason: 'contribute',
  },
  'PUT /api/v1/priorities/criteria': {
    kind: 'write',
  },
  'PUT /api/v1/projects/:projectId/scores': { kind: 'write', body: { version: 2, scores: { effort: 5 } } },
  'PUT /api/v1/projects/:projectId/effort': {
    kind: 'write',
    body: { version: 2, rows: [{ userId: 'userId', month: '2027-01', hours: 500 }] },
  },
  'PUT /api/v1/capacity/:userId': { kind: 'write', body: { version: 1, hoursPerWeek: 40 } },
  'PUT /api/v1/finance/settings': {
    kind: 'write',
  },
  'PUT /api/v1/finance/council': { kind: 'write' },
  'PUT /api/v1/projects/:projectId/finance': { kind: 'write' },
  'POST /api/v1/projects/:projectId/risks': {
    kind: 'write',
  },
  'PATCH /api/v1/projects/:projectId/risks/:riskId': {
    kind: 'write',
  },
  'DELETE /api/v1/projects/:projectId/risks/:riskId': { kind: 'write' },
  'POST /api/v1/projects/:projectId/simulation': { kind: 'compute', reason: 'Monte Carlo run' },
  'POST /api/v1/projects/:projectId/decision-papers': {
    kind: 'write',
  },
  'POST /api/v1/guides': { kind: 'write' },
  'PUT /api/v1/guides/:guideId': { kind: 'write' },
  'DELETE /api/v1/guides/:guideId': { kind: 'write' },
  'POST /api/v1/guides/:guideId/files': { kind: 'write', file: true },
  'DELETE /api/v1/guides/:guideId/files/:guideFileId': { kind: 'write' },
  'PUT /api/v1/guides/:guideId/ticks/:itemKey': { kind: 'write', allow: ['staff', 'mayor'], reason: 'contribute' },
  'PUT /api/v1/maturity/model': { kind: 'write' },
  'POST /api/v1/maturity/assessments': { kind: 'write' },
  // colleagues answer criteria with the coordination (maturity.assess: contribute)
  'PUT /api/v1/maturity/assessments/:assessmentId/answers/:criterionKey': {
    kind: 'write',
    allow: ['staff', 'mayor'],
    reason: 'maturity.assess',
  },
  'POST /api/v1/maturity/assessments/:assessmentId/prefill': {
    kind: 'write',
    allow: ['staff', 'mayor'],
    reason: 'maturity.assess',
  },
  'POST /api/v1/maturity/assessments/:assessmentId/complete': { kind: 'write' },
  'DELETE /api/v1/maturity/assessments/:assessmentId': { kind: 'write' },
  'PUT /api/v1/maturity/settings': { kind: 'write' },
  'PUT /api/v1/maturity/key-figures/:figureId/values/:year': { kind: 'write' },
  'POST /api/v1/maturity/key-figures/compute': { kind: 'write' },
  'POST /api/v1/maturity/networks/:networkId/criteria': { kind: 'write' },
  'DELETE /api/v1/maturity/networks/:networkId/criteria/:criterionId': { kind: 'write' },
  'POST /api/v1/maturity/networks/:networkId/key-figures': { kind: 'write' },
  'PUT /api/v1/maturity/networks/:networkId/key-figures/:figureId': { kind: 'write' },
  'DELETE /api/v1/maturity/networks/:networkId/key-figures/:figureId': { kind: 'write' },
  'PUT /api/v1/maturity/networks/:networkId/ring': { kind: 'write' },
  'POST /api/v1/processes/services': { kind: 'write' },
  'PUT /api/v1/processes/services/:serviceId': { kind: 'write' },
  'DELETE /api/v1/processes/services/:serviceId': { kind: 'write' },
  'POST /api/v1/processes/services/starter': { kind: 'write' },
  'POST /api/v1/processes/services/import': { kind: 'write', file: true },
  // everyone who works in the administration models processes (processes.model: contribute)
  'POST /api/v1/processes/models': { kind: 'write', allow: ['staff', 'mayor'], reason: 'processes.model' },
  'POST /api/v1/processes/services/:serviceId/models/import': {
    kind: 'write',
    file: true,
    allow: ['staff', 'mayor'],
    reason: 'processes.model',
  },
  'PUT /api/v1/processes/models/:modelId': { kind: 'write', allow: ['staff', 'mayor'], reason: 'processes.model' },
  'DELETE /api/v1/processes/models/:modelId': { kind: 'write', allow: ['staff', 'mayor'], reason: 'processes.model' },
  // checks XML without storing it, but only for those who model (reading a large file costs time)
  'POST /api/v1/processes/models/:modelId/check': {
    kind: 'write',
    allow: ['staff', 'mayor'],
    reason: 'processes.model',
    body: { xml: chainXml('Prüfung', [{ name: 'Prüfen', minutes: 3 }]) },
  },
  // a project from a to-be model: those who create projects (create_projects)
  'POST /api/v1/processes/models/:modelId/project': {
    kind: 'write',
    allow: ['mayor'],
    reason: 'processes.createProject',
  },
  'POST /api/v1/communication': { kind: 'write' },
  'PUT /api/v1/communication/:communicationId': { kind: 'write' },
  'DELETE /api/v1/communication/:communicationId': { kind: 'write' },
  'POST /api/v1/communication/templates/apply': { kind: 'write' },
  'PUT /api/v1/pulse/settings': {
    kind: 'write',
    body: { version: 0, enabled: true, quarterStartMonth: 1, remindAfterDays: 7 },
  },
  'POST /api/v1/pulse/rounds': { kind: 'write', body: { intro: '' } },
  'PUT /api/v1/projects/:projectId/staff-council': { kind: 'write' },
  'POST /api/v1/competences/framework': { kind: 'write' },
  'PUT /api/v1/competences/framework': { kind: 'write' },
  'PUT /api/v1/competences/me': {
    kind: 'write',
    allow: ['staff', 'mayor'],
    reason: 'everyone who works in the administration assesses themselves (contribute); the council only reads',
  },
  'POST /api/v1/competences/trainings': { kind: 'write' },
  'POST /api/v1/competences/trainings/starter': { kind: 'write' },
  'PUT /api/v1/competences/trainings/:trainingId': { kind: 'write' },
  'DELETE /api/v1/competences/trainings/:trainingId': { kind: 'write' },
  'POST /api/v1/competences/plan': { kind: 'write' },
  'PUT /api/v1/competences/plan/:assignmentId': { kind: 'write' },
  'DELETE /api/v1/competences/plan/:assignmentId': { kind: 'write' },
  'POST /api/v1/calendar-feed': { kind: 'write' },
  'DELETE /api/v1/calendar-feed': { kind: 'write' },
  'PUT /api/v1/exchange/:publicationId/lighthouse/:networkId': { kind: 'write' },
  'DELETE /api/v1/exchange/:publicationId/lighthouse/:networkId': { kind: 'write' },
  'POST /api/v1/exchange/:publicationId/posts': {
    kind: 'write',
    body: { body: 'Frage aus dem Rat' },
    allow: ['staff', 'mayor'],
    reason: 'contribute',
  },
  'POST /api/v1/exchange/:publicationId/adoption': {
    kind: 'write',
    body: { title: 'Übernommen', startsOn: '2027-01-01' },
    allow: ['mayor'],
    reason: 'create_projects',
  },
  'POST /api/v1/projects/:projectId/publication/preview': {
    kind: 'compute',
    reason: 'renders the entry as it would look, from data the role reads anyway',
    body: { version: 1, visibility: 'all', title: 'Vorschau', stage: 'running', contactRole: 'Hauptamt' },
  },
  'PUT /api/v1/projects/:projectId/publication': {
    kind: 'write',
  },
  'POST /api/v1/projects/:projectId/publication/withdraw': { kind: 'write' },
  'PUT /api/v1/needs/:needId/partner-search': { kind: 'write' },
  'POST /api/v1/contact-requests': {
    kind: 'write',
    body: { toMunicipalityId: 'OTHER_MUNICIPALITY', message: 'Eine Anfrage aus dem Rat' },
  },
  'POST /api/v1/contact-requests/:requestId/answer': { kind: 'write' },
  'POST /api/v1/joint-projects': {
    kind: 'write',
    body: {
      title: 'Eigenes Gemeinschaftsprojekt',
      costKey: 'equal',
      partners: [{ municipalityId: 'municipalityId' }, { municipalityId: 'OTHER_MUNICIPALITY' }],
    },
  },
  'PUT /api/v1/joint-projects/:jointId': {
    kind: 'write',
    body: {
      version: 1,
      title: 'Gekapert',
      costKey: 'equal',
      partners: [
        { municipalityId: '00000000-0000-4000-8000-00000000000a' },
        { municipalityId: '00000000-0000-4000-8000-00000000000b' },
      ],
    },
  },
  'POST /api/v1/joint-projects/:jointId/answer': { kind: 'write', body: { accept: false } },
  'POST /api/v1/joint-projects/:jointId/shares/propose': { kind: 'write' },
  'POST /api/v1/joint-projects/:jointId/shares/accept': { kind: 'write' },
  'POST /api/v1/joint-projects/:jointId/entries': {
    kind: 'write',
    allow: ['staff', 'mayor'],
    reason: 'contribute',
  },
  'POST /api/v1/joint-projects/:jointId/documents': {
    kind: 'write',
    file: true,
    allow: ['staff', 'mayor'],
    reason: 'contribute',
  },
  'DELETE /api/v1/joint-projects/:jointId/entries/:entryId': {
    kind: 'write',
    allow: ['staff', 'mayor'],
    reason: 'contribute',
  },
  'POST /api/v1/shared-services/studies': {
    kind: 'write',
    body: { title: 'Studie aus dem Rat', serviceKey: 'bauhof', partnerIds: ['OTHER_MUNICIPALITY'] },
  },
  'PUT /api/v1/shared-services/studies/:studyId': { kind: 'write' },
  'PUT /api/v1/shared-services/studies/:studyId/status-quo': {
    kind: 'write',
    body: { version: 1, serviceLevel: 'Aus dem Rat' },
    allow: ['staff', 'mayor'],
    reason: 'contribute',
  },
  'POST /api/v1/shared-services/studies/:studyId/answer': { kind: 'write', body: { accept: false } },
  'POST /api/v1/shared-services/studies/:studyId/council-paper': {
    kind: 'write',
    allow: ['mayor'],
    reason: 'create_projects: the mayor prepares the council decision',
  },
  'POST /api/v1/shared-services/catalogue': { kind: 'write' },
  'POST /api/v1/news': { kind: 'write', body: { title: 'Nachricht aus dem Rat', body: 'Text' } },
  'PUT /api/v1/news/digest': { kind: 'self', reason: 'the own weekly digest only' },
  'POST /api/v1/news/feeds': { kind: 'write', body: { label: 'Intranet aus dem Rat' } },
  'DELETE /api/v1/news/feeds/:feedId': { kind: 'write' },
  'PUT /api/v1/news/:postId': { kind: 'write', body: { version: 2, title: 'Aus dem Rat', body: 'x' } },
  'POST /api/v1/news/:postId/publish': { kind: 'write', body: { version: 2 } },
  'POST /api/v1/news/:postId/discard': { kind: 'write', body: { version: 2 } },
  'PUT /api/v1/news/:postId/helpful': {
    kind: 'write',
    body: { helpful: true },
    allow: ['staff', 'mayor', 'council'],
    reason: 'everyone who reads a post may find it helpful',
  },
  'POST /api/v1/news/:postId/image': { kind: 'write', file: true },
  'POST /api/v1/news/:postId/comments': {
    kind: 'write',
    body: { body: 'Kommentar' },
    allow: ['staff', 'mayor', 'council'],
    reason: 'everyone of the municipality comments (moderated)',
  },
  'PUT /api/v1/news/:postId/comments/:commentId': { kind: 'write', body: { status: 'rejected' } },
  'POST /api/v1/shared-services/network-studies': {
    kind: 'write',
    body: {
      networkId: 'networkId',
      leadId: 'municipalityId',
      title: 'Verbundstudie aus dem Rat',
      serviceKey: 'bauhof',
      partnerIds: ['OTHER_MUNICIPALITY'],
    },
  },
  'PUT /api/v1/shared-services/catalogue/:typeId': { kind: 'write' },
  'DELETE /api/v1/shared-services/catalogue/:typeId': { kind: 'write' },
  'POST /api/v1/shared-services/studies/:studyId/advance': { kind: 'write', body: { version: 3, status: 'agreed' } },
  'POST /api/v1/shared-services/studies/:studyId/team': { kind: 'write', body: { userId: 'OWNER', payGroup: 'EG 8' } },
  'DELETE /api/v1/shared-services/studies/:studyId/team/:userId': { kind: 'write' },
  'POST /api/v1/shared-services/studies/:studyId/orders': {
    kind: 'write',
    body: { type: 'Winterdienst', title: 'Auftrag aus dem Rat' },
    allow: ['staff', 'mayor'],
    reason: 'contribute: everyone who works in the administration files work orders',
  },
  'PUT /api/v1/shared-services/studies/:studyId/orders/:orderId': { kind: 'write' },
  'POST /api/v1/shared-services/studies/:studyId/orders/:orderId/entries': { kind: 'write' },
  'DELETE /api/v1/shared-services/studies/:studyId/orders/:orderId/entries/:workEntryId': { kind: 'write' },
  'POST /api/v1/shared-services/studies/:studyId/orders/:orderId/attachments': {
    kind: 'write',
    file: true,
    allow: ['staff', 'mayor'],
    reason: 'contribute: whoever may file an order of the municipality may add a photo to it',
  },
  'POST /api/v1/shared-services/studies/:studyId/statements/close': {
    kind: 'write',
    body: { month: '2026-01' },
  },
  'POST /api/v1/imports': { kind: 'write', file: true },
  'POST /api/v1/audit/mail-failures/:mailId/retry': { kind: 'write' },
  'POST /api/v1/privacy/people/:userId/erase': { kind: 'write' },
  'PUT /api/v1/privacy/retention': { kind: 'write' },
  'PUT /api/v1/legal/:page': { kind: 'write' },
};
