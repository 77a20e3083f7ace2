import { PROJECT_PHASES } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { colleaguesQuery, departmentsQuery } from './queries';

export const PHASES = PROJECT_PHASES;
export type Light = 'green' | 'yellow' | 'red';
const ICON: Record<Light, string> = { green: '●', yellow: '▲', red: '■' };

/** A traffic light never by colour alone: icon and word ("im Plan", "gefährdet", "kritisch"). */
export function TrafficLight({ value }: { value: Light | null }) {
  const { t } = useTranslation();
  if (!value) return <span className="muted">{t('projects.noReport')}</span>;
  return (
    <span className={`light light-${value}`}>
      <span aria-hidden="true">{ICON[value]}</span> {t(`projects.lights.${value}`)}
    </span>
  );
}

/** The municipality's people (owner, team, assignee, @mention pickers). */
export const useColleagues = () => useQuery(colleaguesQuery);
export const useDepartments = () => useQuery(departmentsQuery);

/** The portfolio's views as links (each view is its own page with its own address). */
export function PortfolioViews() {
  const { t } = useTranslation();
  const views = [
    ['/projekte', t('projects.views.table')],
    ['/projekte/board', t('projects.views.board')],
    ['/projekte/zeitleiste', t('projects.views.timeline')],
    ['/projekte/nutzen-aufwand', t('projects.views.bubble')],
  ] as const;
  return (
    <nav aria-label={t('projects.views.label')} className="view-switch">
      <ul>
        {views.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A group of checkboxes (team, departments, needs, goals) in a fieldset with a legend. */
export function CheckboxGroup({
  legend,
  hint,
  options,
  value,
  onChange,
  error,
  name,
}: {
  legend: string;
  hint?: string;
  name: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange: (v: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="field checkbox-group" aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {hint && <span className="hint">{hint}</span>}
      {options.length === 0 ? (
        <p className="muted">{t('projects.noOptions')}</p>
      ) : (
        <div className="checkbox-list">
          {options.map((o) => (
            <label key={o.value} className="choice">
              <input
                type="checkbox"
                name={name}
                value={o.value}
                checked={value.includes(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))}
              />{' '}
              {o.label}
            </label>
          ))}
        </div>
      )}
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}
