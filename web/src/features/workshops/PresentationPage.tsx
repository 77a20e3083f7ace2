import { ideaCreate } from '@dz/core';
import { localText } from '@dz/core/domain';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { TextArea, TextField } from '../../components/Field';
import { Alert, Pending } from '../../components/Page';
import { errorMessage } from '../../lib/errors';
import { validate } from '../../lib/validate';
import { resultsQuery, surveyQuery } from '../surveys/queries';
import { QuestionResult } from '../surveys/SurveyResultsPage';
import { useWorkshop, type Workshop } from './live';
import { useChangeWorkshop } from './queries';
import { ActionsSection, JoinInfo } from './WorkshopPage';

type Item = Workshop['items'][number];

function SectionResults({ surveyId, sectionId }: { surveyId: string; sectionId: string }) {
  const { t, i18n } = useTranslation();
  const s = useQuery(surveyQuery(surveyId));
  const r = useQuery(resultsQuery(surveyId, 'groupBy=none'));
  if (!s.data || !r.data) return <Pending queries={[s, r]} />;
  if (!r.data.released) return <p className="hint">{t('surveys.resultsAfterClose')}</p>;
  if (r.data.suppressed) return <p className="hint">{t('surveys.allSuppressed', { count: r.data.threshold })}</p>;
  const section = s.data.definition.sections.find((x) => x.id === sectionId);
  if (!section) return null;
  return (
    <div className="slide-results">
      <p className="hint">{t('surveys.evaluated', { count: r.data.responses, threshold: r.data.threshold })}</p>
      {section.questions.map((q) => {
        const st = r.data.groups[0]?.questions.find((x) => x.questionId === q.id);
        const caption = localText(q.text, i18n.language);
        return (
          <article key={q.id} className="result">
            <h3>{caption}</h3>
            {st && <QuestionResult q={q} st={st} caption={caption} />}
          </article>
        );
      })}
    </div>
  );
}

/**
 * The room's ideas with their dots, live. On wide screens a panel beside the slide that stays in view
 * while the results scroll; an idea that arrives is scrolled into the panel's view.
 */
function Ideas({ w, item, onError }: { w: Workshop; item: Item; onError: (m: string) => void }) {
  const { t } = useTranslation();
  const change = useChangeWorkshop(w.id);
  const [text, setText] = useState('');
  const panel = useRef<HTMLElement>(null);
  const seen = useRef<Set<string> | null>(null);
  const max = Math.max(1, ...item.ideas.map((i) => i.votes));
  const ids = item.ideas.map((i) => i.id).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the set of ideas changes
  useEffect(() => {
    const known = seen.current;
    seen.current = new Set(item.ideas.map((i) => i.id));
    const fresh = known && item.ideas.find((i) => !known.has(i.id));
    const li = fresh && panel.current?.querySelector<HTMLElement>(`[data-idea="${fresh.id}"]`);
    if (li && panel.current && panel.current.scrollHeight > panel.current.clientHeight)
      panel.current.scrollTop = li.offsetTop - panel.current.clientHeight / 2;
  }, [ids]);
  return (
    <section aria-labelledby={`ideas-${item.id}`} className="slide-ideas" ref={panel}>
      <h2 id={`ideas-${item.id}`}>{t('workshops.solutions')}</h2>
      {item.ideas.length === 0 ? (
        <p className="hint">{t('workshops.noIdeas')}</p>
      ) : (
        <ol className="idea-bars" aria-live="polite">
          {item.ideas.map((i) => (
            <li key={i.id} data-idea={i.id}>
              <span className="idea-text">{i.text}</span>
              <span className="idea-bar" aria-hidden="true" style={{ width: `${(i.votes / max) * 100}%` }} />
              <span className="idea-votes">{t('workshops.dots', { count: i.votes })}</span>
            </li>
          ))}
        </ol>
      )}
      <form
        className="filters"
        onSubmit={async (e) => {
          e.preventDefault();
          const body = { itemId: item.id, text };
          // an empty box adds nothing (as before); a too long idea is said
          if (!text.trim()) return;
          const [invalid] = Object.values(validate(ideaCreate, body, t));
          if (invalid) return onError(invalid);
          try {
            await change.mutateAsync({ path: '/ideas', method: 'POST', body });
            setText('');
          } catch (err) {
            onError(errorMessage(err, t, true));
          }
        }}
      >
        <TextField name="idea" label={t('workshops.addIdeaLabel')} value={text} onChange={setText} />
        <Button type="submit" variant="secondary">
          {t('workshops.addIdea')}
        </Button>
      </form>
    </section>
  );
}

function Outcome({ w, item, onError }: { w: Workshop; item: Item; onError: (m: string) => void }) {
  const { t } = useTranslation();
  const change = useChangeWorkshop(w.id);
  const [outcome, setOutcome] = useState(item.outcome);
  const [saved, setSaved] = useState(false);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await change.mutateAsync({ path: `/items/${item.id}`, method: 'PATCH', body: { ...item, outcome } });
          setSaved(true);
        } catch (err) {
          onError(errorMessage(err, t, true));
        }
      }}
    >
      <TextArea
        name="outcome"
        label={t('workshops.outcome')}
        rows={3}
        value={outcome}
        onChange={(v) => {
          setOutcome(v);
          setSaved(false);
        }}
      />
      <div className="btn-row">
        <Button type="submit" variant="secondary">
          {t('workshops.saveOutcome')}
        </Button>
        {saved && <span role="status">{t('common.saved')}</span>}
      </div>
    </form>
  );
}

/**
 * Presentation mode: full screen, ← → (or Bild↑/Bild↓) through title slide, agenda and closing slide.
 * Moving on sets the current topic for everybody; participants' ideas and dots arrive live.
 */
export function PresentationPage() {
  const { t } = useTranslation();
  const { workshopId = '' } = useParams();
  const q = useWorkshop(workshopId);
  const { mutateAsync: change } = useChangeWorkshop(workshopId);
  const [error, setError] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // after the moderator's own page turn the new slide's title takes focus (screen readers announce it; no ring)
  const turned = useRef(false);
  const w = q.data;
  const slides = w ? ['title', ...w.items.map((i) => i.id), 'end'] : [];
  const index = w
    ? Math.max(0, w.currentItemId ? slides.indexOf(w.currentItemId) : w.status === 'done' ? slides.length - 1 : 0)
    : 0;

  const go = useCallback(
    async (to: number) => {
      if (!w) return;
      const target = slides[Math.min(Math.max(0, to), slides.length - 1)];
      const itemId = target && target !== 'title' && target !== 'end' ? target : null;
      // said before the answer lands in the cache, so the slide's effect sees it
      turned.current = target !== slides[index];
      try {
        await change({
          path: '/live',
          method: 'POST',
          body: {
            status:
              target === 'end'
                ? 'done'
                : w.status === 'done'
                  ? 'live'
                  : w.status === 'planned' && itemId
                    ? 'live'
                    : w.status,
            currentItemId: itemId,
          },
        });
      } catch (err) {
        turned.current = false;
        setError(errorMessage(err, t));
      }
    },
    [w, slides, change, t, index],
  );

  const current = slides[index];
  useEffect(() => {
    if (!turned.current || !current) return;
    turned.current = false;
    headingRef.current?.focus();
  }, [current]);

  useEffect(() => {
    document.title = `${t('workshops.presentation')} – Digitalzirkel`;
  }, [t]);

  // the keys work from the first moment the page shows (one listener from mount, reading the latest state),
  // not only once an effect after the first paint has caught up
  const nav = useRef({ go, index });
  nav.current = { go, index };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // the target is the document itself when nothing has focus (e.g. after the focused control went away)
      const el = e.target instanceof Element ? e.target : null;
      if (el?.closest('input, textarea, select, [contenteditable]')) return;
      const { go: turn, index: at } = nav.current;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') {
        e.preventDefault();
        void turn(at + 1);
      } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
        e.preventDefault();
        void turn(at - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!w) return <Pending query={q} />;
  const item = w.items.find((i) => i.id === current);
  return (
    <div className="presentation">
      <div className="presentation-bar">
        <Link to={`/workshops/${w.id}`}>{t('workshops.leavePresentation')}</Link>
        <span>
          {t('workshops.slideOf', { n: index + 1, total: slides.length })} · {t(`workshops.status.${w.status}`)} ·{' '}
          {t('workshops.participantCount', { count: w.participants })}
          {w.joinCode && ` · ${t('workshops.codeShort', { code: w.joinCode })}`}
        </span>
        <Button small variant="secondary" onPress={() => void document.documentElement.requestFullscreen?.()}>
          {t('workshops.fullscreen')}
        </Button>
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      <main className="slide" id="main" aria-live="polite">
        {current === 'title' && (
          <>
            <p className="kicker">{w.network}</p>
            <h1 ref={headingRef} tabIndex={-1}>
              {w.title}
            </h1>
            {w.leitfrage && <p className="slide-leitfrage">{w.leitfrage}</p>}
            <JoinInfo w={w} />
          </>
        )}
        {item && (
          // topics: the ideas and dots of the room in a panel beside the slide that stays in view
          <div className={item.kind === 'impulse' ? undefined : 'slide-columns'}>
            <div className="slide-main">
              <p className="kicker">
                {t(`workshops.kinds.${item.kind}`)} {item.position} / {w.items.length}
              </p>
              <h1 ref={headingRef} tabIndex={-1}>
                {item.title}
              </h1>
              {item.description && <p>{item.description}</p>}
              {item.speaker && <p className="hint">{item.speaker}</p>}
              {w.surveyId && item.surveySectionId && (
                <SectionResults surveyId={w.surveyId} sectionId={item.surveySectionId} />
              )}
              <Outcome key={item.id} w={w} item={item} onError={setError} />
            </div>
            {item.kind !== 'impulse' && <Ideas key={item.id} w={w} item={item} onError={setError} />}
          </div>
        )}
        {current === 'end' && (
          <>
            <h1 ref={headingRef} tabIndex={-1}>
              {t('workshops.nextSteps')}
            </h1>
            <ActionsSection w={w} notify={(_, text) => setError(text)} />
            <a className="btn" href={`/api/v1/workshops/${w.id}/report.pdf`} download>
              {t('workshops.reportPdf')}
            </a>
          </>
        )}
      </main>
      <nav className="presentation-nav" aria-label={t('workshops.slides')}>
        <Button variant="secondary" isDisabled={index === 0} onPress={() => void go(index - 1)}>
          ← {t('common.previous')}
        </Button>
        <span className="hint">{t('workshops.keysHint')}</span>
        <Button isDisabled={index === slides.length - 1} onPress={() => void go(index + 1)}>
          {t('common.next')} →
        </Button>
      </nav>
    </div>
  );
}
