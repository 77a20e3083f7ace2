import { adoptionInput, scaleEstimate } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { Page, Pending } from '../../components/Page';
import { TableWrap } from '../../components/TableWrap';
import { fieldKey } from '../../lib/api';
import { fieldErrorText, fieldMessages } from '../../lib/errors';
import { fmtEuro, fmtNumber, parseGermanNumber, todayIso } from '../../lib/format';
import { contractErrors } from '../../lib/validate';
import { type AdoptionInput, adoptionQuery, useAdopt } from './queries';

const PARTS = ['milestones', 'tasks', 'costs', 'risks', 'processes'] as const;

/** "Übernehmen": the template with costs scaled by population, factors editable per line before saving. */
export function AdoptPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useQuery(adoptionQuery(id));
  const adopt = useAdopt(id);
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState(todayIso());
  const [factors, setFactors] = useState<string[]>([]);
  const [parts, setParts] = useState<Record<(typeof PARTS)[number], boolean>>({
    milestones: true,
    tasks: true,
    costs: true,
    risks: true,
    processes: true,
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
  if (!q.data)
    return (
      <Page title={t('exchange.adoptTitle')} crumbs={crumbs.slice(0, 2)}>
        <Pending query={q} preferField />
      </Page>
    );
  const p = q.data;
  const parsed = factors.map((f) => parseGermanNumber(f));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    // a factor that is no number goes to the contract as NaN, which it refuses like one out of range
    const body: AdoptionInput = {
      title,
      startsOn,
      factors: parts.costs ? parsed.map((f) => f ?? Number.NaN) : [],
      ...parts,
    };
    const errs: Record<string, string> = {};
    for (const issue of contractErrors(adoptionInput, body)) {
      const row = /^body\.factors\.(\d+)$/.exec(issue.path)?.[1];
      if (row !== undefined) errs[`factor${row}`] ??= t('exchange.factorInvalid');
      else errs[fieldKey(issue.path)] ??= fieldErrorText(issue, t);
    }
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const res = await adopt.mutateAsync(body);
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
