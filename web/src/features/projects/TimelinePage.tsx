import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SelectField } from '../../components/Field';
import { Empty, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { TableWrap } from '../../components/TableWrap';
import { fmtDate, periodText, todayIso } from '../../lib/format';
import { timelineQuery } from './queries';
import { PHASES, PortfolioViews } from './shared';

type Zoom = 'month' | 'quarter' | 'year';
const PX_PER_DAY: Record<Zoom, number> = { month: 3, quarter: 1.2, year: 0.4 };
const DAY = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** Tick marks at the start of each month, quarter or year between two days. */
function ticks(from: number, to: number, zoom: Zoom, locale: string) {
  const out: { day: number; label: string }[] = [];
  const d = new Date(from * DAY);
  let y = d.getUTCFullYear();
  let m = zoom === 'year' ? 0 : zoom === 'quarter' ? Math.floor(d.getUTCMonth() / 3) * 3 : d.getUTCMonth();
  const step = zoom === 'year' ? 12 : zoom === 'quarter' ? 3 : 1;
  const fmt = new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  for (let i = 0; i < 400; i++) {
    const day = Date.UTC(y, m, 1) / DAY;
    if (day > to) break;
    if (day >= from)
      out.push({
        day,
        label:
          zoom === 'year'
            ? String(y)
            : zoom === 'quarter'
              ? `Q${m / 3 + 1}/${String(y).slice(2)}`
              : fmt.format(day * DAY),
      });
    m += step;
    if (m >= 12) {
      y += Math.floor(m / 12);
      m %= 12;
    }
  }
  return out;
}

/**
 * Gantt-style timeline: bars from start to end, milestones as diamonds, zoom by month, quarter or year.
 * The drawing is aria-hidden; the same content is in the list below, which screen readers read.
 */
export function TimelinePage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  // the radio follows the click at once; the address keeps the choice for reloads and links
  const [zoom, setZoom] = useState<Zoom>((params.get('zoom') as Zoom) || 'quarter');
  const phase = params.get('phase') ?? '';
  const q = useQuery(timelineQuery(phase));
  const items = q.data?.items ?? [];
  const dated = items.filter((p) => p.startsOn || p.endsOn || p.milestones.length);
  const today = toDay(todayIso());
  const days = dated.flatMap((p) => [
    ...(p.startsOn ? [toDay(p.startsOn)] : []),
    ...(p.endsOn ? [toDay(p.endsOn)] : []),
    ...p.milestones.map((m) => toDay(m.dueOn)),
  ]);
  const from = Math.min(today, ...days) - 15;
  const to = Math.max(today, ...days) + 30;
  const ppd = PX_PER_DAY[zoom];
  const width = Math.ceil((to - from) * ppd);
  const x = (day: number) => (day - from) * ppd;
  const set = (k: string, v: string) => {
    const p = new URLSearchParams(params);
    v ? p.set(k, v) : p.delete(k);
    setParams(p);
  };
  return (
    <Page title={t('projects.timeline.title')} crumbs={[{ to: '/projekte', label: t('projects.title') }]}>
      <PortfolioViews />
      <div className="filters panel">
        <fieldset className="field">
          <legend>{t('projects.timeline.zoom')}</legend>
          <div className="segmented">
            {(['month', 'quarter', 'year'] as const).map((z) => (
              <label key={z} className="choice">
                <input
                  type="radio"
                  name="zoom"
                  checked={zoom === z}
                  onChange={() => {
                    setZoom(z);
                    set('zoom', z);
                  }}
                />{' '}
                {t(`projects.timeline.zooms.${z}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField
          name="phase"
          label={t('projects.fields.phase')}
          value={phase}
          onChange={(v) => set('phase', v)}
          options={[
            { value: '', label: t('projects.all') },
            ...PHASES.map((p) => ({ value: p, label: t(`projects.phases.${p}`) })),
          ]}
        />
      </div>
      {!q.data ? (
        <Pending query={q} />
      ) : dated.length === 0 ? (
        <Empty>{t('projects.timeline.empty')}</Empty>
      ) : (
        <>
          <TableWrap label={t('projects.timeline.chart')}>
            <div className="gantt" aria-hidden="true" style={{ width: width + 240 }}>
              <div className="gantt-row gantt-head">
                <div className="gantt-label" />
                <div className="gantt-track" style={{ width }}>
                  {ticks(from, to, zoom, i18n.language === 'en' ? 'en-GB' : 'de-DE').map((tk) => (
                    <span key={tk.day} className="gantt-tick" style={{ left: x(tk.day) }}>
                      {tk.label}
                    </span>
                  ))}
                  <span className="gantt-today" style={{ left: x(today) }} />
                </div>
              </div>
              {dated.map((p) => {
                const s = p.startsOn ? toDay(p.startsOn) : p.endsOn ? toDay(p.endsOn) - 30 : null;
                const e = p.endsOn ? toDay(p.endsOn) : s !== null ? s + 30 : null;
                return (
                  <div className="gantt-row" key={p.id}>
                    <div className="gantt-label">{p.title}</div>
                    <div className="gantt-track" style={{ width }}>
                      {s !== null && e !== null && (
                        <span
                          className={`gantt-bar phase-${p.phase}${p.startsOn && p.endsOn ? '' : ' open-ended'}`}
                          style={{ left: x(s), width: Math.max(4, (e - s) * ppd) }}
                        />
                      )}
                      {p.milestones.map((m) => (
                        <span
                          key={`${m.title}${m.dueOn}`}
                          className={`gantt-milestone${m.reachedOn ? ' reached' : ''}`}
                          style={{ left: x(toDay(m.dueOn)) - 6 }}
                          title={`${m.title} (${fmtDate(m.dueOn)})`}
                        />
                      ))}
                      <span className="gantt-today" style={{ left: x(today) }} />
                    </div>
                  </div>
                );
              })}
            </div>
          </TableWrap>
          <p className="muted">{t('projects.timeline.legend')}</p>
        </>
      )}
      {q.data && items.length > 0 && (
        <Panel title={t('projects.timeline.list')} id="h-tl-list">
          <ol className="timeline-list">
            {items.map((p) => (
              <li key={p.id}>
                <Link to={`/projekte/${p.id}`}>{p.title}</Link> – {t(`projects.phases.${p.phase}`)},{' '}
                {p.startsOn || p.endsOn ? periodText(t, p.startsOn, p.endsOn) : t('projects.timeline.noDates')}
                {p.milestones.length > 0 && (
                  <ul>
                    {p.milestones.map((m) => (
                      <li key={`${m.title}${m.dueOn}`}>
                        {t('projects.timeline.milestone', { title: m.title, date: fmtDate(m.dueOn) })}
                        {m.reachedOn ? ` – ${t('projects.timeline.reached', { date: fmtDate(m.reachedOn) })}` : ''}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </Panel>
      )}
    </Page>
  );
}
