import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Page } from '../../components/Page';
import { CompetenceOverview } from './CompetenceOverview';
import { FrameworkPanel, SharedPanel } from './FrameworkPanel';
import { frameworkQuery } from './queries';
import { TrainingCatalogue } from './TrainingCatalogue';
import { type Notice, TrainingPlanPanel } from './TrainingPlanPanel';

/**
 * "Qualifizierung": the anonymous overview (heatmap, weakest competences with suggested trainings), the training
 * catalogue and plan; for the coordination also the framework and the assessments shared with it.
 */
export function TrainingPage() {
  const { t } = useTranslation();
  const framework = useQuery(frameworkQuery);
  const [notice, setNotice] = useState<Notice>();
  const manage = framework.data?.can.manage ?? false;
  return (
    <Page
      title={t('competences.training.title')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: '/kompetenzen', label: t('competences.title') },
      ]}
    >
      <p>{t('competences.training.intro')}</p>
      <p>
        <Link to="/kompetenzen">{t('competences.training.toSelf')}</Link>
      </p>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <CompetenceOverview onNotice={setNotice} />
      <TrainingPlanPanel onNotice={setNotice} />
      <TrainingCatalogue onNotice={setNotice} />
      {manage && <SharedPanel />}
      {manage && <FrameworkPanel onNotice={setNotice} />}
    </Page>
  );
}
