import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { RadarChart, type RadarSeries } from '../../components/RadarChart';
import { TableWrap } from '../../components/TableWrap';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { fmtDate } from '../../lib/format';
import { assessmentDate, levelShort } from './levels';
import './maturity.css';
import {
  type AssessmentSummary,
  MATURITY_REPORT_URL,
  type MaturityOverview,
  maturityOverviewQuery,
  useSaveMaturitySettings,
  useStartAssessment,
} from './queries';
import { RecommendationsPanel } from './Recommendations';
import '../../i18n/maturity';

type Notice = { kind: 'success' | 'error' | 'warning' | 'info'; text: string };

/** The assessment the radar shows: the latest completed one, else the draft; and the completed one before it. */
export function shownAssessments(list: readonly AssessmentSummary[]) {
  const completed = list.filter((a) => a.status === 'completed');
  const draft = list.find((a) => a.status === 'draft') ?? null;
  const shown = completed[0] ?? draft;
  const previous = completed[0] ? (completed[1] ?? null) : null;
  return { shown, previous, draft };
}

/** "Selbsteinschätzung beginnen" (a new pre-filled draft) or "Fortsetzen" of the open draft. */
function StartOrContinue({ data, onNotice }: { data: MaturityOverview; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartAssessment();
  const { draft } = shownAssessments(data.assessments);
  if (draft)
    return (
      <Link className="btn" to={`/reifegrad/einschaetzung/${draft.id}`}>
        {t('maturity.continue')}
      </Link>
    );
  if (!data.can.manage) return null;
  return (
    <Button
      isDisabled={start.isPending}
      onPress={async () => {
        try {
          const a = await start.mutateAsync();
          navigate(`/reifegrad/einschaetzung/${a.id}`);
        } catch (err) {
          // someone began one meanwhile: continue that one
          const id = err instanceof ApiError && err.status === 409 ? err.body.id : undefined;
          if (typeof id === 'string') return navigate(`/reifegrad/einschaetzung/${id}`);
          onNotice({ kind: 'error', text: errorMessage(err, t) });
        }
      }}
    >
      {start.isPending ? t('maturity.starting') : t('maturity.start')}
    </Button>
  );
}

/** Whether other municipalities may see this one as a contact and ask it (versioned). */
function ContactConsent({ data, onNotice }: { data: MaturityOverview; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const save = useSaveMaturitySettings();
  const { contactable, version } = data.settings;
  if (!data.can.manage)
    return <p>{contactable ? t('maturity.consentOnReadOnly') : t('maturity.consentOffReadOnly')}</p>;
  return (
    <div className="field">
      <label className="choice">
        <input
          type="checkbox"
          name="contactable"
          checked={contactable}
          disabled={save.isPending}
          aria-describedby="maturity-consent-hint"
          onChange={async (e) => {
            const next = e.target.checked;
            try {
              await save.mutateAsync({ contactable: next, version });
              onNotice({ kind: 'success', text: next ? t('maturity.consentOn') : t('maturity.consentOff') });
            } catch (err) {
              onNotice(
                err instanceof ApiError && err.code === 'version_conflict'
                  ? { kind: 'warning', text: t('maturity.consentConflict') }
                  : { kind: 'error', text: errorMessage(err, t) },
              );
            }
          }}
        />{' '}
        {t('maturity.consent')}
      </label>
      <span className="m-note" id="maturity-consent-hint">
        {t('maturity.consentHint')}
      </span>
    </div>
  );
}

/**
 * Every assessment (newest first, one column each: date, state, answered) with the level of each dimension (one row
 * each) — the dimensions' long names read down the side instead of squeezing into column headers.
 */
function HistoryTable({ data }: { data: MaturityOverview }) {
  const { t } = useTranslation();
  const list = data.assessments;
  const dims = list[0]?.profile ?? [];
  if (list.length === 0)
    return <Empty>{data.can.manage ? t('maturity.noAssessments') : t('maturity.noAssessmentsReadOnly')}</Empty>;
  return (
    <TableWrap label={t('maturity.historyTitle')}>
      <table className="data maturity-history">
        <caption className="visually-hidden">{t('maturity.historyCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('maturity.dimension')}</th>
            {list.map((a) => (
              <th key={a.id} scope="col" className="num">
                <Link to={`/reifegrad/einschaetzung/${a.id}`}>
                  {t(a.status === 'draft' ? 'maturity.draftOf' : 'maturity.completedOn', {
                    date: fmtDate(assessmentDate(a)),
                  })}
                </Link>
                <span className="history-status">
                  <span className={`badge ${a.status === 'draft' ? 'status-draft' : 'status-open'}`}>
                    {t(`maturity.statuses.${a.status}`)}
                  </span>
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dims.map((d) => (
            <tr key={d.key}>
              <th scope="row">{d.name}</th>
              {list.map((a) => {
                const level = a.profile.find((p) => p.key === d.key)?.level ?? null;
                return (
                  <td key={a.id} className="num">
                    {level === null ? t('maturity.levelOpen') : levelShort(t, level)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('maturity.answered')}</th>
            {list.map((a) => (
              <td key={a.id} className="num">
                {t('maturity.answeredShort', { answered: a.answered, criteria: a.criteria })}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}

/** The radar of the shown assessment, with the previous completed one to overlay. */
function ProfilePanel({ data }: { data: MaturityOverview }) {
  const { t } = useTranslation();
  const [overlay, setOverlay] = useState(true);
  const { shown, previous, draft } = shownAssessments(data.assessments);
  if (!shown)
    return (
      <Panel title={t('maturity.profileTitle')} id="h-maturity-profile">
        <Empty>{data.can.manage ? t('maturity.noAssessments') : t('maturity.noAssessmentsReadOnly')}</Empty>
      </Panel>
    );
  const label = (a: AssessmentSummary) =>
    t(a.status === 'draft' ? 'maturity.draftOf' : 'maturity.completedOn', { date: fmtDate(assessmentDate(a)) });
  const series: RadarSeries[] = [
    { name: label(shown), short: fmtDate(assessmentDate(shown)), values: shown.profile.map((p) => p.level) },
  ];
  if (previous && overlay)
    series.push({
      name: label(previous),
      short: fmtDate(assessmentDate(previous)),
      values: shown.profile.map((p) => previous.profile.find((q) => q.key === p.key)?.level ?? null),
    });
  return (
    <Panel title={t('maturity.profileTitle')} id="h-maturity-profile">
      <p>
        {shown.status === 'draft'
          ? t('maturity.profileDraft', { answered: shown.answered, criteria: shown.criteria })
          : t('maturity.profileCompleted', { date: fmtDate(assessmentDate(shown)) })}{' '}
        {draft && shown.status === 'completed' && t('maturity.draftInProgress')}
      </p>
      {previous && (
        <label className="choice">
          <input type="checkbox" checked={overlay} onChange={(e) => setOverlay(e.target.checked)} />{' '}
          {t('maturity.overlay', { date: fmtDate(assessmentDate(previous)) })}
        </label>
      )}
      <RadarChart
        label={t('maturity.radarLabel')}
        axisHeader={t('maturity.dimension')}
        axes={shown.profile.map((p) => p.name)}
        series={series}
        format={(v) => levelShort(t, v)}
        missing={t('maturity.levelOpen')}
      />
      <p className="m-note">{t('maturity.levelRule')}</p>
    </Panel>
  );
}

/** `/reifegrad`: where the municipality stands, its assessments, the consent to be asked and recommendations. */
export function MaturityPage() {
  const { t } = useTranslation();
  const q = useQuery(maturityOverviewQuery());
  // a notice handed over by the page that sent here (an assessment just completed)
  const handed = (useLocation().state as { notice?: Notice } | null)?.notice;
  const [notice, setNotice] = useState<Notice | undefined>(handed);
  const d = q.data;
  return (
    <Page
      title={t('maturity.title')}
      crumbs={[{ to: '/', label: t('nav.start') }]}
      actions={d && <StartOrContinue data={d} onNotice={setNotice} />}
    >
      <p>{t('maturity.intro')}</p>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      {!d ? (
        <Pending query={q} />
      ) : (
        <>
          <ProfilePanel data={d} />
          <nav className="maturity-links" aria-label={t('maturity.moreTitle')}>
            <ul>
              <li>
                <Link to="/reifegrad/kennzahlen">{t('maturity.keyFiguresLink')}</Link>
              </li>
              <li>
                <Link to="/reifegrad/vergleich">{t('maturity.benchmarkLink')}</Link>
              </li>
              <li>
                <Link to="/reifegrad/modell">{t('maturity.modelLink')}</Link>
              </li>
              <li>
                <a href={MATURITY_REPORT_URL} download>
                  {t('maturity.report')}
                </a>
              </li>
            </ul>
          </nav>
          <RecommendationsPanel canAsk={d.can.manage} hasAssessment={d.assessments.length > 0} />
          {d.assessments.length > 0 && (
            <Panel title={t('maturity.historyTitle')} id="h-maturity-history">
              <HistoryTable data={d} />
            </Panel>
          )}
          <Panel title={t('maturity.consentTitle')} id="h-maturity-consent">
            <ContactConsent data={d} onNotice={setNotice} />
          </Panel>
        </>
      )}
    </Page>
  );
}
