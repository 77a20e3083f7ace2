import { useTranslation } from 'react-i18next';
import { Button } from './Button';

/** Previous/next paging under a table. */
export function Pager({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t('common.paging')}>
      <Button variant="secondary" small isDisabled={page <= 1} onPress={() => onPage(page - 1)}>
        {t('common.previous')}
      </Button>
      <span>{t('common.pageOf', { page, pages })}</span>
      <Button variant="secondary" small isDisabled={page >= pages} onPress={() => onPage(page + 1)}>
        {t('common.next')}
      </Button>
    </nav>
  );
}
