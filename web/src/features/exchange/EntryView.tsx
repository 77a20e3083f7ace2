import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../components/TableWrap';
import { fmtDate, fmtEuro, fmtNumber } from '../../lib/format';
import type { Entry } from './queries';

/** Long free text with its line breaks kept. */
function Text({ label, value }: { label: string; value: string }) {
  if (!value.trim()) return null;
  return (
    <>
      <h3>{label}</h3>
      <p style={{ whiteSpace: 'pre-line' }}>{value}</p>
    </>
  );
}

/**
 * One published project as other municipalities see it — the same component renders the publishing
 * preview, so what is previewed is exactly what becomes visible.
 */
export function EntryView({
  e,
  documentHref,
  titled = true,
}: {
  e: Entry;
  documentHref?: (fileId: string) => string;
  /** The entry's title as a heading (the preview); the entry page has it as its h1 already. */
  titled?: boolean;
}) {
  const { t } = useTranslation();
  const m = e.municipality;
  return (
    <article className="panel" aria-label={e.title}>
      <p className="kicker">
        {m.name} · <span className="badge gk">GK {m.sizeClass}</span> · {m.kreis ?? '–'} · {m.land}
      </p>
      {titled && <h2>{e.title}</h2>}
      {e.lighthouse.length > 0 && (
        <p>
          <span className="badge">{t('exchange.lighthouse')}</span> {e.lighthouse.map((l) => l.network).join(', ')}
        </p>
      )}
      <ul className="card-grid summary-cards">
        <li className="card">
          {t('exchange.stageLabel')} <strong>{t(`exchange.stages.${e.stage}`)}</strong>
        </li>
        <li className="card">
          {t('exchange.tco')} <strong>{fmtEuro(e.tcoCents, true)}</strong>
        </li>
        <li className="card">
          {t('exchange.effort')}{' '}
          <strong>{e.effortHours === null ? '–' : t('exchange.hours', { n: fmtNumber(e.effortHours) })}</strong>
        </li>
        <li className="card">
          {t('exchange.durationLabel')}{' '}
          <strong>{e.durationMonths === null ? '–' : t('exchange.months', { count: e.durationMonths })}</strong>
        </li>
      </ul>
      {e.fieldOfAction && (
        <p>
          {t('exchange.field')}: {e.fieldOfAction}
        </p>
      )}
      <Text label={t('exchange.problem')} value={e.problem} />
      <Text label={t('exchange.solution')} value={e.solution} />
      <Text label={t('exchange.results')} value={e.results} />
      <Text label={t('exchange.lessons')} value={e.lessons} />
      <Text label={t('exchange.products')} value={e.products} />
      <h3>{t('exchange.contact')}</h3>
      <p>
        {e.contactRole} ({m.name}) — {t('exchange.contactHint')}
      </p>
      {e.documents.length > 0 && (
        <>
          <h3>{t('exchange.documents')}</h3>
          <ul className="file-list">
            {e.documents.map((d) => (
              <li key={d.id}>
                {documentHref ? <a href={documentHref(d.id)}>{d.name}</a> : d.name} (
                {fmtNumber(Math.ceil(d.size / 1024))} KB)
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('exchange.template')}</h3>
      <p className="hint">{t('exchange.templateHint')}</p>
      {e.template.milestones.length > 0 && (
        <TableWrap label={t('exchange.milestones')}>
          <table className="data">
            <caption>{t('exchange.milestones')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exchange.milestone')}</th>
                <th scope="col">{t('exchange.afterDays')}</th>
              </tr>
            </thead>
            <tbody>
              {e.template.milestones.map((x, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: template rows have no ids and never reorder
                <tr key={`${x.title}-${i}`}>
                  <td>{x.title}</td>
                  <td>{t('exchange.days', { count: x.offsetDays })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {e.template.tasks.length > 0 && (
        <>
          <h4>{t('exchange.tasks')}</h4>
          <ul>
            {e.template.tasks.map((x, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: template rows have no ids and never reorder
              <li key={`${x.title}-${i}`}>{x.title}</li>
            ))}
          </ul>
        </>
      )}
      {e.template.processes.length > 0 && (
        <>
          <h4>{t('exchange.processModels')}</h4>
          <p className="muted">{t('exchange.processModelsEntryHint')}</p>
          <ul>
            {e.template.processes.map((x, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: template rows have no ids and never reorder
              <li key={`${x.name}-${i}`}>
                {t('exchange.processModelOption', {
                  service: x.service,
                  name: x.name,
                  kind: t(`processes.models.kinds.${x.kind}`),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {e.template.costs.length > 0 && (
        <TableWrap label={t('exchange.costs')}>
          <table className="data numbers">
            <caption>{t('exchange.costs')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exchange.costLine')}</th>
                <th scope="col">{t('exchange.category')}</th>
                <th scope="col">{t('exchange.year')}</th>
                <th scope="col">{t('exchange.likely')}</th>
              </tr>
            </thead>
            <tbody>
              {e.template.costs.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: template rows have no ids and never reorder
                <tr key={`${c.label}-${i}`}>
                  <th scope="row">{c.label}</th>
                  <td>{t(`finance.categories.${c.category}`)}</td>
                  <td>{c.kind === 'recurring' ? t('exchange.yearlyFrom', { n: c.year + 1 }) : c.year + 1}</td>
                  <td>{fmtEuro(c.likely)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {e.template.risks.length > 0 && (
        <>
          <h4>{t('exchange.risks')}</h4>
          <ul>
            {e.template.risks.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: template rows have no ids and never reorder
              <li key={`${r.title}-${i}`}>
                {r.title} ({t(`finance.risks.categories.${r.category}`)}, {r.probability} %)
                {r.mitigation && ` — ${r.mitigation}`}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">
        {e.visibility === 'all'
          ? t('exchange.visibleAll')
          : t('exchange.visibleNetworks', { names: e.networks.map((n) => n.name).join(', ') })}{' '}
        · {t('exchange.publishedAt', { date: fmtDate(e.publishedAt) })}
      </p>
    </article>
  );
}
