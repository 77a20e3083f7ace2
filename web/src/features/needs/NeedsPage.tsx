import { NEED_SOURCES, NEED_STATUSES, needCreate } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { Empty, Page, Pending } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { Panel } from '../../components/Panel';
import { fieldMessages } from '../../lib/errors';
import { fmtDate } from '../../lib/format';
import { validate } from '../../lib/validate';
import { NeedFields } from './NeedFields';
import { type NeedCreate, needListQuery, similarNeedsQuery, useCreateNeed } from './queries';

/** Existing needs that match what is being typed (debounced), so duplicates are noticed before saving. */
export function SimilarNeeds({ text, exclude }: { text: string; exclude?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(text);
  useEffect(() => {
    const id = setTimeout(() => setQ(text), 300);
    return () => clearTimeout(id);
  }, [text]);
  const r = useQuery({ ...similarNeedsQuery(q, exclude), enabled: q.trim().length >= 3 });
  const items = r.data?.items ?? [];
  return (
    <div aria-live="polite" className="similar">
      {items.length > 0 && (
        <>
          <p className="hint">{t('needs.similarHint', { count: items.length })}</p>
          <ul>
            {items.map((n) => (
              <li key={n.id}>
                <Link to={`/bedarfe/${n.id}`}>{n.title}</Link> ({t(`needs.status.${n.status}`)})
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function CreateNeed({
  onCancel,
  actionId,
  actionText,
}: {
  onCancel: () => void;
  actionId?: string;
  actionText?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateNeed();
  const [form, setForm] = useState<Required<Omit<NeedCreate, 'workshopActionId'>>>({
    title: actionText ?? '',
    description: '',
    service: '',
    departmentId: null,
    urgency: 'medium',
    source: actionId ? 'workshop' : 'department',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const body = { ...form, workshopActionId: actionId ?? null };
    const invalid = validate(needCreate, body, t);
    if (Object.keys(invalid).length) return setErrors(invalid);
    try {
      const res = await create.mutateAsync(body);
      navigate(`/bedarfe/${res.id}`);
    } catch (err) {
      setErrors(fieldMessages(err, t));
    }
  }
  return (
    <Panel id="h-new-need" title={t('needs.create')}>
      <ErrorSummary errors={errors} labels={{ title: t('needs.titleLabel'), departmentId: t('needs.department') }} />
      <form onSubmit={submit} noValidate>
        <NeedFields
          form={form}
          onChange={setForm}
          errors={errors}
          afterTitle={<SimilarNeeds text={`${form.title} ${form.service}`} />}
        >
          {!actionId && (
            <SelectField
              name="source"
              label={t('needs.source')}
              value={form.source}
              onChange={(v) => setForm({ ...form, source: v as typeof form.source })}
              options={NEED_SOURCES.filter((s) => s !== 'workshop').map((s) => ({
                value: s,
                label: t(`needs.sources.${s}`),
              }))}
            />
          )}
        </NeedFields>
        <div className="btn-row">
          <Button type="submit">{t('needs.createSubmit')}</Button>
          <Button variant="secondary" onPress={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}

export function NeedsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [term, setTerm] = useState(params.get('q') ?? '');
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? 1);
  const actionId = params.get('aktion') ?? undefined;
  const [create, setCreate] = useState(Boolean(actionId));
  const qs = new URLSearchParams({ ...(q ? { q } : {}), ...(status ? { status } : {}), page: String(page) }).toString();
  const list = useQuery(needListQuery(qs));
  const set = (next: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? p.set(k, v) : p.delete(k);
    if (!('page' in next)) p.delete('page');
    setParams(p);
  };
  return (
    <Page
      title={t('needs.title')}
      crumbs={[{ to: '/', label: t('nav.start') }]}
      actions={
        list.data?.can.create && !create ? (
          <Button onPress={() => setCreate(true)}>{t('needs.create')}</Button>
        ) : undefined
      }
    >
      <p>{t('needs.intro')}</p>
      {create && (
        <CreateNeed
          onCancel={() => setCreate(false)}
          actionId={actionId}
          actionText={params.get('text') ?? undefined}
        />
      )}
      <form
        className="filters panel"
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: term.trim() });
        }}
      >
        <TextField name="q" label={t('needs.search')} hint={t('needs.searchHint')} value={term} onChange={setTerm} />
        <SelectField
          name="status"
          label={t('needs.statusLabel')}
          value={status}
          onChange={(v) => set({ status: v })}
          options={[
            { value: '', label: t('needs.allOpen') },
            ...NEED_STATUSES.map((s) => ({ value: s, label: t(`needs.status.${s}`) })),
          ]}
        />
        <Button type="submit">{t('common.search')}</Button>
      </form>
      {!list.data ? (
        <Pending query={list} />
      ) : list.data.items.length === 0 ? (
        <Empty>{q || status ? t('needs.noResults') : t('needs.empty')}</Empty>
      ) : (
        <>
          <DataTable
            label={t('needs.title')}
            caption={t('needs.count', { count: list.data.total })}
            rows={list.data.items}
            rowKey={(n) => n.id}
            empty={t('needs.empty')}
            columns={[
              { header: t('needs.titleLabel'), cell: (n) => <Link to={`/bedarfe/${n.id}`}>{n.title}</Link> },
              { header: t('needs.service'), cell: (n) => n.service || '–' },
              { header: t('needs.department'), cell: (n) => n.department ?? '–' },
              { header: t('needs.urgency'), cell: (n) => t(`needs.urgencies.${n.urgency}`) },
              { header: t('needs.source'), cell: (n) => t(`needs.sources.${n.source}`) },
              { header: t('needs.statusLabel'), cell: (n) => t(`needs.status.${n.status}`) },
              { header: t('needs.createdAt'), cell: (n) => fmtDate(n.createdAt) },
            ]}
          />
          <Pager
            page={page}
            pages={Math.max(1, Math.ceil(list.data.total / list.data.pageSize))}
            onPage={(p) => set({ page: String(p) })}
          />
        </>
      )}
    </Page>
  );
}
