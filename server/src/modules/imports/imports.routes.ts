import { AppError, idParam, importJob, importList } from '@dz/core';
import { type ModulePlugin, typed } from '../../lib/route.js';
import { readUpload } from '../../lib/upload.js';
import { scopeOf } from '../../plugins/session.js';
import * as svc from './imports.service.js';

const tags = ['Import'];

export const importsRoutes: ModulePlugin = (app, deps) => {
  const r = typed(app);
  r.get(
    '/api/v1/imports',
    { schema: { tags, response: { 200: importList } }, config: { access: 'platform' } },
    async (req) => svc.listImports(deps, scopeOf(req)),
  );
  r.get(
    '/api/v1/imports/:importId',
    {
      schema: { tags, params: idParam('importId'), response: { 200: importJob } },
      config: { access: 'platform' },
    },
    async (req) => svc.getImport(deps, scopeOf(req), req.params.importId as string),
  );
  r.post(
    '/api/v1/imports',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        description: 'Upload a GV100AD text file or an "Auszug GV" XLSX workbook (field "file").',
        response: { 202: importJob },
      },
      config: { access: 'platform' },
    },
    async (req, reply) => {
      const file = await readUpload(req);
      const buf = file.content;
      if (buf.length === 0)
        throw new AppError('validation_failed', 'Die Datei ist leer.', [
          { path: 'body.file', code: 'empty', message: 'Die Datei ist leer.' },
        ]);
      return reply.code(202).send(await svc.startImport(deps, scopeOf(req), file.fileName, buf));
    },
  );
};
