import { isSuggestionTaken } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { Alert, Pending } from '../../components/Page';
import { errorMessage } from '../../lib/errors';
import { fmtEuro } from '../../lib/format';
import { risksQuery, type Suggestions, useAddRisk } from './queries';
import { RiskRegister } from './RiskRegister';

type Suggestion = Suggestions['risks'][number]['items'][number];

/**
 * Step 2 of the guided path: risk suggestions by category, each taken into the register with one click (the risks of
 * a comparable exchange project first); the register itself below, for own risks and changes.
 */
export function PaperRiskStep({ projectId, s }: { projectId: string; s: Suggestions }) {
  const { t } = useTranslation();
  const risks = useQuery(risksQuery(projectId));
  const addRisk = useAddRisk(projectId);
  const [msg, setMsg] = useState<{ kind: 'success' | 'error'; text: string }>();
  const [busy, setBusy] = useState('');
  if (!risks.data) return <Pending query={risks} />;
  const titles = risks.data.items.map((r) => r.title);
  async function accept(r: Suggestion) {
    setBusy(r.title);
    try {
      const { source: _source, ...risk } = r;
      await addRisk.mutateAsync(risk);
      setMsg({ kind: 'success', text: t('paperPath.accepted', { title: r.title }) });
    } catch (err) {
      setMsg({ kind: 'error', text: errorMessage(err, t, true) });
    } finally {
      setBusy('');
    }
  }
  const facts = (r: Suggestion) =>
    t(r.weeks ? 'paperPath.suggestionFacts' : 'paperPath.suggestionFactsNoDelay', {
      p: r.probability,
      likely: fmtEuro(r.costLikely, true),
      min: fmtEuro(r.costMin, true),
      max: fmtEuro(r.costMax, true),
      weeks: r.weeks,
    });
  return (
    <>
      <p>{t('paperPath.risksIntro')}</p>
      <div aria-live="polite">{msg && <Alert kind={msg.kind}>{msg.text}</Alert>}</div>
      <div className="suggestion-groups">
        {s.risks.map((g) => (
          <section key={g.category} className="suggestion-group" aria-labelledby={`h-suggest-${g.category}`}>
            <h3 id={`h-suggest-${g.category}`}>{t(`finance.risks.categories.${g.category}`)}</h3>
            <ul className="plain">
              {g.items.map((r) => (
                <li key={r.title} className="suggestion">
                  <strong>{r.title}</strong>
                  {r.source && (
                    <span className="muted"> ({t('paperPath.fromExchange', { municipality: r.source })})</span>
                  )}
                  <div className="muted">{facts(r)}</div>
                  {r.mitigation && (
                    <div className="muted">{t('finance.risks.mitigationShort', { text: r.mitigation })}</div>
                  )}
                  {isSuggestionTaken(r, titles) ? (
                    <span className="badge">{t('paperPath.taken')}</span>
                  ) : (
                    <Button
                      small
                      variant="secondary"
                      aria-label={t('paperPath.acceptLabel', { title: r.title })}
                      isDisabled={busy !== ''}
                      onPress={() => void accept(r)}
                    >
                      {t('paperPath.accept')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <RiskRegister projectId={projectId} />
    </>
  );
}
