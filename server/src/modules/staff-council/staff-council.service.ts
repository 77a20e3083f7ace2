import {
  AppError,
  assessStaffCouncil,
  emptyStaffCouncilAnswers,
  type StaffCouncilAnswers,
  staffCouncilDateIssues,
  type staffCouncilSave,
} from '@dz/core';
import type { z } from 'zod';
import { writeAudit } from '../../lib/audit.js';
import { presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso } from '../../lib/ids.js';
import type { TenantScope } from '../../lib/scope.js';
import { assertVersion } from '../../lib/versioning.js';
import { editableProject, loadProject, projectFacts } from '../projects/projects.access.js';

type Save = z.infer<typeof staffCouncilSave>;

/** The stored check of a project with who saved it last, or undefined before the first save. */
export async function checkRow(deps: Pick<Deps, 'db'>, projectId: string) {
  return deps.db
    .selectFrom('staffCouncilChecks as s')
    .leftJoin('users as u', 'u.id', 's.updatedBy')
    .select([
      's.version',
      's.answers',
      's.status',
      's.informedOn',
      's.consultedOn',
      's.agreedOn',
      's.concludedOn',
      's.note',
      's.updatedAt',
      'u.name as updatedBy',
    ])
    .where('s.projectId', '=', projectId)
    .executeTakeFirst();
}

/** Stored answers completed with open questions (a question added later is open in an older check). */
const answersOf = (stored: Partial<StaffCouncilAnswers> | undefined): StaffCouncilAnswers => ({
  ...emptyStaffCouncilAnswers(),
  ...(stored ?? {}),
});

/** The check as the project page and the decision paper read it; version 0 while it has not been made. */
export function presentCheck(row: Awaited<ReturnType<typeof checkRow>>) {
  const answers = answersOf(row?.answers);
  return {
    version: row?.version ?? 0,
    answers,
    status: row?.status ?? ('not_started' as const),
    informedOn: row?.informedOn ?? null,
    consultedOn: row?.consultedOn ?? null,
    agreedOn: row?.agreedOn ?? null,
    concludedOn: row?.concludedOn ?? null,
    note: row?.note ?? '',
    updatedBy: row?.updatedBy ?? null,
    updatedAt: row ? iso(row.updatedAt) : null,
    assessment: assessStaffCouncil(answers),
  };
}

/** Everyone of the project's municipality reads the check; the `can` flags follow the project's editing right. */
export async function getCheck(deps: Deps, scope: TenantScope, projectId: string) {
  const p = await loadProject(deps, scope, projectId);
  const [row, facts] = await Promise.all([checkRow(deps, projectId), projectFacts(deps, scope, p)]);
  return { projectId, ...presentCheck(row), can: presentCan(scope, 'projectPart', facts) };
}

const FIELDS = ['answers', 'status', 'informedOn', 'consultedOn', 'agreedOn', 'concludedOn', 'note'] as const;

/** Saves the whole check (created with version 0); dates that do not fit the status are German field errors. */
export async function saveCheck(deps: Deps, scope: TenantScope, projectId: string, input: Save) {
  await editableProject(deps, scope, projectId);
  const { version, ...values } = input;
  const issues = staffCouncilDateIssues(values.status, values);
  if (issues.length)
    throw new AppError(
      'validation_failed',
      issues[0]?.message,
      issues.map((i) => ({ path: `body.${i.field}`, code: i.code, message: i.message })),
    );
  await deps.db.transaction().execute(async (trx) => {
    const cur = await trx
      .selectFrom('staffCouncilChecks')
      .selectAll()
      .where('projectId', '=', projectId)
      .forUpdate()
      .executeTakeFirst();
    const before = cur ? Object.fromEntries(FIELDS.map((f) => [f, cur[f]])) : null;
    assertVersion({ version: cur?.version ?? 0 }, version, before ? { ...before, version: cur?.version } : undefined);
    const row = { ...values, answers: JSON.stringify(values.answers), updatedBy: scope.user.id, updatedAt: new Date() };
    if (cur)
      await trx
        .updateTable('staffCouncilChecks')
        .set({ ...row, version: cur.version + 1 })
        .where('projectId', '=', projectId)
        .execute();
    else
      await trx
        .insertInto('staffCouncilChecks')
        .values({ projectId, municipalityId: scope.municipalityId, ...row })
        .execute();
    await writeAudit(trx, scope, {
      action: 'staff_council_check',
      entity: 'project',
      entityId: projectId,
      municipalityId: scope.municipalityId,
      before,
      after: { ...values, level: assessStaffCouncil(values.answers).level },
    });
  });
  return getCheck(deps, scope, projectId);
}
