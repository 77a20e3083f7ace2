import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LintFinding } from './ProcessModeler';
import type { Step } from './steps';

/** The server's bpmnlint findings: category in words, rule, message and a way to the element. */
export function LintFindings({
  findings,
  names,
  onGoTo,
}: {
  findings: LintFinding[];
  names: Map<string, Step> | undefined;
  onGoTo: (elementId: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = `dz-lint-${useId().replace(/:/g, '')}`;
  const errors = findings.filter((f) => f.category === 'error').length;
  return (
    <section className="dz-lint" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('processModeler.lint.title')}</h2>
      {findings.length === 0 ? (
        <p>{t('processModeler.lint.none')}</p>
      ) : (
        <>
          <p>{t('processModeler.lint.summary', { count: findings.length, errors })}</p>
          <ul className="dz-lint-list">
            {findings.map((f) => {
              const name = names?.get(f.elementId)?.name || f.elementId;
              return (
                <li key={`${f.elementId}|${f.rule}|${f.message}`} className={`dz-lint-item ${f.category}`}>
                  <span className={`dz-lint-category ${f.category}`}>
                    <span aria-hidden="true">{f.category === 'error' ? '✖' : f.category === 'warn' ? '▲' : 'ℹ'}</span>{' '}
                    {t(`processModeler.lint.category.${f.category}`)}
                  </span>{' '}
                  <span className="dz-lint-text">
                    {/* the rule in plain words; bpmnlint's English message only for rules we have no text for */}
                    {t(`processModeler.lint.rules.${f.rule}`, { defaultValue: f.message })}{' '}
                    <span className="dz-lint-rule">
                      {name !== f.elementId ? `„${name}“ · ` : ''}({f.rule})
                    </span>
                  </span>
                  <button
                    type="button"
                    className="btn secondary small"
                    onClick={() => onGoTo(f.elementId)}
                    aria-label={t('processModeler.lint.goTo', { name })}
                  >
                    {t('processModeler.lint.goToShort')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
