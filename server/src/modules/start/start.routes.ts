import { firstStepsDismissal, firstStepsView, platformStart } from '@dz/core';
import { type ModulePlugin, typed } from '../../lib/route.js';
import { scopeOf, tenantScopeOf } from '../../plugins/session.js';
import * as svc from './start.service.js';

const tags = ['Start'];

/** Start pages: a new municipality's first steps, the platform administration's next steps. */
export const startRoutes: ModulePlugin = (app, deps) => {
  const r = typed(app);
  r.get(
    '/api/v1/first-steps',
    { schema: { tags, response: { 200: firstStepsView } }, config: { access: 'tenant' } },
    async (req) => svc.getFirstSteps(deps, tenantScopeOf(req)),
  );
  r.put(
    '/api/v1/first-steps/dismissal',
    { schema: { tags, body: firstStepsDismissal, response: { 200: firstStepsView } }, config: { access: 'tenant' } },
    async (req) => svc.setFirstStepsDismissal(deps, tenantScopeOf(req), req.body),
  );
  r.get(
    '/api/v1/platform/start',
    { schema: { tags, response: { 200: platformStart } }, config: { access: 'platform' } },
    async (req) => svc.getPlatformStart(deps, scopeOf(req)),
  );
};
