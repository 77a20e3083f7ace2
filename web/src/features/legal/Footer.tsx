import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Footer on every page: privacy notice, imprint, accessibility statement and API documentation. */
export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="footer">
      <Link to="/datenschutz">{t('footer.privacy')}</Link>
      <Link to="/impressum">{t('footer.imprint')}</Link>
      <Link to="/barrierefreiheit">{t('a11y.title')}</Link>
      <a href="/api/docs">{t('footer.api')}</a>
      <span>{t('footer.source')}</span>
    </footer>
  );
}
