import { AppError, type ErasureInput, type PersonalDataSummary } from '@dz/core';
import { authorize, presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import type { Scope, TenantScope } from '../../lib/scope.js';
import { eraseUser } from './erasure.service.js';
import { accessRequestFileName, exportContext } from './export.context.js';
import { personalDataPdf } from './export.pdf.js';
import {
  assertOwnColleague,
  auditExport,
  colleagueBlocker,
  collectPersonalData,
  erasureBlocker,
  type PersonalData,
  summarise,
} from './export.service.js';
import { buildRecords, recordsPdf, recordsXlsx } from './records.js';

export { getLegalPage, saveLegalPage } from './legal.service.js';
export { getRetention, saveRetention } from './retention.service.js';

/** The own data export (profile page): everyone, for themselves. */
export async function ownExport(deps: Deps, scope: Scope, format: 'json' | 'pdf' = 'json') {
  const data = await collectPersonalData(deps.db, scope.user.id);
  await auditExport(deps.db, scope, scope.user.id, format);
  return data;
}

/** The download name of an export: "Auskunft-Maria-Muster-2026-12-03.json". */
export const exportFileName = (data: PersonalData, ext: 'pdf' | 'json') =>
  accessRequestFileName(data.person.name, data.generatedAt, ext);

/** The readable PDF of an export with its download name (names for ids and the operator's texts read here). */
async function readablePdf(deps: Deps, data: PersonalData) {
  const pdf = await personalDataPdf(data, await exportContext(deps.db, data));
  return { pdf, fileName: exportFileName(data, 'pdf') };
}

export async function ownExportPdf(deps: Deps, scope: Scope) {
  return readablePdf(deps, await ownExport(deps, scope, 'pdf'));
}

/** An access request about a colleague: the municipality's administration, for its own members only. */
async function colleagueData(deps: Deps, scope: TenantScope, userId: string) {
  authorize(scope, 'privacy', 'manage');
  await assertOwnColleague(deps.db, scope, userId);
  const blocker = await colleagueBlocker(deps.db, scope, userId);
  if (blocker) throw new AppError('conflict', blocker);
  return collectPersonalData(deps.db, userId);
}

export async function colleagueExport(deps: Deps, scope: TenantScope, userId: string) {
  const data = await colleagueData(deps, scope, userId);
  await auditExport(deps.db, scope, userId, 'json');
  return data;
}

export async function colleagueExportPdf(deps: Deps, scope: TenantScope, userId: string) {
  const data = await colleagueData(deps, scope, userId);
  await auditExport(deps.db, scope, userId, 'pdf');
  return readablePdf(deps, data);
}

/** What a request about the colleague finds, and whether this municipality may erase the account. */
export async function personSummary(deps: Deps, scope: TenantScope, userId: string): Promise<PersonalDataSummary> {
  authorize(scope, 'privacy', 'manage');
  await assertOwnColleague(deps.db, scope, userId);
  // someone whose data reaches beyond this municipality: the reason only, no counts of their data
  const beyond = await colleagueBlocker(deps.db, scope, userId);
  if (beyond) {
    const u = await deps.db
      .selectFrom('users')
      .select(['name', 'email'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    return {
      userId,
      name: u.name,
      email: u.email,
      tables: [],
      erasable: false,
      notErasableReason: beyond,
      can: presentCan(scope, 'privacy'),
    };
  }
  const data = await collectPersonalData(deps.db, userId);
  const blocker = await erasureBlocker(deps.db, scope, userId);
  return {
    userId,
    name: data.person.name,
    email: data.person.email,
    tables: summarise(data),
    erasable: blocker === null,
    notErasableReason: blocker,
    can: presentCan(scope, 'privacy'),
  };
}

export function erase(deps: Deps, scope: TenantScope, userId: string, input: ErasureInput) {
  return eraseUser(deps, scope, userId, input);
}

export async function recordsPdfFor(deps: Deps, scope: Scope) {
  authorize(scope, 'legal', 'edit');
  return recordsPdf(await buildRecords(deps.db));
}

export async function recordsXlsxFor(deps: Deps, scope: Scope) {
  authorize(scope, 'legal', 'edit');
  return recordsXlsx(await buildRecords(deps.db));
}
