import { previousQuarter, quarterOf, quarterRange } from '@dz/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/Field';
import { Panel } from '../../components/Panel';

/** The quarterly progress report for the council as a PDF: this quarter or one of the last four. */
export function ProgressReport() {
  const { t } = useTranslation();
  const current = quarterOf(new Date()).key;
  const quarters = [current];
  for (let i = 0; i < 4; i++) quarters.push(previousQuarter(quarters.at(-1)!));
  const [quarter, setQuarter] = useState(current);
  return (
    <Panel id="h-progress-report" title={t('communication.report.title')}>
      <p>{t('communication.report.intro')}</p>
      <div className="filters">
        <SelectField
          name="report-quarter"
          label={t('communication.report.quarter')}
          value={quarter}
          onChange={setQuarter}
          options={quarters.map((q) => ({ value: q, label: quarterRange(q).label }))}
        />
        <a className="btn secondary" href={`/api/v1/communication/progress-report?quarter=${quarter}`} download>
          {t('communication.report.download', { quarter: quarterRange(quarter).label })}
        </a>
      </div>
    </Panel>
  );
}
