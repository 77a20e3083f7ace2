import { PREFILL_SOURCE_NAMES } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { type Column, DataTable } from '../../components/DataTable';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { fmtDate } from '../../lib/format';
import { LEVELS, levelText } from './levels';
import './maturity.css';
import { ModelEditor } from './ModelEditor';
import { type MaturityModel, type ModelDimension, maturityModelQuery } from './queries';
import '../../i18n/maturity';

type Version = MaturityModel['versions'][number];

/** "Was bedeuten die Stufen?": the five levels in general words. */
function LevelsExplained() {
  const { t } = useTranslation();
  return (
    <Panel title={t('maturity.model.levelsTitle')} id="h-model-levels">
      <dl className="levels-explained">
        {LEVELS.map((l) => (
          <div key={l}>
            <dt>{levelText(t, l)}</dt>
            <dd>{t(`maturity.model.levelMeaning.${l}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="m-note">{t('maturity.levelRule')}</p>
    </Panel>
  );
}

/** One dimension: each criterion opens to its five level descriptions. */
function DimensionView({ d }: { d: ModelDimension }) {
  const { t } = useTranslation();
  return (
    <Panel title={d.name} id={`h-model-${d.key}`}>
      {d.criteria.map((c) => (
        <details key={c.key} className="model-criterion">
          <summary>
            {c.name}
            {c.prefill && (
              <span className="muted">
                {' '}
                {t('maturity.model.prefilledFrom', {
                  source: PREFILL_SOURCE_NAMES[c.prefill as keyof typeof PREFILL_SOURCE_NAMES] ?? c.prefill,
                })}
              </span>
            )}
          </summary>
          <ol className="level-list">
            {c.levels.map((text, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the five levels are fixed
              <li key={i}>
                <strong>{levelText(t, i + 1)}:</strong> {text}
              </li>
            ))}
          </ol>
        </details>
      ))}
    </Panel>
  );
}

function VersionsTable({ versions }: { versions: Version[] }) {
  const { t } = useTranslation();
  const columns: Column<Version>[] = [
    { header: t('maturity.model.version'), cell: (v) => v.version, rowHeader: true },
    { header: t('maturity.model.publishedAt'), cell: (v) => (v.publishedAt ? fmtDate(v.publishedAt) : '–') },
    { header: t('maturity.model.note'), cell: (v) => v.note },
  ];
  return (
    <DataTable
      label={t('maturity.model.versionsTitle')}
      columns={columns}
      rows={versions}
      rowKey={(v) => v.version}
      empty={t('maturity.model.noVersions')}
    />
  );
}

/**
 * `/reifegrad/modell`: the maturity model as it stands (dimensions, criteria, what each level means) with its
 * versions; the platform administration publishes a new version here.
 */
export function ModelPage() {
  const { t } = useTranslation();
  const session = useSession();
  const q = useQuery(maturityModelQuery());
  const [editing, setEditing] = useState(false);
  const [published, setPublished] = useState<string>();
  const m = q.data;
  // the platform administration works without a municipality: its way here is not the overview
  const crumbs = [
    { to: '/', label: t('nav.start') },
    ...(session.activeMunicipalityId ? [{ to: '/reifegrad', label: t('maturity.title') }] : []),
  ];
  return (
    <Page
      title={t('maturity.model.title')}
      crumbs={crumbs}
      actions={
        m?.can.edit &&
        !editing && (
          <Button
            variant="secondary"
            onPress={() => {
              setPublished(undefined);
              setEditing(true);
            }}
          >
            {t('maturity.model.edit')}
          </Button>
        )
      }
    >
      {!m ? (
        <Pending query={q} />
      ) : editing ? (
        <ModelEditor
          key={m.version}
          model={m}
          onDone={(version) => {
            setEditing(false);
            if (version) setPublished(version);
          }}
        />
      ) : (
        <>
          <p>{t('maturity.model.intro')}</p>
          {published && <Alert kind="success">{t('maturity.model.published', { version: published })}</Alert>}
          <p>
            {t('maturity.model.current', {
              version: m.version,
              date: m.publishedAt ? fmtDate(m.publishedAt) : '–',
            })}{' '}
            {m.note && <span className="muted">{m.note}</span>}
          </p>
          <LevelsExplained />
          {m.dimensions.map((d) => (
            <DimensionView key={d.key} d={d} />
          ))}
          <Panel title={t('maturity.model.versionsTitle')} id="h-model-versions">
            <VersionsTable versions={m.versions} />
          </Panel>
        </>
      )}
    </Page>
  );
}
