import type * as C from '@dz/core';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, upload } from '../../lib/api';

/** Query keys of the newsroom: every write refreshes everything under `news`. */
export const newsKeys = {
  all: ['news'] as const,
  list: (status: string) => ['news', 'list', status] as const,
  comments: (postId: string) => ['news', 'comments', postId] as const,
  pending: ['news', 'pending'] as const,
  feeds: ['news', 'feeds'] as const,
  digest: ['news', 'digest'] as const,
};

export type NewsList = z.infer<typeof C.newsList>;
export type NewsPost = z.infer<typeof C.newsPost>;
export type NewsInput = z.input<typeof C.newsCreate>;
export type NewsComments = z.infer<typeof C.newsCommentList>;
export type PendingComments = z.infer<typeof C.newsPendingComments>;
export type NewsFeeds = z.infer<typeof C.newsFeedList>;
export type NewsFeedCreated = z.infer<typeof C.newsFeedCreated>;

export const newsQuery = (status: 'published' | 'draft' | 'discarded' = 'published', enabled = true) =>
  queryOptions({
    queryKey: newsKeys.list(status),
    queryFn: () => api<NewsList>(`/news?status=${status}`),
    enabled,
  });
export const commentsQuery = (postId: string) =>
  queryOptions({ queryKey: newsKeys.comments(postId), queryFn: () => api<NewsComments>(`/news/${postId}/comments`) });
export const pendingCommentsQuery = () =>
  queryOptions({ queryKey: newsKeys.pending, queryFn: () => api<PendingComments>('/news/comments/pending') });
export const feedsQuery = () =>
  queryOptions({ queryKey: newsKeys.feeds, queryFn: () => api<NewsFeeds>('/news/feeds') });
export const digestQuery = () =>
  queryOptions({ queryKey: newsKeys.digest, queryFn: () => api<{ weekly: boolean }>('/news/digest') });

function useChanged() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: newsKeys.all });
}

/** Writes a post (no id: a new draft) and, with a file, its image after it. */
export function useSavePost() {
  const changed = useChanged();
  return useMutation({
    mutationFn: async ({
      id,
      version,
      body,
      image,
    }: {
      id?: string;
      version?: number;
      body: NewsInput;
      image?: File;
    }) => {
      const post = id
        ? await api<NewsPost>(`/news/${id}`, { method: 'PUT', body: { ...body, version } })
        : await api<NewsPost>('/news', { method: 'POST', body });
      if (!image) return post;
      return upload<NewsPost>(`/news/${post.id}/image`, image, () => {});
    },
    onSettled: changed,
  });
}

export function useDecidePost() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, version, to }: { id: string; version: number; to: 'publish' | 'discard' }) =>
      api<NewsPost>(`/news/${id}/${to}`, { method: 'POST', body: { version } }),
    onSettled: changed,
  });
}

export function useHelpful() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, helpful }: { id: string; helpful: boolean }) =>
      api<NewsPost>(`/news/${id}/helpful`, { method: 'PUT', body: { helpful } }),
    onSettled: changed,
  });
}

export function useAddComment(postId: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: string) => api<NewsComments>(`/news/${postId}/comments`, { method: 'POST', body: { body } }),
    onSettled: changed,
  });
}

export function useDecideComment() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ postId, id, status }: { postId: string; id: string; status: 'approved' | 'rejected' }) =>
      api<PendingComments>(`/news/${postId}/comments/${id}`, { method: 'PUT', body: { status } }),
    onSettled: changed,
  });
}

export function useDigest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (weekly: boolean) => api<{ weekly: boolean }>('/news/digest', { method: 'PUT', body: { weekly } }),
    onSuccess: (d) => qc.setQueryData(newsKeys.digest, d),
  });
}

export function useCreateFeed() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (label: string) => api<NewsFeedCreated>('/news/feeds', { method: 'POST', body: { label } }),
    onSettled: changed,
  });
}

export function useRevokeFeed() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (id: string) => api<NewsFeeds>(`/news/feeds/${id}`, { method: 'DELETE' }),
    onSettled: changed,
  });
}
