import type { metaInfo } from '@dz/core';
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type MetaInfo = z.infer<typeof metaInfo>;

export const legalKeys = {
  all: ['legal'] as const,
  meta: ['legal', 'meta'] as const,
};

/** Public facts of the installation (the accessibility contact). */
export const metaQuery = queryOptions({ queryKey: legalKeys.meta, queryFn: () => api<MetaInfo>('/meta') });
