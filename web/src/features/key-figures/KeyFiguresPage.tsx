import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { Alert, Empty, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { errorMessage } from '../../lib/errors';
import { KeyFigureItem } from './KeyFigureItem';
import { type KeyFigureList, keyFiguresExportUrl, keyFiguresQuery, useComputeKeyFigures } from './queries';
import { fmtValue, useYear, YearSelect } from './ui';
import './key-figures.css';
import '../../i18n/maturity';

type Notice = { kind: 'success' | 'error'; text: string };

/** What the platform computes from the municipality's own data, taken over for the year in one step. */
function ComputePanel({ list, year, onNotice }: { list: KeyFigureList; year: number; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const compute = useComputeKeyFigures();
  // what taking over would change: entered values stay, computed ones that are still current need nothing
  const changes = list.figures.filter((f) => {
    const stored = f.values.find((v) => v.year === year);
    return f.suggestion && stored?.origin !== 'entered' && stored?.value !== f.suggestion.value;
  });
  if (changes.length === 0) return null;
  return (
    <Panel title={t('keyFigures.computeTitle')} id="h-kf-compute">
      <p>{t('keyFigures.computeIntro', { count: changes.length, year })}</p>
      <ul>
        {changes.map((f) => (
          <li key={f.id}>
            {f.name}: <strong>{fmtValue(f.suggestion!.value, f.decimals, f.unit)}</strong>
          </li>
        ))}
      </ul>
      <Button
        isDisabled={compute.isPending}
        onPress={async () => {
          try {
            await compute.mutateAsync(year);
            onNotice({ kind: 'success', text: t('keyFigures.computed', { year }) });
          } catch (err) {
            onNotice({ kind: 'error', text: errorMessage(err, t) });
          }
        }}
      >
        {t('keyFigures.computeButton')}
      </Button>
    </Panel>
  );
}

/** „Kennzahlen“ (`/reifegrad/kennzahlen`): the municipality's key figures per year, entered or computed. */
export function KeyFiguresPage() {
  const { t } = useTranslation();
  const [year, setYear, years] = useYear();
  const q = useQuery(keyFiguresQuery(year));
  const [notice, setNotice] = useState<Notice>();
  const d = q.data;
  const currentYear = years[0]!;
  return (
    <Page
      title={t('keyFigures.title')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: '/reifegrad', label: t('keyFigures.maturity') },
      ]}
    >
      <p>{t('keyFigures.pageIntro')}</p>
      <p>
        <Link to={year === currentYear ? '/reifegrad/vergleich' : `/reifegrad/vergleich?jahr=${year}`}>
          {t('keyFigures.toBenchmark')}
        </Link>
      </p>
      <div className="filters">
        <YearSelect
          year={year}
          years={years}
          onChange={(y) => {
            setYear(y);
            setNotice(undefined);
          }}
        />
        <a className="btn secondary" href={keyFiguresExportUrl('csv', year)} download>
          {t('keyFigures.exportCsv')}
        </a>
        <a className="btn secondary" href={keyFiguresExportUrl('xlsx', year)} download>
          {t('keyFigures.exportXlsx')}
        </a>
      </div>
      <div aria-live="polite">{notice && <Alert kind={notice.kind}>{notice.text}</Alert>}</div>
      {!d ? (
        <Pending query={q} />
      ) : (
        <>
          {!d.can.manage && <Alert kind="info">{t('keyFigures.readOnly')}</Alert>}
          {d.can.manage && year === currentYear && <ComputePanel list={d} year={year} onNotice={setNotice} />}
          {d.figures.length === 0 ? (
            <Empty>{t('keyFigures.empty')}</Empty>
          ) : (
            d.figures.map((f) => (
              <KeyFigureItem key={f.id} figure={f} year={year} currentYear={currentYear} manage={d.can.manage} />
            ))
          )}
        </>
      )}
    </Page>
  );
}
