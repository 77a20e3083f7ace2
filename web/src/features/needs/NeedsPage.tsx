import type { needList, needSimilar } from '@dz/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { Empty, Page, Pending } from '../../components/Page';
import { Pager } from '../../components/Pager';
import { TableWrap } from '../../components/TableWrap';
import { api } from '../../lib/api';
import { fieldMessages } from '../../lib/errors';
import { fmtDate } from '../../lib/format';
import { NeedFields, SOURCES, STATUSES } from './NeedFields';

/** Existing needs that match what is being typed (debounced), so duplicates are noticed before saving. */
export function SimilarNeeds({ text, exclude }: { text: string; exclude?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(text);
  useEffect(() => {
    const id = setTimeout(() => setQ(text), 300);
    return () => clearTimeout(id);
  }, [text]);
  const r = useQuery({
    queryKey: ['needs-similar', q, exclude],
    queryFn: () =>
      api<z.infer<typeof needSimilar>>(
        `/needs/similar?q=${encodeURIComponent(q)}${exclude ? `&exclude=${exclude}` : ''}`,
      ),
    enabled: q.trim().length >= 3,
  });
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
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState({
    title: actionText ?? '',
    description: '',
    service: '',
    departmentId: '',
    urgency: 'medium',
    source: actionId ? 'workshop' : 'department',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (form.title.trim().length < 3) return setErrors({ title: t('needs.titleMissing') });
    try {
      const res = await api<{ id: string }>('/needs', {
        method: 'POST',
        body: { ...form, departmentId: form.departmentId || null, workshopActionId: actionId ?? null },
      });
      await qc.invalidateQueries({ queryKey: ['needs'] });
      navigate(`/bedarfe/${res.id}`);
    } catch (err) {
      setErrors(fieldMessages(err, t));
    }
  }
  return (
    <section className="panel" aria-labelledby="h-new-need">
      <h2 id="h-new-need">{t('needs.create')}</h2>
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
              onChange={(v) => setForm({ ...form, source: v })}
              options={SOURCES.filter((s) => s !== 'workshop').map((s) => ({
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
    </section>
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
  const list = useQuery({ queryKey: ['needs', qs], queryFn: () => api<z.infer<typeof needList>>(`/needs?${qs}`) });
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
            ...[...STATUSES, 'merged'].map((s) => ({ value: s, label: t(`needs.status.${s}`) })),
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
          <TableWrap label={t('needs.title')}>
            <table className="data">
              <caption>{t('needs.count', { count: list.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('needs.titleLabel')}</th>
                  <th scope="col">{t('needs.service')}</th>
                  <th scope="col">{t('needs.department')}</th>
                  <th scope="col">{t('needs.urgency')}</th>
                  <th scope="col">{t('needs.source')}</th>
                  <th scope="col">{t('needs.statusLabel')}</th>
                  <th scope="col">{t('needs.createdAt')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((n) => (
                  <tr key={n.id}>
                    <td>
                      <Link to={`/bedarfe/${n.id}`}>{n.title}</Link>
                    </td>
                    <td>{n.service || '–'}</td>
                    <td>{n.department ?? '–'}</td>
                    <td>{t(`needs.urgencies.${n.urgency}`)}</td>
                    <td>{t(`needs.sources.${n.source}`)}</td>
                    <td>{t(`needs.status.${n.status}`)}</td>
                    <td>{fmtDate(n.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
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
