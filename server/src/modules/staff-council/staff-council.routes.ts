import { idParam, staffCouncilCheck, staffCouncilSave } from '@dz/core';
import { modulePlugin } from '../../lib/route.js';
import { tenantScopeOf } from '../../plugins/session.js';
import * as svc from './staff-council.service.js';

const tags = ['Personalrat'];
const params = idParam('projectId');

export const staffCouncilRoutes = modulePlugin({ prefix: '/api/v1', access: 'tenant' }, (r, deps) => {
  r.get(
    '/projects/:projectId/staff-council',
    { schema: { tags, params, response: { 200: staffCouncilCheck } } },
    async (req) => svc.getCheck(deps, tenantScopeOf(req), req.params.projectId),
  );
  r.put(
    '/projects/:projectId/staff-council',
    { schema: { tags, params, body: staffCouncilSave, response: { 200: staffCouncilCheck } } },
    async (req) => svc.saveCheck(deps, tenantScopeOf(req), req.params.projectId, req.body),
  );
});
