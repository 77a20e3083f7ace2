import { LEVEL_GROUPS, levelGroup } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { type Column, DataTable } from '../../components/DataTable';
import { FormDialog } from '../../components/FormDialog';
import { Alert, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { TableWrap } from '../../components/TableWrap';
import { fmtNumber, fmtPercent } from '../../lib/format';
import { frameworkQuery, type Overview, overviewQuery } from './queries';
import { AssignForm, type Notice } from './TrainingPlanPanel';
import './competences.css';

type CompetenceRow = Overview['competences'][number];

function HeatCell({ mean }: { mean: number | null }) {
  const { t } = useTranslation();
  if (mean === null)
    return (
      <td className="heat heat-none">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('competences.overview.hidden')}</span>
      </td>
    );
  const group = levelGroup(mean);
  return (
    <td className={`heat heat-${group}`}>
      {fmtNumber(mean, 1)} <span className="visually-hidden">({t(`competences.groups.${group}`)})</span>
    </td>
  );
}

/** Department × area: an accessible table whose cells are coloured by level group and always carry the value. */
function Heatmap({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const framework = useQuery(frameworkQuery);
  const areas = framework.data?.areas ?? [];
  return (
    <>
      {overview.heatmap.rows.length === 0 ? (
        <p>{t('competences.overview.noRows', { threshold: overview.threshold })}</p>
      ) : (
        <TableWrap label={t('competences.overview.heatmap')}>
          <table className="data">
            <caption>{t('competences.overview.heatmapCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('competences.overview.department')}</th>
                <th scope="col" className="num">
                  {t('competences.overview.people')}
                </th>
                {areas.map((a) => (
                  <th key={a.area} scope="col">
                    {a.area} {a.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {overview.heatmap.rows.map((r) => (
                <tr key={r.departmentId}>
                  <th scope="row">{r.department}</th>
                  <td className="num">{r.people}</td>
                  {r.cells.map((c) => (
                    <HeatCell key={c.area} mean={c.mean} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <ul className="heat-legend" aria-label={t('competences.overview.legend')}>
        {LEVEL_GROUPS.map((g) => (
          <li key={g}>
            <span aria-hidden="true" className={`heat-${g}`} />
            {t(`competences.groups.${g}`)} ({t(`competences.groupLevels.${g}`)})
          </li>
        ))}
      </ul>
      {overview.heatmap.withheld > 0 && (
        <p className="muted">
          {t('competences.overview.withheld', { count: overview.heatmap.withheld, threshold: overview.threshold })}
        </p>
      )}
    </>
  );
}

/** The weakest competences with the catalogue's trainings that address them; the coordination assigns one. */
function Weakest({ overview, onNotice }: { overview: Overview; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const [assign, setAssign] = useState<string | null>(null);
  const manage = overview.can.manage;
  return (
    <Panel title={t('competences.weakest.title')} id="h-weakest">
      {overview.weakest.length === 0 ? (
        <p>{t('competences.weakest.none', { threshold: overview.threshold })}</p>
      ) : (
        <ol>
          {overview.weakest.map((w) => (
            <li key={w.code}>
              <strong>
                {w.code} {w.name}
              </strong>{' '}
              – {t('competences.weakest.mean', { mean: fmtNumber(w.mean, 1) })}
              {w.trainings.length === 0 ? (
                <p className="muted">{t('competences.weakest.noTraining')}</p>
              ) : (
                <ul>
                  {w.trainings.map((x) => (
                    <li key={x.id}>
                      {x.title} ({x.provider}){' '}
                      {manage && (
                        <Button
                          small
                          variant="secondary"
                          aria-label={t('competences.weakest.assignTraining', { title: x.title })}
                          onPress={() => setAssign(x.id)}
                        >
                          {t('competences.weakest.assign')}
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      <FormDialog isOpen={assign !== null} title={t('competences.plan.assignTitle')} onClose={() => setAssign(null)}>
        {assign && (
          <AssignForm
            trainingId={assign}
            onDone={(n) => {
              onNotice(n);
              setAssign(null);
            }}
          />
        )}
      </FormDialog>
    </Panel>
  );
}

/** The anonymous overview: heatmap, per-competence figures and the weakest competences with suggestions. */
export function CompetenceOverview({ onNotice }: { onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const overview = useQuery(overviewQuery);
  if (!overview.data) return <Pending query={overview} />;
  const o = overview.data;
  const columns: Column<CompetenceRow>[] = [
    { header: t('competences.overview.competence'), rowHeader: true, cell: (c) => `${c.code} ${c.name}` },
    { header: t('competences.overview.mean'), numeric: true, cell: (c) => fmtNumber(c.mean, 1) },
    { header: t('competences.overview.shareBelow'), numeric: true, cell: (c) => fmtPercent(c.shareBelow, 0) },
    { header: t('competences.overview.targetMean'), numeric: true, cell: (c) => fmtNumber(c.targetMean, 1) },
  ];
  return (
    <>
      <Panel title={t('competences.overview.title')} id="h-overview">
        <p>{t('competences.overview.anonymity', { threshold: o.threshold })}</p>
        {o.assessed === null ? (
          <Alert kind="info">{t('competences.overview.tooFew', { threshold: o.threshold })}</Alert>
        ) : (
          <p>{t('competences.overview.assessed', { count: o.assessed })}</p>
        )}
        <Heatmap overview={o} />
      </Panel>
      <Weakest overview={o} onNotice={onNotice} />
      <Panel title={t('competences.overview.perCompetence')}>
        <DataTable
          label={t('competences.overview.perCompetence')}
          columns={columns}
          rows={o.competences}
          rowKey={(c) => c.code}
          empty={t('competences.overview.noCompetences')}
        />
      </Panel>
    </>
  );
}
