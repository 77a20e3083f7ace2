import { modelImportQuery } from '@dz/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { errorMessage, fieldMessages } from '../../lib/errors';
import { validate } from '../../lib/validate';
import { FileField } from './FileField';
import { type ModelImport, type ProcessModelKind, useImportModel } from './queries';

/**
 * A model from a BPMN file (Camunda Modeler, Signavio, ADONIS …): the as-is kind only while the service has none;
 * the server's refusals (unreadable file, too large, too deep) show at the fields. Opens the new model.
 */
export function ModelImportForm({
  serviceId,
  hasAsIs,
  toBeName,
}: {
  serviceId: string;
  hasAsIs: boolean;
  /** The name a new to-be variant gets ("Soll-Variante 2"). */
  toBeName: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const run = useImportModel();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<ProcessModelKind>(hasAsIs ? 'to_be' : 'as_is');
  const defaultName = (k: ProcessModelKind) => (k === 'as_is' ? t('processes.models.asIsName') : toBeName);
  const [name, setName] = useState(defaultName(kind));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const labels = {
    file: t('processes.modelImport.file'),
    kind: t('processes.models.kind'),
    name: t('processes.models.name'),
    serviceId: t('processes.modelImport.service'),
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const q: ModelImport = { kind, name };
    const invalid = validate(modelImportQuery, q, t);
    if (!file) invalid.file = t('processes.modelImport.noFile');
    setErrors(invalid);
    if (Object.keys(invalid).length || !file) return;
    try {
      const m = await run.mutateAsync({ ...q, serviceId, file });
      navigate(`/prozesse/modelle/${m.id}`);
    } catch (err) {
      const fields = fieldMessages(err, t);
      setErrors(Object.keys(fields).length ? fields : { file: errorMessage(err, t) });
    }
  }

  const kinds: ProcessModelKind[] = hasAsIs ? ['to_be'] : ['as_is', 'to_be'];
  return (
    <form onSubmit={submit} noValidate>
      <p>{t('processes.modelImport.intro')}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <FileField
        name="file"
        label={labels.file}
        hint={t('processes.modelImport.fileHint')}
        accept=".bpmn,.xml,application/xml,text/xml"
        required
        error={errors.file}
        onChange={setFile}
      />
      <SelectField
        name="kind"
        label={labels.kind}
        hint={hasAsIs ? t('processes.modelImport.asIsExists') : undefined}
        value={kind}
        onChange={(v) => {
          const k = v as ProcessModelKind;
          // a name the user has not changed follows the kind
          if (name === defaultName(kind)) setName(defaultName(k));
          setKind(k);
        }}
        error={errors.kind}
        options={kinds.map((k) => ({ value: k, label: t(`processes.models.kinds.${k}`) }))}
      />
      <TextField name="name" label={labels.name} value={name} onChange={setName} error={errors.name} required />
      <Button type="submit" isDisabled={run.isPending}>
        {t('processes.modelImport.submit')}
      </Button>
    </form>
  );
}
