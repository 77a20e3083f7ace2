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
