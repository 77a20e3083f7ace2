import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import { OWN_EXPORT_URL } from './queries';
import '../../i18n/privacy';

/** The profile page's „Meine Daten“: everything stored about the person, as PDF and JSON (Art. 15/20 GDPR). */
export function OwnDataPanel() {
  const { t } = useTranslation();
  return (
    <Panel title={t('privacy.ownTitle')} id="h-own-data">
      <p>{t('privacy.ownIntro')}</p>
      <ul>
        <li>
          <a href={OWN_EXPORT_URL.pdf} download>
            {t('privacy.downloadPdf')}
          </a>
        </li>
        <li>
          <a href={OWN_EXPORT_URL.json} download>
            {t('privacy.downloadJson')}
          </a>
        </li>
      </ul>
    </Panel>
  );
}
