import {
  AppError,
  type commentCreate,
  fieldError,
  type linkCreate,
  type milestoneCreate,
  type milestoneUpdate,
  type statusReportCreate,
  type taskCreate,
  type taskUpdate,
} from '@dz/core';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import { authorize } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { newId } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { appLink, MAILS } from '../../mail/templates.js';
import { draftProjectNews } from '../newsroom/drafts.js';
import { notify } from '../notifications/notify.js';
import { assertMembers, editableProject, loadProject, projectFacts } from './projects.access.js';
import { colleagues, getProject, mentionedNames } from './projects.service.js';

type ItemTable = 'milestones' | 'tasks' | 'projectLinks' | 'projectFiles';

/**
 * Runs a change to a project's parts in one transaction with the bump of the project's updated_at and
 * its audit row (all or nothing).
 */
async function change(
  deps: Deps,
  scope: TenantScope,
  projectId: string,
  action: string,
  after: Record<string, unknown>,
  write: (trx: Transaction<DB>) => Promise<unknown>,
) {
  await deps.db.transaction().execute(async (trx) => {
    await write(trx);
    await trx.updateTable('projects').set({ updatedAt: new Date() }).where('id', '=', projectId).execute();
    await writeAudit(trx, scope, {
      action,
      entity: 'project',
      entityId: projectId,
      municipalityId: scope.municipalityId,
      after,
    });
  });
}

/** A row of a project's part table that belongs to this project, or 404. */
async function loadItem(deps: Deps, table: ItemTable, projectId: string, id: string) {
  const row = await deps.db
    .selectFrom(table)
    .select(['id', 'projectId'])
    .where('id', '=', id)
    .where('projectId', '=', projectId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

export async function addMilestone(
  deps: Deps,
  scope: TenantScope,
  projectId: string,
  input: z.infer<typeof milestoneCreate>,
) {
  await editableProject(deps, scope, projectId);
  await change(deps, scope, projectId, 'milestone_add', { milestone: input.title, dueOn: input.dueOn }, (trx) =>
    trx
      .insertInto('milestones')
      .values({ id: newId(), projectId, ...input })
      .execute(),
  );
  return getProject(deps, scope, projectId);
}

export async function updateMilestone(
  deps: Deps,
  scope: TenantScope,
  projectId: string,
  id: string,
  input: z.infer<typeof milestoneUpdate>,
) {
  await editableProject(deps, scope, projectId);
  await loadItem(deps, 'milestones', projectId, id);
  const { version, ...fields } = input;
  const action = fields.reachedOn ? 'milestone_reached' : 'milestone_update';
  await change(
    deps,
    scope,
    projectId,
    action,
    { milestone: fields.title, reachedOn: fields.reachedOn },
    async (trx) => {
      const m = await trx
        .selectFrom('milestones')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      assertVersion(m, version, m);
      await trx
        .updateTable('milestones')
        .set({ ...fields, version: m.version + 1 })
        .where('id', '=', id)
        .execute();
      // reached just now: a news draft for all staff waits for the coordination
      if (fields.reachedOn && !m.reachedOn) {
        const reachedOn = fields.reachedOn;
        await draftProjectNews(trx, scope.municipalityId, projectId, id, (project) => ({
          kind: 'milestone',
          project,
          milestone: fields.title,
          reachedOn,
        }));
      }
    },
  );
  return getProject(deps, scope, projectId);
}

export async function addTask(deps: Deps, scope: TenantScope, projectId: string, input: z.infer<typeof taskCreate>) {
  await editableProject(deps, scope, projectId);
  await assertMembers(deps, scope, 'body.assigneeId', [input.assigneeId]);
  await change(deps, scope, projectId, 'task_add', { task: input.title }, (trx) =>
    trx
      .insertInto('tasks')
      .values({ id: newId(), projectId, ...input })
      .execute(),
  );
  return getProject(deps, scope, projectId);
}

export async function updateTask(
  deps: Deps,
  scope: TenantScope,
  projectId: string,
  id: string,
  input: z.infer<typeof taskUpdate>,
) {
  await editableProject(deps, scope, projectId);
  await loadItem(deps, 'tasks', projectId, id);
  await assertMembers(deps, scope, 'body.assigneeId', [input.assigneeId]);
  const { version, ...fields } = input;
  await change(deps, scope, projectId, 'task_update', { task: fields.title, status: fields.status }, async (trx) => {
    const t = await trx.selectFrom('tasks').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    assertVersion(t, version, t);
    await trx
      .updateTable('tasks')
      .set({ ...fields, version: t.version + 1 })
      .where('id', '=', id)
      .execute();
  });
  return getProject(deps, scope, projectId);
}

/** Deletes a milestone, task, link or file of the project. */
export async function deleteItem(deps: Deps, scope: TenantScope, projectId: string, table: ItemTable, id: string) {
  await editableProject(deps, scope, projectId);
  await loadItem(deps, table, projectId, id);
  const kind = { milestones: 'milestone', tasks: 'task', projectLinks: 'link', projectFiles: 'file' }[table];
  await change(deps, scope, projectId, `${kind}_delete`, {}, (trx) =>
    trx.deleteFrom(table).where('id', '=', id).execute(),
  );
  return getProject(deps, scope, projectId);
}

export async function addReport(
  deps: Deps,
  scope: TenantScope,
  projectId: string,
  input: z.infer<typeof statusReportCreate>,
) {
  await editableProject(deps, scope, projectId);
  await change(
    deps,
    scope,
    projectId,
    'report_add',
    { reportedOn: input.reportedOn, overall: input.overall },
    async (trx) => {
      const last = await trx
        .selectFrom('statusReports')
        .select('overall')
        .where('projectId', '=', projectId)
        .orderBy('reportedOn', 'desc')
        .orderBy('createdAt', 'desc')
        .executeTakeFirst();
      const id = newId();
      await trx
        .insertInto('statusReports')
        .values({ id, projectId, ...input, authorId: scope.user.id })
        .execute();
      // back to green after yellow or red: worth telling everyone
      if (input.overall === 'green' && last && last.overall !== 'green')
        await draftProjectNews(trx, scope.municipalityId, projectId, id, (project) => ({
          kind: 'status_green',
          project,
          summary: input.summary ?? '',
        }));
    },
  );
  return getProject(deps, scope, projectId);
}

export async function addLink(deps: Deps, scope: TenantScope, projectId: string, input: z.infer<typeof linkCreate>) {
  await editableProject(deps, scope, projectId);
  await change(deps, scope, projectId, 'link_add', { link: input.title }, (trx) =>
    trx
      .insertInto('projectLinks')
      .values({ id: newId(), projectId, ...input })
      .execute(),
  );
  return getProject(deps, scope, projectId);
}

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export async function addFile(
  deps: Deps,
  scope: TenantScope,
  projectId: string,
  file: { fileName: string; contentType: string; content: Buffer },
) {
  await editableProject(deps, scope, projectId);
  if (file.content.length === 0) throw fieldError('body.file', 'empty', 'Die Datei ist leer.');
  if (file.content.length > MAX_FILE_BYTES)
    throw fieldError('body.file', 'too_large', 'Die Datei ist größer als 10 MB.');
  const fileName = file.fileName.replace(/[\\/\p{Cc}]/gu, '_').slice(0, 200) || 'datei';
  await change(deps, scope, projectId, 'file_add', { file: fileName }, (trx) =>
    trx
      .insertInto('projectFiles')
      .values({
        id: newId(),
        projectId,
        fileName,
        contentType: file.contentType.slice(0, 200) || 'application/octet-stream',
        sizeBytes: file.content.length,
        content: file.content,
        uploadedBy: scope.user.id,
      })
      .execute(),
  );
  return getProject(deps, scope, projectId);
}

export async function readFile(deps: Deps, scope: TenantScope, projectId: string, id: string) {
  await loadProject(deps, scope, projectId);
  const f = await deps.db
    .selectFrom('projectFiles')
    .select(['fileName', 'contentType', 'content'])
    .where('id', '=', id)
    .where('projectId', '=', projectId)
    .executeTakeFirst();
  if (!f) throw new AppError('not_found');
  return f;
}

/**
 * Every member whose role contributes may comment (the read-only council may not). Colleagues mentioned as "@Name" get an email with a link to the project
 * (the author is not mailed about their own comment).
 */
export async function addComment(
  deps: Deps,
  scope: TenantScope,
  projectId: string,
  input: z.infer<typeof commentCreate>,
) {
  const p = await loadProject(deps, scope, projectId);
  authorize(scope, 'project', 'comment', await projectFacts(deps, scope, p));
  const people = (await colleagues(deps, scope)).items;
  const mentioned = mentionedNames(
    input.body,
    people.map((c) => c.name),
  );
  await change(deps, scope, projectId, 'comment_add', { mentions: mentioned }, (trx) =>
    trx
      .insertInto('projectComments')
      .values({ id: newId(), projectId, authorId: scope.user.id, body: input.body })
      .execute(),
  );
  const ids = people.filter((c) => mentioned.includes(c.name) && c.id !== scope.user.id).map((c) => c.id);
  if (ids.length) {
    const to = await deps.db.selectFrom('users').select(['id', 'email', 'name']).where('id', 'in', ids).execute();
    const path = `/projekte/${projectId}`;
    const url = appLink(deps.config.publicUrl, path, scope.municipalityId);
    for (const r of to)
      await notify(
        deps,
        deps.db,
        { userId: r.id, email: r.email },
        MAILS.mention({ name: r.name, author: scope.user.name, project: p.title, body: input.body, url }),
        { path, municipalityId: scope.municipalityId },
      );
  }
  return getProject(deps, scope, projectId);
}
