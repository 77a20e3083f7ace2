import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePublishedError } from '../../components/field-errors';

/**
 * A labelled file input with hint and error, like the app's other fields (label above, error under it and tied to
 * the input); an error summary around it marks it too.
 */
export function FileField({
  name,
  label,
  hint,
  error,
  accept,
  required,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  accept: string;
  required?: boolean;
  onChange: (file: File | null) => void;
}) {
  const { t } = useTranslation();
  const id = `f-${name}-${useId().replace(/:/g, '')}`;
  const ref = useRef<HTMLInputElement>(null);
  const published = usePublishedError(name, ref);
  const shown = error ?? published;
  const describedBy = [hint ? `${id}-hint` : '', shown ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} {required && <span className="required">({t('form.required')})</span>}
      </label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <input
        ref={ref}
        id={id}
        name={name}
        type="file"
        accept={accept}
        required={required}
        aria-invalid={shown ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
      {shown && (
        <span className="field-error" id={`${id}-error`}>
          {shown}
        </span>
      )}
    </div>
  );
}
