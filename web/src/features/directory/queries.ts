import type { municipalityList } from '@dz/core';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type MunicipalityList = z.infer<typeof municipalityList>;
export type MunicipalityHit = MunicipalityList['items'][number];

/** Query keys of the municipality directory: everything under `directory`. */
export const directoryKeys = {
  all: ['directory'] as const,
  page: (params: string) => ['directory', 'page', params] as const,
  search: (term: string) => ['directory', 'search', term] as const,
};

/** A page of the directory for the filters in the address (search, Land, size class, sort, page). */
export const directoryQuery = (params: URLSearchParams) =>
  queryOptions({
    queryKey: directoryKeys.page(params.toString()),
    queryFn: () => api<MunicipalityList>(`/municipalities?${params}&pageSize=25`),
    placeholderData: keepPreviousData,
  });

/** The first ten hits for a name or AGS; asked only from two characters on. */
export const directorySearchQuery = (term: string) =>
  queryOptions({
    queryKey: directoryKeys.search(term),
    queryFn: () => api<MunicipalityList>(`/municipalities?q=${encodeURIComponent(term)}&pageSize=10`),
    enabled: term.length >= 2,
  });
