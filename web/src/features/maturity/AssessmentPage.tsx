import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { CriterionAnswer, type CriterionInfo, emptyAnswer, ReadOnlyAnswer } from './CriterionAnswer';
import { levelText } from './levels';
import './maturity.css';
import {
  assessmentQuery,
  type MaturityAssessment,
  type MaturityModel,
  maturityModelQuery,
  useCompleteAssessment,
  useDeleteAssessment,
  useRefreshPrefill,
} from './queries';
import '../../i18n/maturity';

type Notice = { kind: 'success' | 'error' | 'warning' | 'info'; text: string };

/** Each dimension of the model with its criteria, the networks' own criteria under the dimension they belong to. */
function dimensionsOf(a: MaturityAssessment, model: MaturityModel) {
  return model.dimensions.map((d) => ({
    key: d.key,
    name: d.name,
    level: a.profile.find((p) => p.key === d.key)?.level ?? null,
    criteria: d.criteria.map((c): CriterionInfo => ({ key: c.key, name: c.name, levels: c.levels })),
    network: a.networkCriteria
      .filter((n) => n.dimensionKey === d.key)
      .map((n): CriterionInfo => ({ key: `net:${n.id}`, name: n.name, levels: n.levels, network: n.network })),
  }));
}

/** "Vorschläge aktualisieren": the platform's suggestions computed anew (answers nobody overrode follow them). */
function RefreshPrefill({ a, onNotice }: { a: MaturityAssessment; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const prefill = useRefreshPrefill(a.id);
  if (!a.can.assess) return null;
  return (
    <div className="btn-row maturity-tools">
      <Button
        variant="secondary"
        isDisabled={prefill.isPending}
        onPress={async () => {
          try {
            const next = await prefill.mutateAsync();
            onNotice({ kind: 'success', text: t('maturity.prefillDone', { prefilled: next.prefilled }) });
          } catch (err) {
            onNotice({ kind: 'error', text: errorMessage(err, t) });
          }
        }}
      >
        {prefill.isPending ? t('maturity.prefillRunning') : t('maturity.prefill')}
      </Button>
    </div>
  );
}

/** "Entwurf verwerfen" (with a question first), at the end of the page, away from the answers. */
function DiscardDraft({ a, onNotice }: { a: MaturityAssessment; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteAssessment();
  if (!a.can.manage) return null;
  return (
    <div className="btn-row">
      <ConfirmDeleteButton
        label={t('maturity.discard')}
        title={t('maturity.discardTitle')}
        body={t('maturity.discardBody')}
        isDisabled={remove.isPending}
        onConfirm={async () => {
          try {
            await remove.mutateAsync(a.id);
            navigate('/reifegrad');
          } catch (err) {
            onNotice({ kind: 'error', text: errorMessage(err, t) });
          }
        }}
      />
    </div>
  );
}

/** The sticky bar at the end: what was saved last (a live region) and "Abschließen" with a question first. */
function SaveBar({ a, saved, onNotice }: { a: MaturityAssessment; saved: string; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const complete = useCompleteAssessment(a.id);
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  return (
    <div className="btn-row sticky-actions">
      <p className="save-state" role="status">
        {saved}
      </p>
      {a.can.manage && (
        <Button isDisabled={complete.isPending} onPress={() => setAsking(true)}>
          {t('maturity.complete')}
        </Button>
      )}
      <ConfirmDialog
        isOpen={asking}
        title={t('maturity.completeTitle')}
        body={t('maturity.completeBody', { answered: a.answered, criteria: a.criteria })}
        confirmLabel={t('maturity.completeConfirm')}
        onCancel={() => setAsking(false)}
        onConfirm={async () => {
          setAsking(false);
          try {
            await complete.mutateAsync();
            // the result: radar, history and recommendations are on the overview, which says so
            navigate('/reifegrad', { state: { notice: { kind: 'success', text: t('maturity.completed') } } });
          } catch (err) {
            // dimensions with fewer than half of their criteria answered have no level yet
            const open = a.profile.filter((p) => p.level === null).map((p) => p.name);
            const few = err instanceof ApiError && err.code === 'validation_failed' && open.length > 0;
            onNotice({
              kind: 'error',
              text: few ? t('maturity.completeMissing', { list: open.join(', ') }) : errorMessage(err, t),
            });
          }
        }}
      />
    </div>
  );
}

/** `/reifegrad/einschaetzung/:assessmentId`: answering (a draft) or reading (completed) one assessment. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { assessmentId = '' } = useParams();
  const q = useQuery(assessmentQuery(assessmentId));
  const m = useQuery(maturityModelQuery());
  const [notice, setNotice] = useState<Notice>();
  const [saved, setSaved] = useState('');
  const a = q.data;
  const model = m.data;
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: '/reifegrad', label: t('maturity.title') },
  ];
  const title = !a
    ? t('maturity.assessmentTitle')
    : a.status === 'draft'
      ? t('maturity.assessmentDraftTitle', { date: fmtDate(a.createdAt) })
      : t('maturity.assessmentCompletedTitle', { date: fmtDate(a.completedAt ?? a.createdAt) });
  if (!a || !model)
    return (
      <Page title={title} crumbs={crumbs}>
        <Pending queries={[q, m]} />
      </Page>
    );
  const editable = a.status === 'draft' && a.can.assess;
  const answerOf = (key: string) => a.answers.find((x) => x.criterionKey === key) ?? emptyAnswer(key);
  const onSaved = (text: string) =>
    setSaved(t('maturity.savedAt', { text, at: fmtDateTime(new Date().toISOString()).slice(-5) }));
  return (
    <Page title={title} crumbs={crumbs}>
      <p className="progress-line">
        {t('maturity.progress', { answered: a.answered, criteria: a.criteria, prefilled: a.prefilled })}
        {a.carriedOver > 0 && ` ${t('maturity.progressCarried', { count: a.carriedOver })}`}
      </p>
      <progress className="maturity-progress" max={Math.max(1, a.criteria)} value={a.answered} aria-hidden="true" />
      {a.status === 'completed' ? (
        <Alert kind="info">{t('maturity.readOnlyCompleted')}</Alert>
      ) : !a.can.assess ? (
        <Alert kind="info">{t('maturity.readOnlyRole')}</Alert>
      ) : (
        <p>{t('maturity.assessIntro')}</p>
      )}
      {a.modelVersion !== model.version && (
        <p className="m-note">{t('maturity.otherVersion', { version: a.modelVersion, current: model.version })}</p>
      )}
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      {a.status === 'draft' && <RefreshPrefill a={a} onNotice={setNotice} />}
      {a.status === 'completed' && (
        <p>
          <Link to="/reifegrad">{t('maturity.backToOverview')}</Link>
        </p>
      )}
      <nav className="dimension-jump" aria-label={t('maturity.jumpTitle')}>
        <ol>
          {dimensionsOf(a, model).map((d) => (
            <li key={d.key}>
              <a href={`#h-dim-${d.key}`}>{d.name}</a> <span className="muted">({levelText(t, d.level)})</span>
            </li>
          ))}
        </ol>
      </nav>
      {dimensionsOf(a, model).map((d) => (
        <Panel
          key={d.key}
          title={d.name}
          id={`h-dim-${d.key}`}
          actions={
            <span className="badge dim-level">
              {t('maturity.dimensionLevel')}: {levelText(t, d.level)}
            </span>
          }
        >
          {d.criteria.map((c) =>
            editable ? (
              <CriterionAnswer key={c.key} assessmentId={a.id} c={c} answer={answerOf(c.key)} onSaved={onSaved} />
            ) : (
              <ReadOnlyAnswer key={c.key} c={c} answer={answerOf(c.key)} />
            ),
          )}
          {d.network.length > 0 && (
            <div className="network-criteria">
              <h3>{t('maturity.networkCriteriaTitle')}</h3>
              <p className="m-note">{t('maturity.networkCriteriaNote')}</p>
              {d.network.map((c) =>
                editable ? (
                  <CriterionAnswer key={c.key} assessmentId={a.id} c={c} answer={answerOf(c.key)} onSaved={onSaved} />
                ) : (
                  <ReadOnlyAnswer key={c.key} c={c} answer={answerOf(c.key)} />
                ),
              )}
            </div>
          )}
        </Panel>
      ))}
      {a.status === 'draft' && <DiscardDraft a={a} onNotice={setNotice} />}
      {a.status === 'draft' && <SaveBar a={a} saved={saved} onNotice={setNotice} />}
    </Page>
  );
}
