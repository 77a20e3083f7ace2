import type { projectDetail } from '@dz/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError, api } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';

export type Project = z.infer<typeof projectDetail>;
export type Notify = (kind: 'success' | 'warning' | 'error', text: string) => void;

/** Runs a change that answers with the fresh project, puts it into the cache and reports the outcome. */
export function useProjectChange(id: string, notify: Notify) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return async (
    path: string,
    method: string,
    body: unknown,
    onFieldErrors?: (e: Record<string, string>) => void,
    success = t('common.saved'),
  ): Promise<boolean> => {
    try {
      const res = await api<Project>(`/projects/${id}${path}`, { method, body });
      qc.setQueryData(['project', id], res);
      void qc.invalidateQueries({ queryKey: ['projects'] });
      notify('success', success);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        notify('warning', t('errors.version_conflict'));
        await qc.invalidateQueries({ queryKey: ['project', id] });
      } else if (onFieldErrors && err instanceof ApiError && err.errors.length) onFieldErrors(fieldMessages(err, t));
      else notify('error', errorMessage(err, t, true));
      return false;
    }
  };
}
