import { legalPageInput } from '@dz/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextArea } from '../../components/Field';
import { Alert, Page, Pending } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { ApiError } from '../../lib/api';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { validate } from '../../lib/validate';
import { underPageTitle } from './LegalText';
import { type LegalPageName, type LegalPageView, legalPageQuery, RECORDS_URL, useSaveLegalPage } from './queries';
import '../../i18n/privacy';

type Notice = { kind: 'success' | 'error' | 'warning'; text: string };

/** The warning while the saved text is still the sample: unchanged, or placeholders in square brackets left. */
function SampleNotice({ view }: { view: LegalPageView }) {
  const { t } = useTranslation();
  if (!view.isSample) return null;
  return (
    <Alert kind="warning">
      <p>{t(view.isDefault ? 'legal.isDefault' : 'legal.isSample')}</p>
      {view.placeholders.length > 0 && (
        <>
          <p>{t('legal.placeholdersLeft', { count: view.placeholders.length })}</p>
          <ul>
            {view.placeholders.map((p) => (
              <li key={p}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
          <p>{t('legal.placeholderRule')}</p>
        </>
      )}
    </Alert>
  );
}

/** One legal page: its Markdown, saved with the version read (409 keeps the input and says so). */
function LegalForm({ page, view }: { page: LegalPageName; view: LegalPageView }) {
  const { t } = useTranslation();
  const save = useSaveLegalPage(page);
  const [markdown, setMarkdown] = useState(view.markdown);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice>();
  const name = t(page === 'privacy' ? 'legal.privacy' : 'legal.imprint');
  const field = `${page}-markdown`;
  return (
    <Panel title={name} id={`h-legal-${page}`}>
      <SampleNotice view={view} />
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const body = { version: view.version, markdown };
          const invalid = validate(legalPageInput, body, t);
          const mapped = invalid.markdown ? { [field]: invalid.markdown } : {};
          setErrors(mapped);
          setNotice(undefined);
          if (Object.keys(mapped).length) return;
          try {
            await save.mutateAsync(body);
            setNotice({ kind: 'success', text: t('legal.saved', { page: name }) });
          } catch (err) {
            if (err instanceof ApiError && err.code === 'version_conflict')
              return setNotice({ kind: 'warning', text: t('errors.version_conflict') });
            const fields = fieldMessages(err, t);
            if (fields.markdown) return setErrors({ [field]: fields.markdown });
            setNotice({ kind: 'error', text: errorMessage(err, t) });
          }
        }}
      >
        <ErrorSummary errors={errors} labels={{ [field]: t('legal.text') }} />
        <TextArea
          name={field}
          label={t('legal.text')}
          value={markdown}
          onChange={setMarkdown}
          error={errors[field]}
          rows={16}
          required
        />
        <Button type="submit" isDisabled={save.isPending}>
          {t('legal.save', { page: name })}
        </Button>
      </form>
      <details className="legal-preview">
        <summary>{t('legal.preview')}</summary>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: escaped Markdown output, see server lib/markdown.ts */}
        <div className="legal-text" dangerouslySetInnerHTML={{ __html: underPageTitle(view.html) }} />
      </details>
    </Panel>
  );
}

function LegalSection({ page }: { page: LegalPageName }) {
  const q = useQuery(legalPageQuery(page));
  if (!q.data) return <Pending query={q} />;
  // the form keeps its text after a save (it is what was saved) and reads the new version from the query
  return <LegalForm page={page} view={q.data} />;
}

/** The operator's page: privacy notice and imprint, and the records of processing (Art. 30 GDPR). */
export function LegalAdminPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('legal.adminTitle')} crumbs={[{ to: '/', label: t('nav.start') }]}>
      <p>{t('legal.adminIntro')}</p>
      <Panel title={t('legal.recordsTitle')} id="h-records">
        <p>{t('legal.recordsIntro')}</p>
        <ul>
          <li>
            <a href={RECORDS_URL.pdf} download>
              {t('legal.recordsPdf')}
            </a>
          </li>
          <li>
            <a href={RECORDS_URL.xlsx} download>
              {t('legal.recordsXlsx')}
            </a>
          </li>
        </ul>
      </Panel>
      <LegalSection page="privacy" />
      <LegalSection page="imprint" />
    </Page>
  );
}
