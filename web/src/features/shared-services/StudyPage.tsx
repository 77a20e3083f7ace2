import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { type Column, DataTable } from '../../components/DataTable';
import { EChart, PALETTE } from '../../components/EChart';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { errorMessage } from '../../lib/errors';
import { fmtEuro, fmtNumber } from '../../lib/format';
import { type StudyDetail, studyQuery, useAnswerStudy, usePrepareCouncilPaper } from './queries';
import { StatusQuoForm, TargetForm } from './StudyForms';
import { AdvanceStudy, OperationLinks, TeamPanel } from './StudyOperation';

type Figures = NonNullable<StudyDetail['figures']>;
type Row = Figures['partners'][number];

/** Each partner alone vs. in the pool (grouped bars, beside the table with the same numbers). */
function AloneVsPool({ f, gross }: { f: Figures; gross: boolean }) {
  const { t } = useTranslation();
  return (
    <EChart
      height={(w) => Math.max(220, f.partners.length * (w < 520 ? 70 : 56) + 60)}
      option={(_, width) => ({
        color: PALETTE,
        legend: { bottom: 0 },
        grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
        xAxis: {
          type: 'value',
          splitNumber: width < 520 ? 2 : 5,
          axisLabel: { formatter: (v: number) => fmtEuro(v, true), hideOverlap: true },
        },
        yAxis: { type: 'category', inverse: true, data: f.partners.map((p) => p.name) },
        series: [
          { type: 'bar', name: t('studies.alone'), data: f.partners.map((p) => p.aloneCents) },
          {
            type: 'bar',
            name: t('studies.pooled'),
            data: f.partners.map((p) => (gross ? p.pooledGrossCents : p.pooledCents)),
          },
        ],
      })}
    />
  );
}

/** Opens my municipality's council paper, its financial effects from my share of the study. */
function CouncilPaperButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const prepare = usePrepareCouncilPaper(id);
  return (
    <>
      <Button
        variant="secondary"
        isDisabled={prepare.isPending}
        onPress={async () => {
          const { projectId } = await prepare.mutateAsync();
          navigate(`/projekte/${projectId}/beschlussvorlage`);
        }}
      >
        {t('studies.councilPaper')}
      </Button>
      {prepare.error && <Alert kind="error">{errorMessage(prepare.error, t)}</Alert>}
    </>
  );
}

function FiguresPanel({ d }: { d: StudyDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  const f = d.figures;
  if (!f) return <Alert kind="info">{t('studies.noFigures')}</Alert>;
  const payback = (y: number | null) => (y === null ? t('studies.noPayback') : t('studies.year', { year: y }));
  const columns: Column<Row>[] = [
    { header: t('studies.partner'), cell: (p) => p.name },
    { header: t('studies.alone'), cell: (p) => fmtEuro(p.aloneCents, true) },
    { header: t('studies.pooled'), cell: (p) => fmtEuro(p.pooledCents, true) },
    ...(d.vatTaxable
      ? [{ header: t('studies.pooledGross'), cell: (p: Row) => fmtEuro(p.pooledGrossCents, true) }]
      : []),
    {
      header: t('studies.savings'),
      cell: (p) => (
        <>
          {fmtEuro(p.savingsCents, true)}
          {p.worseOff && <strong className="field-error"> {t('studies.worseOff')}</strong>}
        </>
      ),
    },
    { header: t('studies.transitionShare'), cell: (p) => fmtEuro(p.transitionCents, true) },
    { header: t('studies.payback'), cell: (p) => payback(p.paybackYear) },
    { header: t('studies.npv', { years: d.horizonYears }), cell: (p) => fmtEuro(p.npvCents, true) },
  ];
  const total: Row = { ...f, municipalityId: 'total', name: t('studies.total'), worseOff: f.savingsCents < 0 };
  const worse = f.partners.filter((p) => p.worseOff);
  const fix = d.betterKeys.find((k) => k.fixes);
  return (
    <>
      {worse.length > 0 && (
        <Alert kind="warning">
          {t('studies.worseOffAlert', { names: worse.map((p) => p.name).join(', ') })}{' '}
          {fix ? t('studies.fixKey', { key: t(`studies.keys.${fix.key}`) }) : t('studies.noKeyFixes')}
        </Alert>
      )}
      <DataTable
        label={t('studies.figures')}
        caption={t('studies.figuresCaption', { key: t(`studies.keys.${d.allocation.key}`) })}
        columns={columns}
        rows={[...f.partners, total]}
        rowKey={(p) => p.municipalityId}
        empty={t('studies.noFigures')}
      />
      <AloneVsPool f={f} gross={d.vatTaxable} />
      <p>
        {t('studies.agreementDraft')}{' '}
        <a href={`/api/v1/shared-services/studies/${d.id}/agreement?format=docx`} download>
          {t('studies.agreementDocx')}
        </a>{' '}
        ·{' '}
        <a href={`/api/v1/shared-services/studies/${d.id}/agreement?format=pdf`} download>
          {t('studies.agreementPdf')}
        </a>
      </p>
      {session.can.create_projects && (
        <p>
          {t('studies.councilPaperHint')} <CouncilPaperButton id={d.id} />
        </p>
      )}
      {d.sensitivity && (
        <Panel title={t('studies.sensitivity')} level={3}>
          <ul>
            <li>{t('studies.volumesDown', { savings: fmtEuro(d.sensitivity.volumesDown.savingsCents, true) })}</li>
            <li>{t('studies.volumesUp', { savings: fmtEuro(d.sensitivity.volumesUp.savingsCents, true) })}</li>
            {d.sensitivity.leavers.map((l) => (
              <li key={l.leaves}>
                {t('studies.leaves', {
                  name: l.leaves,
                  shares: l.figures.partners
                    .map((p) => `${p.name} ${fmtEuro(p.pooledGrossCents, true)} (${fmtEuro(p.savingsCents, true)})`)
                    .join(', '),
                })}
              </li>
            ))}
          </ul>
        </Panel>
      )}
      {d.uncertainty && (
        <p>
          {t('studies.uncertainty', {
            p50: fmtEuro(d.uncertainty.p50Cents, true),
            p80: fmtEuro(d.uncertainty.p80Cents, true),
            p95: fmtEuro(d.uncertainty.p95Cents, true),
          })}
        </p>
      )}
    </>
  );
}

export function StudyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const q = useQuery(studyQuery(id));
  const answer = useAnswerStudy(id);
  if (!q.data) return <Pending query={q} />;
  const d = q.data;
  const partnerColumns: Column<StudyDetail['partners'][number]>[] = [
    { header: t('studies.partner'), cell: (p) => p.name },
    { header: t('studies.population'), cell: (p) => fmtNumber(p.population) },
    { header: t('studies.role'), cell: (p) => t(`studies.roles.${p.role}`) },
    { header: t('studies.partnerStatus'), cell: (p) => t(`studies.partnerStatuses.${p.status}`) },
    {
      header: t('studies.statusQuoEntered'),
      cell: (p) => (p.status !== 'accepted' ? '–' : p.statusQuoVersion > 0 ? t('common.yes') : t('common.no')),
    },
  ];
  return (
    <Page
      title={d.title}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: '/gemeinsame-dienste', label: t('studies.title') },
      ]}
    >
      <p>
        {t('studies.summary', { service: d.serviceName, lead: d.lead.name, status: t(`studies.statuses.${d.status}`) })}
        {d.network && <> {t('studies.startedByNetwork', { network: d.network.name })}</>}
      </p>
      {d.myStatus === 'invited' && (
        <Alert kind="info">
          {d.network && d.lead.id === session.activeMunicipalityId
            ? t('studies.invitedAsLead', { network: d.network.name })
            : t('studies.invited', { lead: d.lead.name })}{' '}
          {d.can.answer ? (
            <>
              <Button small onPress={() => answer.mutate(true)}>
                {t('studies.accept')}
              </Button>{' '}
              <Button
                small
                variant="secondary"
                onPress={async () => {
                  await answer.mutateAsync(false);
                  navigate('/gemeinsame-dienste');
                }}
              >
                {t('studies.decline')}
              </Button>
            </>
          ) : (
            t('studies.answerByCoordination')
          )}
        </Alert>
      )}
      {answer.error && <Alert kind="error">{errorMessage(answer.error, t)}</Alert>}
      <AdvanceStudy d={d} />
      <OperationLinks d={d} />
      <DataTable
        label={t('studies.partners')}
        columns={partnerColumns}
        rows={d.partners}
        rowKey={(p) => p.municipalityId}
        empty={t('studies.noPartnersYet')}
      />
      {d.myStatus === 'accepted' && (
        <Panel title={t('studies.figures')} className="wide">
          <FiguresPanel d={d} />
        </Panel>
      )}
      {d.myStatus === 'accepted' && <TeamPanel d={d} />}
      {d.can.statusQuo && (
        <StatusQuoForm key={`sq-${d.version}`} d={d} municipalityId={session.activeMunicipalityId ?? ''} />
      )}
      {d.can.edit && <TargetForm key={`t-${d.version}`} d={d} />}
    </Page>
  );
}
