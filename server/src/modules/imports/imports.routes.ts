import { idParam, importJob, importList } from '@dz/core';
import { modulePlugin } from '../../lib/route.js';
import { readUpload, uploadSchema } from '../../lib/upload.js';
import { scopeOf } from '../../plugins/session.js';
import * as svc from './imports.service.js';

const tags = ['Import'];

export const importsRoutes = modulePlugin({ prefix: '/api/v1/imports', access: 'platform' }, (r, deps) => {
  r.get('', { schema: { tags, response: { 200: importList } } }, async (req) => svc.listImports(deps, scopeOf(req)));
  r.get(
    '/:importId',
    {
      schema: { tags, params: idParam('importId'), response: { 200: importJob } },
    },
    async (req) => svc.getImport(deps, scopeOf(req), req.params.importId),
  );
  r.post(
    '',
    {
      schema: {
        tags,
        ...uploadSchema('Upload a GV100AD text file or an "Auszug GV" XLSX workbook (field "file").'),
        response: { 202: importJob },
      },
    },
    async (req, reply) => {
      const file = await readUpload(req);
      return reply.code(202).send(await svc.startImport(deps, scopeOf(req), file.fileName, file.content));
    },
  );
});
