import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Page, Pending } from '../../components/Page';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { fmtDate, fmtNumber } from '../../lib/format';
import { boardQuery, type ProjectBoard, useMoveProject } from './queries';
import { PHASES, PortfolioViews } from './shared';

type Card = ProjectBoard['items'][number];
type Columns = Record<string, Card[]>;

function toColumns(items: Card[]): Columns {
  const cols: Columns = Object.fromEntries(PHASES.map((p) => [p, [] as Card[]]));
  for (const c of items) cols[c.phase]?.push(c);
  return cols;
}
function locate(cols: Columns, id: string): [string, number] {
  for (const [phase, cards] of Object.entries(cols)) {
    const i = cards.findIndex((c) => c.id === id);
    if (i >= 0) return [phase, i];
  }
  return ['', -1];
}
function moveCard(cols: Columns, id: string, phase: string, index: number): Columns {
  const [from, i] = locate(cols, id);
  const card = cols[from]?.[i];
  if (!card) return cols;
  const next: Columns = Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, v.filter((c) => c.id !== id)]));
  const target = next[phase] ?? [];
  target.splice(Math.max(0, Math.min(index, target.length)), 0, { ...card, phase: phase as Card['phase'] });
  next[phase] = target;
  return next;
}

/**
 * Board by phase. Mouse: drag a card onto a column or another card. Keyboard: "Verschieben" picks the
 * card up, ←/→ change the phase, ↑/↓ the position, Enter or Space drops it, Escape cancels; every step
 * is announced in a live region.
 */
export function BoardPage() {
  const { t } = useTranslation();
  const board = useQuery(boardQuery);
  const move = useMoveProject();
  const [preview, setPreview] = useState<Columns | null>(null);
  const [grabbed, setGrabbed] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [error, setError] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  // the key that drops a card also produces a click on key-up: ignore that one
  const droppedAt = useRef(0);
  const cols = preview ?? toColumns(board.data?.items ?? []);
  useEffect(() => {
    if (grabbed) buttons.current.get(grabbed)?.focus();
  });
  const phaseName = (p: string) => t(`projects.phases.${p}`);
  const where = (c: Columns, id: string) => {
    const [phase, i] = locate(c, id);
    return t('projects.board.position', { phase: phaseName(phase), pos: i + 1, count: c[phase]?.length ?? 0 });
  };
  async function drop(id: string, phase: string, index: number) {
    const card = (board.data?.items ?? []).find((c) => c.id === id);
    if (!card) return;
    setPreview(moveCard(cols, id, phase, index));
    setGrabbed(null);
    try {
      await move.mutateAsync({ id, version: card.version, phase: phase as Card['phase'], position: index });
      setAnnounce(t('projects.board.dropped', { title: card.title, where: `${phaseName(phase)}, ${index + 1}` }));
      setError('');
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'version_conflict'
          ? t('projects.board.conflict')
          : errorMessage(err, t),
      );
    }
    setPreview(null);
  }
  function onKey(e: React.KeyboardEvent, card: Card) {
    if (!grabbed) return;
    const [phase, i] = locate(cols, card.id);
    const pi = PHASES.indexOf(phase as (typeof PHASES)[number]);
    let next: Columns | null = null;
    if (e.key === 'ArrowRight' && pi < PHASES.length - 1) next = moveCard(cols, card.id, PHASES[pi + 1] as string, i);
    else if (e.key === 'ArrowLeft' && pi > 0) next = moveCard(cols, card.id, PHASES[pi - 1] as string, i);
    else if (e.key === 'ArrowDown') next = moveCard(cols, card.id, phase, i + 1);
    else if (e.key === 'ArrowUp' && i > 0) next = moveCard(cols, card.id, phase, i - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      setPreview(null);
      setGrabbed(null);
      setAnnounce(t('projects.board.cancelled', { title: card.title }));
      return;
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      droppedAt.current = Date.now();
      void drop(card.id, phase, i);
      return;
    } else if (e.key === 'Tab') {
      e.preventDefault();
      return;
    }
    if (e.key.startsWith('Arrow')) e.preventDefault();
    if (next) {
      setPreview(next);
      setAnnounce(where(next, card.id));
    }
  }
  function onClickMove(card: Card) {
    if (grabbed === card.id || Date.now() - droppedAt.current < 500) return;
    setGrabbed(card.id);
    setPreview(cols);
    setAnnounce(`${t('projects.board.grabbed', { title: card.title })} ${where(cols, card.id)}`);
  }
  return (
    <Page title={t('projects.board.title')} crumbs={[{ to: '/projekte', label: t('projects.title') }]}>
      <PortfolioViews />
      <p id="board-help">{t('projects.board.help')}</p>
      <div className="visually-hidden" aria-live="assertive">
        {announce}
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      {!board.data ? (
        <Pending query={board} />
      ) : (
        <div className="board">
          {PHASES.map((phase) => (
            <section
              key={phase}
              className="board-column"
              aria-labelledby={`col-${phase}`}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                const id = e.dataTransfer.getData('text/plain');
                if (id) void drop(id, phase, cols[phase]?.length ?? 0);
              }}
            >
              <h2 id={`col-${phase}`}>
                {phaseName(phase)} <span className="muted">({cols[phase]?.length ?? 0})</span>
              </h2>
              <ul>
                {(cols[phase] ?? []).map((card, index) => (
                  <li
                    key={card.id}
                    className={`board-card${grabbed === card.id ? ' grabbed' : ''}`}
                    draggable={card.movable}
                    onDragStart={(e) => e.dataTransfer.setData('text/plain', card.id)}
                    onDrop={(e) => {
                      e.preventDefault();
                      e.stopPropagation();
                      const id = e.dataTransfer.getData('text/plain');
                      if (id && id !== card.id) void drop(id, phase, index);
                    }}
                  >
                    <Link to={`/projekte/${card.id}`}>{card.title}</Link>
                    <div className="muted">
                      {card.owner ?? '–'}
                      {card.endsOn && ` · ${t('projects.board.until', { date: fmtDate(card.endsOn) })}`}
                      {card.score !== null && ` · ${t('projects.score')} ${fmtNumber(card.score, 1)}`}
                    </div>
                    {card.movable && (
                      <button
                        type="button"
                        className="btn secondary small"
                        aria-label={grabbed === card.id ? undefined : t('projects.board.move', { title: card.title })}
                        aria-describedby="board-help"
                        aria-pressed={grabbed === card.id}
                        ref={(el) => {
                          if (el) buttons.current.set(card.id, el);
                          else buttons.current.delete(card.id);
                        }}
                        onClick={() => onClickMove(card)}
                        onKeyDown={(e) => onKey(e, card)}
                        onBlur={() => {
                          if (grabbed === card.id && !preview) setGrabbed(null);
                        }}
                      >
                        {grabbed === card.id ? t('projects.board.moving') : t('projects.board.moveShort')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </Page>
  );
}
