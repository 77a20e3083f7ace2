import { levelGroup, MAX_LEVEL, MIN_LEVEL } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useDepartments } from '../projects/shared';
import { type Framework, frameworkQuery, type MyCompetences, myCompetencesQuery, useSaveMine } from './queries';
import './competences.css';

type Levels = Record<string, { level: string; target: string }>;
type Notice = { kind: 'success' | 'error' | 'warning'; text: string };

const LEVELS = Array.from({ length: MAX_LEVEL - MIN_LEVEL + 1 }, (_, i) => i + MIN_LEVEL);

/** The level options: "3 – Selbstständig"; empty = not assessed. */
function useLevelOptions(emptyLabel: string) {
  const { t } = useTranslation();
  return [
    { value: '', label: emptyLabel },
    ...LEVELS.map((l) => ({ value: String(l), label: `${l} – ${t(`competences.groups.${levelGroup(l)}`)}` })),
  ];
}

function AssessmentForm({ framework, mine }: { framework: Framework; mine: MyCompetences }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const save = useSaveMine();
  const [levels, setLevels] = useState<Levels>(() =>
    Object.fromEntries(
      mine.levels.map((l) => [l.code, { level: String(l.level), target: l.target ? String(l.target) : '' }]),
    ),
  );
  const [departmentId, setDepartmentId] = useState(mine.departmentId ?? '');
  const [share, setShare] = useState(mine.shareWithManager);
  const [notice, setNotice] = useState<Notice>();
  const levelOptions = useLevelOptions(t('competences.notAssessed'));
  const targetOptions = useLevelOptions(t('competences.noTarget'));
  const visible = framework.items.filter((c) => !c.hidden);
  const set = (code: string, patch: Partial<Levels[string]>) =>
    setLevels({ ...levels, [code]: { level: '', target: '', ...levels[code], ...patch } });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const rows = Object.entries(levels).filter(([code, v]) => v.level && visible.some((c) => c.code === code));
    try {
      await save.mutateAsync({
        version: mine.version,
        departmentId: departmentId || null,
        shareWithManager: share,
        levels: rows.map(([code, v]) => ({ code, level: Number(v.level), target: v.target ? Number(v.target) : null })),
      });
      setNotice({ kind: 'success', text: t('competences.saved') });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict')
        return setNotice({ kind: 'warning', text: t('errors.version_conflict') });
      setNotice({ kind: 'error', text: errorMessage(err, t, true) });
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <Panel title={t('competences.aboutYou')}>
        <SelectField
          name="departmentId"
          label={t('competences.department')}
          hint={t('competences.departmentHint')}
          value={departmentId}
          onChange={setDepartmentId}
          options={[
            { value: '', label: t('competences.noDepartment') },
            ...(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
        <div className="field">
          <label className="choice">
            <input
              type="checkbox"
              name="shareWithManager"
              checked={share}
              aria-describedby="share-hint"
              onChange={(e) => setShare(e.target.checked)}
            />{' '}
            {t('competences.share')}
          </label>
          <span className="hint" id="share-hint">
            {t('competences.shareHint')}
          </span>
        </div>
      </Panel>
      {framework.areas.map((a) => {
        const items = visible.filter((c) => c.area === a.area);
        if (!items.length) return null;
        return (
          <Panel key={a.area} title={`${a.area} ${a.name}`}>
            {items.map((c) => (
              <fieldset key={c.code} className="competence-row">
                <legend>
                  {c.code} {c.name}
                </legend>
                <div className="filters">
                  <SelectField
                    name={`level-${c.code}`}
                    label={t('competences.level')}
                    value={levels[c.code]?.level ?? ''}
                    onChange={(v) => set(c.code, { level: v })}
                    options={levelOptions}
                  />
                  <SelectField
                    name={`target-${c.code}`}
                    label={t('competences.target')}
                    value={levels[c.code]?.target ?? ''}
                    onChange={(v) => set(c.code, { target: v })}
                    options={targetOptions}
                  />
                </div>
              </fieldset>
            ))}
          </Panel>
        );
      })}
      <Button type="submit" isDisabled={save.isPending}>
        {t('competences.save')}
      </Button>
    </form>
  );
}

/** "Kompetenzen": the person's own self-assessment by DigComp area, and whether it is shared with the coordination. */
export function CompetencesPage() {
  const { t } = useTranslation();
  const framework = useQuery(frameworkQuery);
  const mine = useQuery(myCompetencesQuery);
  return (
    <Page title={t('competences.title')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p>{t('competences.intro')}</p>
      <p className="muted">{t('competences.levelsExplained')}</p>
      <p>
        <Link to="/kompetenzen/qualifizierung">{t('competences.toTraining')}</Link>
      </p>
      {!framework.data ? (
        <Pending query={framework} />
      ) : !mine.data ? (
        <Pending query={mine} />
      ) : mine.data.can.assess ? (
        <AssessmentForm framework={framework.data} mine={mine.data} />
      ) : (
        <Alert kind="info">{t('competences.readOnly')}</Alert>
      )}
    </Page>
  );
}
