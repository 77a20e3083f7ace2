import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { useRefreshProject } from './queries';

export type { Project } from './queries';
export type Notify = (kind: 'success' | 'warning' | 'error', text: string) => void;

/**
 * Runs a change of a project's part (a mutation answering the fresh project, which it puts into the cache) and
 * reports the outcome: saved; a version conflict fetches the newer project; field errors go to the form when it
 * shows them, else the first one is said.
 */
export function useProjectOutcome(id: string, notify: Notify) {
  const { t } = useTranslation();
  const refresh = useRefreshProject(id);
  return async (
    change: () => Promise<unknown>,
    onFieldErrors?: (e: Record<string, string>) => void,
    success = t('common.saved'),
  ): Promise<boolean> => {
    try {
      await change();
      notify('success', success);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        notify('warning', t('errors.version_conflict'));
        await refresh();
      } else if (onFieldErrors && err instanceof ApiError && err.errors.length) onFieldErrors(fieldMessages(err, t));
      else notify('error', errorMessage(err, t, true));
      return false;
    }
  };
}
