import { GUIDE_KINDS, GUIDE_MODULES, GUIDE_PHASES } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Empty, Page, Pending } from '../../components/Page';
import '../../i18n/guides';
import { fmtDate } from '../../lib/format';
import './guides.css';
import { type GuideList, guidesQuery } from './queries';

/** One guide in the list: title, kind, who curates it, summary, areas. */
function GuideCard({ g }: { g: GuideList['items'][number] }) {
  const { t } = useTranslation();
  return (
    <li className="panel guide-card">
      <p className="guide-kicker">
        <span className={`badge kind-${g.kind}`}>{t(`guides.kinds.${g.kind}`)}</span>{' '}
        {g.network && <span className="badge network">{t('guides.network', { name: g.network })}</span>}
      </p>
      <h2>
        <Link to={`/hilfen/${g.id}`}>{g.title}</Link>
      </h2>
      {g.summary && <p>{g.summary}</p>}
      <p className="hint">
        {g.modules.map((m) => t(`guides.modules.${m}`)).join(' · ')}
        {g.kind === 'checklist' && ` · ${t('guides.items', { count: g.itemCount })}`}
        {g.files.length > 0 && ` · ${t('guides.files', { count: g.files.length })}`}
        {` · ${t('guides.updated')} ${fmtDate(g.updatedAt)}`}
      </p>
    </li>
  );
}

/**
 * „Hilfen“: the method library with German full-text search and filters by area, phase and kind — all in the
 * address (`?q=…&modul=…&phase=…&art=…`), so „Hilfe zu dieser Seite“ links straight to a module's guides.
 */
export function GuidesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const module = params.get('modul') ?? '';
  const phase = params.get('phase') ?? '';
  const kind = params.get('art') ?? '';
  const [term, setTerm] = useState(q);
  useEffect(() => setTerm(q), [q]);
  const list = useQuery(guidesQuery({ q, module, phase, kind }));
  const set = (next: Record<string, string>) => {
    const merged = { q, modul: module, phase, art: kind, ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)));
  };
  const filtered = Boolean(q || module || phase || kind);
  const canWrite = list.data && (list.data.platform || list.data.curates.length > 0);
  return (
    <Page
      title={t('guides.title')}
      crumbs={[{ to: '/', label: t('nav.start') }]}
      actions={
        canWrite ? (
          <Link className="btn" to="/hilfen/neu">
            {t('guides.new')}
          </Link>
        ) : undefined
      }
    >
      <p>{t('guides.intro')}</p>
      <form
        className="filters panel"
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: term.trim() });
        }}
      >
        <TextField
          name="q"
          type="search"
          label={t('guides.search')}
          hint={t('guides.searchHint')}
          value={term}
          onChange={setTerm}
        />
        <Button type="submit">{t('guides.searchButton')}</Button>
        <SelectField
          name="modul"
          label={t('guides.module')}
          value={module}
          onChange={(v) => set({ modul: v })}
          options={[
            { value: '', label: t('guides.all') },
            ...GUIDE_MODULES.map((m) => ({ value: m, label: t(`guides.modules.${m}`) })),
          ]}
        />
        <SelectField
          name="phase"
          label={t('guides.phase')}
          value={phase}
          onChange={(v) => set({ phase: v })}
          options={[
            { value: '', label: t('guides.all') },
            ...GUIDE_PHASES.map((p) => ({ value: p, label: t(`guides.phases.${p}`) })),
          ]}
        />
        <SelectField
          name="art"
          label={t('guides.kind')}
          value={kind}
          onChange={(v) => set({ art: v })}
          options={[
            { value: '', label: t('guides.all') },
            ...GUIDE_KINDS.map((k) => ({ value: k, label: t(`guides.kinds.${k}`) })),
          ]}
        />
        {filtered && (
          <Button variant="secondary" onPress={() => setParams({})}>
            {t('guides.resetFilters')}
          </Button>
        )}
      </form>
      {!list.data ? (
        <Pending query={list} />
      ) : (
        <>
          <p aria-live="polite" className="guide-count">
            {list.data.searched ? `${t('guides.searchedFor', { q: list.data.searched })}: ` : ''}
            {t('guides.results', { count: list.data.items.length })}
            {list.data.alsoSearched.length > 0 &&
              ` ${t('guides.alsoSearched', { words: list.data.alsoSearched.join(', ') })}`}
          </p>
          {list.data.items.length === 0 ? (
            <Empty>{filtered ? t('guides.empty') : t('guides.emptyAll')}</Empty>
          ) : (
            <ul className="guide-cards">
              {list.data.items.map((g) => (
                <GuideCard key={g.id} g={g} />
              ))}
            </ul>
          )}
        </>
      )}
    </Page>
  );
}
