import { type adoptionPreview, scaleEstimate } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Page, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { api } from '../../lib/api';
import { fieldMessages } from '../../lib/errors';
import { fmtEuro, fmtNumber, parseGermanNumber, todayIso } from '../../lib/format';

type Preview = z.infer<typeof adoptionPreview>;
const PARTS = ['milestones', 'tasks', 'costs', 'risks'] as const;

/** "Übernehmen": the template with costs scaled by population, factors editable per line before saving. */
export function AdoptPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['adoption', id], queryFn: () => api<Preview>(`/exchange/${id}/adoption`) });
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState(todayIso());
  const [factors, setFactors] = useState<string[]>([]);
  const [parts, setParts] = useState<Record<(typeof PARTS)[number], boolean>>({
    milestones: true,
    tasks: true,
    costs: true,
    risks: true,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!q.data) return;
    setTitle(q.data.title);
    setFactors(q.data.template.costs.map(() => fmtNumber(q.data.factor, 2)));
  }, [q.data]);
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: '/austausch/projekte', label: t('exchange.title') },
    { to: `/austausch/projekte/${id}`, label: q.data?.title ?? t('exchange.entry') },
  ];
  if (q.error)
    return (
      <Page title={t('exchange.adoptTitle')} crumbs={crumbs.slice(0, 2)}>
        <Pending query={q} preferField />
      </Page>
    );
  if (!q.data)
    return (
      <Page title={t('exchange.adoptTitle')} crumbs={crumbs.slice(0, 2)}>
        <Pending query={q} />
      </Page>
    );
  const p = q.data;
  const parsed = factors.map((f) => parseGermanNumber(f));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (title.trim().length < 3) errs.title = t('exchange.titleMissing');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startsOn)) errs.startsOn = t('errors.invalid_format');
    parsed.forEach((f, i) => {
      if (f === null || Number.isNaN(f) || f < 0 || f > 100) errs[`factor${i}`] = t('exchange.factorInvalid');
    });
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const res = await api<{ id: string }>(`/exchange/${id}/adoption`, {
        method: 'POST',
        body: { title, startsOn, factors: parts.costs ? parsed : [], ...parts },
      });
      navigate(`/projekte/${res.id}`, { state: { adopted: true } });
    } catch (err) {
      setErrors(fieldMessages(err, t));
      setBusy(false);
    }
  }
  return (
    <Page title={t('exchange.adoptTitle')} crumbs={crumbs}>
      <p>
        {t('exchange.adoptIntro', {
          source: p.source.municipality,
          theirs: fmtNumber(p.source.population),
          mine: fmtNumber(p.ownPopulation),
          factor: fmtNumber(p.factor, 2),
        })}
      </p>
      <ErrorSummary
        errors={errors}
        labels={{
          title: t('exchange.newTitle'),
          startsOn: t('exchange.startsOn'),
          ...Object.fromEntries(
            p.template.costs.map((c, i) => [`factor${i}`, t('exchange.factorFor', { line: c.label })]),
          ),
        }}
      />
      <form onSubmit={submit} noValidate className="panel">
        <TextField
          name="title"
          label={t('exchange.newTitle')}
          value={title}
          onChange={setTitle}
          error={errors.title}
          required
        />
        <TextField
          name="startsOn"
          type="date"
          label={t('exchange.startsOn')}
          hint={t('exchange.startsOnHint')}
          value={startsOn}
          onChange={setStartsOn}
          error={errors.startsOn}
          required
        />
        <fieldset className="field checkbox-group">
          <legend>{t('exchange.adoptParts')}</legend>
          <div className="checkbox-list">
            {PARTS.map((k) => (
              <label key={k} className="choice">
                <input
                  type="checkbox"
                  name={k}
                  checked={parts[k]}
                  onChange={(e) => setParts({ ...parts, [k]: e.target.checked })}
                />{' '}
                {t(`exchange.parts.${k}`, { count: p.template[k].length })}
              </label>
            ))}
          </div>
        </fieldset>
        {parts.costs && p.template.costs.length > 0 && (
          <TableWrap label={t('exchange.scaledCosts')}>
            <table className="data numbers">
              <caption>{t('exchange.scaledCosts')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('exchange.costLine')}</th>
                  <th scope="col">{t('exchange.original')}</th>
                  <th scope="col">{t('exchange.factor')}</th>
                  <th scope="col">{t('exchange.scaled')}</th>
                </tr>
              </thead>
              <tbody>
                {p.template.costs.map((c, i) => {
                  const f = parsed[i];
                  const ok = f !== null && f !== undefined && !Number.isNaN(f);
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: template rows have no ids and never reorder
                    <tr key={`${c.label}-${i}`}>
                      <th scope="row">{c.label}</th>
                      <td>{fmtEuro(c.likely)}</td>
                      <td>
                        <input
                          aria-label={t('exchange.factorFor', { line: c.label })}
                          name={`factor${i}`}
                          inputMode="decimal"
                          size={6}
                          value={factors[i] ?? ''}
                          aria-invalid={errors[`factor${i}`] ? true : undefined}
                          onChange={(e) => setFactors(factors.map((x, k) => (k === i ? e.target.value : x)))}
                        />
                      </td>
                      <td>{ok ? fmtEuro(scaleEstimate(c, f).likely) : '–'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
        <div className="btn-row">
          <Button type="submit" isDisabled={busy}>
            {t('exchange.adoptSubmit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
