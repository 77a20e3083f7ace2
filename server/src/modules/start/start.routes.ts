import { firstStepsDismissal, firstStepsView, platformStart } from '@dz/core';
import { modulePlugin } from '../../lib/route.js';
import { scopeOf, tenantScopeOf } from '../../plugins/session.js';
import * as svc from './start.service.js';

const tags = ['Start'];

/** Start pages: a new municipality's first steps, the platform administration's next steps. */
export const startRoutes = modulePlugin({ prefix: '/api/v1', access: 'tenant' }, (r, deps) => {
  r.get('/first-steps', { schema: { tags, response: { 200: firstStepsView } } }, async (req) =>
    svc.getFirstSteps(deps, tenantScopeOf(req)),
  );
  r.put(
    '/first-steps/dismissal',
    { schema: { tags, body: firstStepsDismissal, response: { 200: firstStepsView } } },
    async (req) => svc.setFirstStepsDismissal(deps, tenantScopeOf(req), req.body),
  );
  r.get(
    '/platform/start',
    { schema: { tags, response: { 200: platformStart } }, config: { access: 'platform' } },
    async (req) => svc.getPlatformStart(deps, scopeOf(req)),
  );
});
