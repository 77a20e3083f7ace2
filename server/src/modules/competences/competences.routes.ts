import {
  assignmentCreate,
  assignmentItem,
  assignmentUpdate,
  competenceCreate,
  competenceFramework,
  competenceOverview,
  competenceUpdate,
  idParam,
  myCompetences,
  myCompetencesUpdate,
  okResponse,
  sharedAssessments,
  trainingCreate,
  trainingItem,
  trainingList,
  trainingPlan,
  trainingsAdded,
  trainingUpdate,
} from '@dz/core';
import { modulePlugin } from '../../lib/route.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as assessment from './assessment.service.js';
import * as framework from './framework.service.js';
import * as overview from './overview.service.js';
import * as plan from './plan.service.js';
import * as trainings from './trainings.service.js';

const tags = ['Kompetenzen'];
const trainingParams = idParam('trainingId');
const assignmentParams = idParam('assignmentId');

export const competencesRoutes = modulePlugin({ prefix: '/api/v1/competences', access: 'tenant' }, (r, deps) => {
  r.get('/framework', { schema: { tags, response: { 200: competenceFramework } } }, async (req) =>
    framework.getFramework(deps, tenantScopeOf(req)),
  );
  r.post(
    '/framework',
    { schema: { tags, body: competenceCreate, response: { 201: competenceFramework } } },
    async (req, reply) => reply.code(201).send(await framework.createCompetence(deps, tenantScopeOf(req), req.body)),
  );
  r.put(
    '/framework',
    { schema: { tags, body: competenceUpdate, response: { 200: competenceFramework } } },
    async (req) => framework.updateCompetence(deps, tenantScopeOf(req), req.body),
  );
  r.get('/me', { schema: { tags, response: { 200: myCompetences } } }, async (req) =>
    assessment.getMine(deps, tenantScopeOf(req)),
  );
  r.put('/me', { schema: { tags, body: myCompetencesUpdate, response: { 200: myCompetences } } }, async (req) =>
    assessment.updateMine(deps, tenantScopeOf(req), req.body),
  );
  r.get('/shared', { schema: { tags, response: { 200: sharedAssessments } } }, async (req) =>
    assessment.listShared(deps, tenantScopeOf(req)),
  );
  r.get('/overview', { schema: { tags, response: { 200: competenceOverview } } }, async (req) =>
    overview.getOverview(deps, tenantScopeOf(req)),
  );
  r.get('/trainings', { schema: { tags, response: { 200: trainingList } } }, async (req) =>
    trainings.listTrainings(deps, tenantScopeOf(req)),
  );
  r.post(
    '/trainings',
    { schema: { tags, body: trainingCreate, response: { 201: trainingItem } } },
    async (req, reply) => reply.code(201).send(await trainings.createTraining(deps, tenantScopeOf(req), req.body)),
  );
  r.post('/trainings/starter', { schema: { tags, response: { 201: trainingsAdded } } }, async (req, reply) =>
    reply.code(201).send(await trainings.addStarterTrainings(deps, tenantScopeOf(req))),
  );
  r.put(
    '/trainings/:trainingId',
    { schema: { tags, params: trainingParams, body: trainingUpdate, response: { 200: trainingItem } } },
    async (req) => trainings.updateTraining(deps, tenantScopeOf(req), req.params.trainingId, req.body),
  );
  r.delete(
    '/trainings/:trainingId',
    { schema: { tags, params: trainingParams, response: { 200: okResponse } } },
    async (req) => trainings.deleteTraining(deps, tenantScopeOf(req), req.params.trainingId),
  );
  r.get('/plan', { schema: { tags, response: { 200: trainingPlan } } }, async (req) =>
    plan.listPlan(deps, tenantScopeOf(req)),
  );
  r.post('/plan', { schema: { tags, body: assignmentCreate, response: { 201: assignmentItem } } }, async (req, reply) =>
    reply.code(201).send(await plan.createAssignment(deps, tenantScopeOf(req), req.body)),
  );
  r.put(
    '/plan/:assignmentId',
    { schema: { tags, params: assignmentParams, body: assignmentUpdate, response: { 200: assignmentItem } } },
    async (req) => plan.updateAssignment(deps, tenantScopeOf(req), req.params.assignmentId, req.body),
  );
  r.delete(
    '/plan/:assignmentId',
    { schema: { tags, params: assignmentParams, response: { 200: okResponse } } },
    async (req) => plan.deleteAssignment(deps, tenantScopeOf(req), req.params.assignmentId),
  );
});
