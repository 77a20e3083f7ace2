import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../components/DataTable';
import { Pending } from '../../components/Page';
import { SizeClassBadge } from '../municipality/SizeClassBadge';
import { directorySearchQuery, type MunicipalityHit } from './queries';

/**
 * Directory hits for a name or AGS (at least two characters) with Land, Kreis and size class, so that
 * municipalities of the same name can be told apart; `action` renders the last cell of each row.
 */
export function MunicipalityResults({ search, action }: { search: string; action: (m: MunicipalityHit) => ReactNode }) {
  const { t } = useTranslation();
  const results = useQuery(directorySearchQuery(search));
  if (search.length < 2) return null;
  const columns: Column<MunicipalityHit>[] = [
    { header: t('municipality.name'), cell: (m) => m.name },
    { header: t('municipality.land'), cell: (m) => m.land },
    { header: t('municipality.kreis'), cell: (m) => m.kreis },
    { header: t('dashboard.sizeClass'), cell: (m) => <SizeClassBadge sizeClass={m.sizeClass} /> },
    { header: t('common.actions'), cell: action },
  ];
  return (
    <div aria-live="polite">
      {!results.data ? (
        <Pending query={results} />
      ) : (
        <DataTable
          label={t('networks.results', { count: results.data.total })}
          caption={t('networks.results', { count: results.data.total })}
          rows={results.data.items}
          rowKey={(m) => m.id}
          empty={t('networks.noResults')}
          columns={columns}
        />
      )}
    </div>
  );
}
