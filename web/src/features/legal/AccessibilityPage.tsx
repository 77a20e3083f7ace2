import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Pending } from '../../components/Page';
import { metaQuery } from './queries';

/** Accessibility statement with feedback channel (BITV 2.0 § 7, EN 301 549 / WCAG 2.1 AA). */
export function AccessibilityStatement() {
  const { t } = useTranslation();
  const meta = useQuery(metaQuery);
  const contact = meta.data?.accessibilityContact;
  return (
    <>
      <p>{t('a11y.scope')}</p>
      <h2>{t('a11y.statusTitle')}</h2>
      <p>{t('a11y.status')}</p>
      <h2>{t('a11y.limitsTitle')}</h2>
      <ul>
        <li>{t('a11y.limitDate')}</li>
        <li>{t('a11y.limitUpload')}</li>
      </ul>
      <h2>{t('a11y.howTitle')}</h2>
      <p>{t('a11y.how')}</p>
      <h2>{t('a11y.feedbackTitle')}</h2>
      <p>
        {t('a11y.feedback')}{' '}
        {contact && <a href={`mailto:${contact}?subject=${encodeURIComponent(t('a11y.mailSubject'))}`}>{contact}</a>}
      </p>
      {!meta.data && <Pending query={meta} />}
      <h2>{t('a11y.enforcementTitle')}</h2>
      <p>{t('a11y.enforcement')}</p>
    </>
  );
}
