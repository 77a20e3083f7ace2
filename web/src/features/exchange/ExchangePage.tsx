import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Empty, Page, Pending } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { fmtEuro } from '../../lib/format';
import { exchangeListQuery } from './queries';

const FACETS = ['sizeClass', 'land', 'kreis', 'field', 'stage'] as const;

/** The project exchange: German full-text search with filters and facet counts. */
export function ExchangePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [term, setTerm] = useState(params.get('q') ?? '');
  const [costMin, setCostMin] = useState(params.get('costMin') ?? '');
  const [costMax, setCostMax] = useState(params.get('costMax') ?? '');
  const page = Number(params.get('page') ?? 1);
  const qs = params.toString();
  const list = useQuery(exchangeListQuery(qs));
  const set = (next: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? p.set(k, v) : p.delete(k);
    if (!('page' in next)) p.delete('page');
    setParams(p);
  };
  const similar = params.get('mode') === 'similar';
  const facetLabel = (f: (typeof FACETS)[number], label: string) =>
    f === 'stage' ? t(`exchange.stages.${label}`) : label;
  return (
    <Page title={t('exchange.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p>{t('exchange.intro')}</p>
      <form
        className="filters panel"
        aria-label={t('exchange.searchForm')}
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: term.trim(), mode: '', costMin: costMin.trim(), costMax: costMax.trim() });
        }}
      >
        <TextField
          name="q"
          label={t('exchange.search')}
          hint={t('exchange.searchHint')}
          value={term}
          onChange={setTerm}
        />
        <TextField
          name="costMin"
          label={t('exchange.costMin')}
          inputMode="numeric"
          value={costMin}
          onChange={setCostMin}
        />
        <TextField
          name="costMax"
          label={t('exchange.costMax')}
          inputMode="numeric"
          value={costMax}
          onChange={setCostMax}
        />
        <Button type="submit">{t('common.search')}</Button>
        <Button
          variant="secondary"
          onPress={() => {
            setTerm('');
            setParams(new URLSearchParams(similar ? {} : { mode: 'similar' }));
          }}
        >
          {similar ? t('exchange.allEntries') : t('exchange.similarMode')}
        </Button>
      </form>
      {list.data && (
        <fieldset className="filters panel">
          <legend className="visually-hidden">{t('exchange.facets')}</legend>
          {FACETS.map((f) => (
            <SelectField
              key={f}
              name={f}
              label={t(`exchange.facet.${f}`)}
              value={params.get(f === 'land' ? 'land' : f) ?? ''}
              onChange={(v) => set({ [f]: v })}
              options={[
                { value: '', label: t('common.all') },
                ...list.data.facets[f].map((o) => ({
                  value: o.value,
                  label: `${facetLabel(f, o.label)} (${o.count})`,
                })),
              ]}
            />
          ))}
          <label className="choice">
            <input
              type="checkbox"
              name="lighthouse"
              checked={params.get('lighthouse') === 'true'}
              onChange={(e) => set({ lighthouse: e.target.checked ? 'true' : '' })}
            />{' '}
            {t('exchange.onlyLighthouse')}
          </label>
        </fieldset>
      )}
      <div aria-live="polite">
        {!list.data ? (
          <Pending query={list} />
        ) : (
          <>
            <p>
              {similar && list.data.searched
                ? t('exchange.similarFound', { count: list.data.total })
                : t('exchange.found', { count: list.data.total })}
            </p>
            {similar && !list.data.searched && <Empty>{t('exchange.noNeeds')}</Empty>}
            {list.data.items.length === 0 ? (
              <Empty>{t('exchange.empty')}</Empty>
            ) : (
              <ul className="card-grid" style={{ listStyle: 'none', padding: 0 }}>
                {list.data.items.map((x) => (
                  <li key={x.id} className="card">
                    <h2 style={{ fontSize: 'var(--fs-lg, 1.15rem)', marginTop: 0 }}>
                      <Link to={`/austausch/projekte/${x.id}`}>{x.title}</Link>
                    </h2>
                    <p className="kicker">
                      {x.municipality} · GK {x.sizeClass} · {x.kreis ?? '–'} · {x.land}
                    </p>
                    {x.lighthouse && <span className="badge">{t('exchange.lighthouse')}</span>}{' '}
                    {x.own && <span className="badge">{t('exchange.own')}</span>}
                    <p>{x.snippet}</p>
                    <p className="muted">
                      {t(`exchange.stages.${x.stage}`)} · {t('exchange.tco')}: {fmtEuro(x.tcoCents, true)}
                      {x.fieldOfAction && ` · ${x.fieldOfAction}`}
                      {x.reuses > 0 && ` · ${t('exchange.reusedTimes', { count: x.reuses })}`}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {list.data.total > list.data.pageSize && (
              <Pager
                page={page}
                pages={Math.ceil(list.data.total / list.data.pageSize)}
                onPage={(p) => set({ page: String(p) })}
              />
            )}
          </>
        )}
      </div>
    </Page>
  );
}
