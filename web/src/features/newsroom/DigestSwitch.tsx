import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { digestQuery, useDigest } from './queries';

/**
 * The weekly news mail of the active municipality (its new posts for all staff), on or off — separate from the
 * notifications and their mails. Shown on the news page and on the profile.
 */
export function DigestSwitch() {
  const { t } = useTranslation();
  const q = useQuery(digestQuery());
  const set = useDigest();
  if (!q.data) return null;
  return (
    <label className="choice">
      <input type="checkbox" checked={q.data.weekly} onChange={(e) => set.mutate(e.target.checked)} />{' '}
      {t('news.digest')}
    </label>
  );
}
