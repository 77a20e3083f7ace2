import type { FirstStepKey } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { Checklist, type ChecklistItem } from '../../components/Checklist';
import { Alert } from '../../components/Page';
import { errorMessage } from '../../lib/errors';
import { firstStepsQuery, useDismissFirstSteps, type FirstStepsView as View } from './queries';

/** Where each step is done. */
function actionOf(key: FirstStepKey, v: View): string {
  switch (key) {
    case 'masterData':
      return '/kommune';
    case 'colleagues':
      return '/benutzer';
    case 'needs':
      return '/bedarfe';
    case 'targetPicture':
      return '/zielbild';
    case 'project':
      return '/projekte/neu';
    case 'councilPaper':
      return v.latestProjectId ? `/projekte/${v.latestProjectId}/finanzen` : '/projekte/neu';
    case 'network':
      return '/verbuende';
  }
}

/**
 * A new municipality's first steps on the start page: each ticks itself from the municipality's data and links to
 * where it is done. The person can hide the list (for this municipality) and show it again; focus follows.
 */
export function FirstSteps({ municipality }: { municipality: string }) {
  const { t } = useTranslation();
  // the start page loaded it a moment ago (DashboardPage): no second request when this section mounts
  const q = useQuery({ ...firstStepsQuery, refetchOnMount: false });
  const dismiss = useDismissFirstSteps();
  const [error, setError] = useState<string>();
  const moved = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const hiddenBox = useRef<HTMLElement>(null);
  const hidden = q.data?.dismissedAt != null;
  // after hiding or showing, focus goes to what took the list's place (never lost on the removed button)
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    (hidden ? hiddenBox.current?.querySelector('button') : heading.current)?.focus();
  }, [hidden]);
  if (!q.data?.forRole) return null;
  const v = q.data;

  async function setDismissed(dismissed: boolean) {
    try {
      setError(undefined);
      // set before the answer lands in the cache, so the effect that follows moves the focus
      moved.current = true;
      await dismiss.mutateAsync({ dismissed });
    } catch (err) {
      moved.current = false;
      setError(errorMessage(err, t));
    }
  }

  const done = v.steps.filter((s) => s.done).length;
  if (hidden)
    return (
      <section className="first-steps-hidden" aria-label={t('firstSteps.title')} ref={hiddenBox}>
        <p>{t('firstSteps.hiddenSummary', { done, total: v.steps.length })}</p>
        <Button variant="secondary" small onPress={() => void setDismissed(false)}>
          {t('firstSteps.show')}
        </Button>
        {error && <Alert kind="error">{error}</Alert>}
      </section>
    );

  const c = v.counts;
  const parts = v.missingMasterData.map((p) => t(`firstSteps.masterData.parts.${p}`)).join(', ');
  const detail: Record<FirstStepKey, string | undefined> = {
    masterData: parts ? t('firstSteps.masterData.missing', { parts }) : undefined,
    colleagues: `${t('firstSteps.colleagues.members', { count: c.members })} · ${t('firstSteps.colleagues.invitations', { count: c.openInvitations })}`,
    needs:
      c.needs + c.ideas > 0
        ? `${t('firstSteps.needs.needs', { count: c.needs })} · ${t('firstSteps.needs.ideas', { count: c.ideas })}`
        : undefined,
    targetPicture: c.goals > 0 ? t('firstSteps.targetPicture.goals', { count: c.goals }) : undefined,
    project: c.projects > 0 ? t('firstSteps.project.count', { count: c.projects }) : undefined,
    councilPaper:
      c.councilPapers > 0
        ? t('firstSteps.councilPaper.count', { count: c.councilPapers })
        : c.projects === 0
          ? t('firstSteps.councilPaper.needsProject')
          : undefined,
    network:
      c.networks > 0
        ? t('firstSteps.network.count', { count: c.networks })
        : c.networkInvitations > 0
          ? t('firstSteps.network.invited', { count: c.networkInvitations })
          : undefined,
  };
  const items: ChecklistItem[] = v.steps.map((s) => ({
    key: s.key,
    done: s.done,
    title: t(`firstSteps.${s.key}.title`),
    hint: t(`firstSteps.${s.key}.hint`),
    detail: detail[s.key],
    action: { to: actionOf(s.key, v), label: t(`firstSteps.${s.key}.action`) },
  }));
  return (
    <section className="panel steps" aria-labelledby="h-first-steps">
      {/* not a Panel: the heading takes the focus back when the list is shown again */}
      <h2 id="h-first-steps" ref={heading} tabIndex={-1}>
        {t('firstSteps.titleOf', { name: municipality })}
      </h2>
      {done === items.length ? <Alert kind="success">{t('firstSteps.allDone')}</Alert> : <p>{t('firstSteps.intro')}</p>}
      <Checklist id="first-steps" items={items} />
      <Button variant="secondary" small onPress={() => void setDismissed(true)}>
        {t('firstSteps.hide')}
      </Button>
      {error && <Alert kind="error">{error}</Alert>}
    </section>
  );
}
