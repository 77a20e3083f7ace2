import type { municipalityList } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { SizeClassBadge } from '../features/municipality/SizeClassBadge';
import { api } from '../lib/api';
import { Empty, Pending } from './Page';
import { TableWrap } from './TableWrap';

export type MunicipalityHit = z.infer<typeof municipalityList>['items'][number];

/**
 * Directory hits for a name or AGS (at least two characters) with Land, Kreis and size class, so that
 * municipalities of the same name can be told apart; `action` renders the last cell of each row.
 */
export function MunicipalityResults({ search, action }: { search: string; action: (m: MunicipalityHit) => ReactNode }) {
  const { t } = useTranslation();
  const results = useQuery({
    queryKey: ['directory-search', search],
    queryFn: () => api<z.infer<typeof municipalityList>>(`/municipalities?q=${encodeURIComponent(search)}&pageSize=10`),
    enabled: search.length >= 2,
  });
  if (search.length < 2) return null;
  return (
    <div aria-live="polite">
      {!results.data ? (
        <Pending query={results} />
      ) : results.data.items.length === 0 ? (
        <Empty>{t('networks.noResults')}</Empty>
      ) : (
        <TableWrap label={t('networks.results', { count: results.data.total })}>
          <table className="data">
            <caption>{t('networks.results', { count: results.data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('municipality.name')}</th>
                <th scope="col">{t('municipality.land')}</th>
                <th scope="col">{t('municipality.kreis')}</th>
                <th scope="col">{t('dashboard.sizeClass')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {results.data.items.map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>{m.land}</td>
                  <td>{m.kreis}</td>
                  <td>
                    <SizeClassBadge sizeClass={m.sizeClass} />
                  </td>
                  <td>{action(m)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}
