import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { MunicipalityResults } from './MunicipalityResults';
import type { MunicipalityHit } from './queries';

/**
 * Finds municipalities to add to a list (partners of a joint project, of a shared-service study): searches while
 * typing (debounced) and on Enter — which never submits the surrounding form — and offers each hit not yet in
 * the list with its own button.
 */
export function MunicipalityPicker({
  label,
  hint,
  exclude,
  onAdd,
  addLabel,
  alreadyIn,
}: {
  label: string;
  hint: string;
  exclude: readonly string[];
  onAdd: (m: MunicipalityHit) => void;
  /** The add button's text for one hit ("Uslar, Stadt einladen"). */
  addLabel: (name: string) => string;
  alreadyIn: string;
}) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const id = setTimeout(() => setQ(term.trim()), 300);
    return () => clearTimeout(id);
  }, [term]);
  return (
    <>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: only intercepts Enter of the search field inside */}
      <div
        className="filters"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
            e.preventDefault();
            setQ(term.trim());
          }
        }}
      >
        <TextField name="partnerSearch" label={label} hint={hint} value={term} onChange={setTerm} />
        <Button variant="secondary" onPress={() => setQ(term.trim())}>
          {t('common.search')}
        </Button>
      </div>
      <MunicipalityResults
        search={q}
        action={(m) =>
          exclude.includes(m.id) ? (
            alreadyIn
          ) : (
            <Button small variant="secondary" onPress={() => onAdd(m)}>
              {addLabel(m.name)}
            </Button>
          )
        }
      />
    </>
  );
}
