import { NETWORK_TYPES } from '@dz/core/domain';
import { useTranslation } from 'react-i18next';
import { SelectField, TextArea, TextField } from '../../components/Field';
import type { NetworkCreate } from './queries';

/** The form state of both forms, typed from the contract (the description always shown). */
export type NetworkForm = Required<NetworkCreate>;

/** Name, type and description of a network — shared by "Verbund gründen" and "Verbund bearbeiten". */
export function NetworkFields({
  form,
  onChange,
  errors,
}: {
  form: NetworkForm;
  onChange: (form: NetworkForm) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-grid">
        <TextField
          name="name"
          label={t('networks.name')}
          value={form.name}
          onChange={(v) => onChange({ ...form, name: v })}
          error={errors.name}
          required
        />
        <SelectField
          name="type"
          label={t('networks.type')}
          value={form.type}
          onChange={(v) => onChange({ ...form, type: v as NetworkForm['type'] })}
          options={NETWORK_TYPES.map((nt) => ({ value: nt, label: t(`networkTypes.${nt}`) }))}
          error={errors.type}
        />
      </div>
      <TextArea
        name="description"
        label={t('networks.description')}
        value={form.description}
        onChange={(v) => onChange({ ...form, description: v })}
        error={errors.description}
      />
    </>
  );
}
