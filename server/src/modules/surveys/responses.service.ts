import { createHmac } from 'node:crypto';
import { type Answers, AppError, answerRows, may, type ResponseStatus, sizeClassOf, validateAnswers } from '@dz/core';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { writeAudit } from '../../lib/audit.js';
import { presentCan } from '../../lib/authorize.js';
import type { Deps } from '../../lib/deps.js';
import { iso, newId } from '../../lib/ids.js';
import type { Scope } from '../../lib/scope.js';
import { acceptsAnswers, loadSurvey, myTarget, type SurveyRow } from './surveys.access.js';

type Target = NonNullable<Awaited<ReturnType<typeof myTarget>>>;

/**
 * Personal responses are found again through a keyed hash of the user id (the key is the survey's
 * own secret), so the response row itself never names the person.
 */
function respondentKey(s: SurveyRow, userId: string): string {
  return createHmac('sha256', s.secret).update(userId).digest('hex');
}

/** Anonymous person surveys leave no actor in the audit trail (it would tell who answered and when). */
function auditActor(scope: Scope, s: SurveyRow): Scope | null {
  return s.mode === 'person' && s.anonymous ? null : scope;
}

async function context(deps: Deps, scope: Scope, surveyId: string) {
  const s = await loadSurvey(deps.db, surveyId);
  const target = s.status === 'draft' ? null : await myTarget(deps.db, scope, s);
  if (!target) throw new AppError('not_found');
  return { s, target };
}

function findResponse(db: Deps['db'] | Transaction<DB>, s: SurveyRow, target: Target, userId: string) {
  let q = db.selectFrom('surveyResponses').selectAll().where('surveyId', '=', s.id);
  q =
    s.mode === 'person'
      ? q.where('respondentKey', '=', respondentKey(s, userId))
      : q.where('municipalityId', '=', target.municipalityId).where('respondentKey', 'is', null);
  return q;
}

/** Role first (the response rule), so a role that may not answer gets 403 whatever state the survey is in. */
function requireRole(scope: Scope, s: SurveyRow, action: 'draft_responses' | 'submit_responses') {
  const flag = action === 'submit_responses' ? 'submit' : 'draft';
  if (!may(scope, 'response', flag, { personal: s.mode === 'person' }))
    throw new AppError(
      'forbidden',
      flag === 'submit' ? 'Nur Koordination oder Verwaltung schicken ab.' : 'Dazu fehlt Ihnen die Berechtigung.',
    );
}

function permissions(scope: Scope, s: SurveyRow, status: string) {
  return presentCan(scope, 'responseView', {
    personal: s.mode === 'person',
    open: acceptsAnswers(s),
    submitted: status === 'submitted',
  });
}

export async function getResponse(deps: Deps, scope: Scope, surveyId: string) {
  const { s, target } = await context(deps, scope, surveyId);
  const r = await findResponse(deps.db, s, target, scope.user.id).executeTakeFirst();
  const status: ResponseStatus = r?.status ?? 'none';
  return {
    status,
    version: r?.version ?? 0,
    answers: r?.answers ?? {},
    submittedAt: r?.submittedAt ? iso(r.submittedAt) : null,
    updatedAt: r ? iso(r.updatedAt) : null,
    can: permissions(scope, s, status),
  };
}

function answerErrors(problems: { questionId: string; code: string; message: string }[]) {
  return new AppError(
    'validation_failed',
    'Einige Antworten fehlen oder passen nicht.',
    problems.map((p) => ({ path: `body.answers.${p.questionId}`, code: p.code, message: p.message })),
  );
}

/** Saves (autosave) or submits a response; `version` 0 creates it. Concurrent edits get 409. */
export async function saveResponse(
  deps: Deps,
  scope: Scope,
  surveyId: string,
  input: { version: number; answers: Answers },
  submit: boolean,
) {
  const { s, target } = await context(deps, scope, surveyId);
  requireRole(scope, s, submit ? 'submit_responses' : 'draft_responses');
  const def = s.definition;
  await deps.db.transaction().execute(async (trx) => {
    const cur = await findResponse(trx, s, target, scope.user.id).forUpdate().executeTakeFirst();
    const perm = permissions(scope, s, cur?.status ?? 'none');
    if (!acceptsAnswers(s)) throw new AppError('survey_closed', 'Die Umfrage nimmt keine Antworten (mehr) an.');
    if (!(submit ? perm.submit : perm.edit)) {
      if (cur?.status === 'submitted')
        throw new AppError('already_submitted', 'Die Antwort ist bereits abgeschickt. Öffnen Sie sie erneut.');
      throw new AppError(
        'forbidden',
        submit ? 'Nur Koordination oder Verwaltung schicken ab.' : 'Dazu fehlt Ihnen die Berechtigung.',
      );
    }
    if ((cur?.version ?? 0) !== input.version) {
      throw new AppError('version_conflict', 'Der Datensatz wurde inzwischen von jemand anderem geändert.', [], {
        currentVersion: cur?.version ?? 0,
        current: { answers: cur?.answers ?? {}, version: cur?.version ?? 0 },
      });
    }
    const { clean, problems } = validateAnswers(def, input.answers, submit);
    if (problems.length) throw answerErrors(problems);
    const muni = await trx
      .selectFrom('municipalities')
      .select(['population', 'landCode'])
      .where('id', '=', target.municipalityId)
      .executeTakeFirstOrThrow();
    const status = submit ? 'submitted' : 'draft';
    const now = new Date();
    let id = cur?.id;
    if (cur) {
      await trx
        .updateTable('surveyResponses')
        .set({
          answers: JSON.stringify(clean),
          status,
          version: cur.version + 1,
          updatedAt: now,
          submittedAt: submit ? now : null,
        })
        .where('id', '=', cur.id)
        .execute();
    } else {
      id = newId();
      await trx
        .insertInto('surveyResponses')
        .values({
          id,
          surveyId,
          municipalityId: target.municipalityId,
          respondentKey: s.mode === 'person' ? respondentKey(s, scope.user.id) : null,
          status,
          answers: JSON.stringify(clean),
          sizeClass: sizeClassOf(muni.population),
          landCode: muni.landCode,
          networkId: target.networkId,
          submittedAt: submit ? now : null,
        })
        .execute();
    }
    if (submit) {
      const rows = answerRows(def, clean).map((r) => ({ ...r, responseId: id as string, surveyId }));
      if (rows.length) await trx.insertInto('surveyAnswers').values(rows).execute();
      // the results' counts follow in the same transaction (migration 0026, ADR 0008)
      await sql`SELECT survey_tally(${surveyId}, ${id}, 1)`.execute(trx);
    }
    await trx.updateTable('surveyTargets').set({ status }).where('id', '=', target.id).execute();
    if (submit || !cur) {
      await writeAudit(trx, auditActor(scope, s), {
        action: submit ? 'submit' : 'create',
        entity: 'survey_response',
        entityId: s.mode === 'person' ? null : (id as string),
        networkId: s.networkId,
        municipalityId: target.municipalityId,
        after: { survey: s.title, status },
      });
    }
  });
  return getResponse(deps, scope, surveyId);
}

/** A submitted response goes back to draft (until the close date); its answers leave the results. */
export async function reopenResponse(deps: Deps, scope: Scope, surveyId: string) {
  const { s, target } = await context(deps, scope, surveyId);
  requireRole(scope, s, 'submit_responses');
  await deps.db.transaction().execute(async (trx) => {
    const cur = await findResponse(trx, s, target, scope.user.id).forUpdate().executeTakeFirst();
    if (cur?.status !== 'submitted' || !cur) throw new AppError('conflict', 'Es gibt keine abgeschickte Antwort.');
    if (!permissions(scope, s, 'submitted').reopen) {
      if (!acceptsAnswers(s)) throw new AppError('survey_closed', 'Die Umfrage ist geschlossen.');
      throw new AppError('forbidden');
    }
    // out of the results' counts first: survey_tally reads the answers it removes
    await sql`SELECT survey_tally(${s.id}, ${cur.id}, -1)`.execute(trx);
    await trx.deleteFrom('surveyAnswers').where('responseId', '=', cur.id).execute();
    await trx
      .updateTable('surveyResponses')
      .set({ status: 'draft', submittedAt: null, version: cur.version + 1, updatedAt: new Date() })
      .where('id', '=', cur.id)
      .execute();
    await trx.updateTable('surveyTargets').set({ status: 'draft' }).where('id', '=', target.id).execute();
    await writeAudit(trx, auditActor(scope, s), {
      action: 'reopen',
      entity: 'survey_response',
      entityId: s.mode === 'person' ? null : cur.id,
      networkId: s.networkId,
      municipalityId: target.municipalityId,
      before: { status: 'submitted' },
      after: { status: 'draft' },
    });
  });
  return getResponse(deps, scope, surveyId);
}
