import { type QueryKey, useQueryClient } from '@tanstack/react-query';

/** A feature's key factory as far as the cache helpers need it: its prefix and one resource's key. */
export interface ResourceKeys {
  all: QueryKey;
  detail: (id: string) => QueryKey;
}

/**
 * After a write: the answered resource goes into the cache under its detail key, and the feature's other
 * queries (lists, suggestions) are fetched again — details of other resources stay as they are.
 */
export function useResourceChanged<T extends { id: string }>(keys: ResourceKeys) {
  const qc = useQueryClient();
  return async (resource?: T) => {
    if (resource) qc.setQueryData(keys.detail(resource.id), resource);
    await qc.invalidateQueries({ queryKey: keys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
  };
}

/**
 * After a write in a feature whose keys are not one detail per resource: the answered resource goes into the
 * cache under its key (`put`), the one that is gone leaves it (`drop`), and every other query under the feature's
 * prefix is fetched again (lists, histories, suggestions).
 */
export function useFeatureChanged(all: QueryKey) {
  const qc = useQueryClient();
  return async ({ put, drop }: { put?: [QueryKey, unknown]; drop?: QueryKey } = {}) => {
    const keep = put?.[0] ?? drop;
    if (put) qc.setQueryData(put[0], put[1]);
    if (drop) qc.removeQueries({ queryKey: drop, exact: true });
    const same = (k: QueryKey) => keep !== undefined && JSON.stringify(k) === JSON.stringify(keep);
    await qc.invalidateQueries({ queryKey: all, predicate: (q) => !same(q.queryKey) });
  };
}
