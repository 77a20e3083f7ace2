import { type ReactNode, type RefObject, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePublishedError } from './field-errors';

interface BaseProps {
  label: string;
  name: string;
  hint?: string;
  error?: string;
  required?: boolean;
}

function Frame({ id, label, hint, error, required, children }: BaseProps & { id: string; children: ReactNode }) {
  const { t } = useTranslation();
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
      {children}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * The field's error: the one the form passes, else one an error summary around it shows for this field name
 * (e.g. a limit only the server checks) — so every field is marked, whichever side found the error.
 */
function useFieldError(props: BaseProps, ref: RefObject<Element | null>) {
  const published = usePublishedError(props.name, ref);
  return props.error ?? published;
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** Labelled text input with hint and an error tied to it (labels above fields, DESIGN.md). */
export function TextField(
  props: BaseProps & {
    value: string;
    onChange: (v: string) => void;
    type?: string;
    autoComplete?: string;
    inputMode?: 'numeric' | 'decimal' | 'email' | 'text';
    readOnly?: boolean;
  },
) {
  const id = `f-${props.name}-${useId().replace(/:/g, '')}`;
  const ref = useRef<HTMLInputElement>(null);
  const error = useFieldError(props, ref);
  return (
    <Frame {...props} id={id} error={error}>
      <input
        ref={ref}
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        readOnly={props.readOnly}
        required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
      />
    </Frame>
  );
}

export function TextArea(props: BaseProps & { value: string; onChange: (v: string) => void; rows?: number }) {
  const id = `f-${props.name}-${useId().replace(/:/g, '')}`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const error = useFieldError(props, ref);
  return (
    <Frame {...props} id={id} error={error}>
      <textarea
        ref={ref}
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
      />
    </Frame>
  );
}

/** Native select: the most robust choice for screen readers and mobile. */
export function SelectField(
  props: BaseProps & { value: string; onChange: (v: string) => void; options: { value: string; label: string }[] },
) {
  const id = `f-${props.name}-${useId().replace(/:/g, '')}`;
  const ref = useRef<HTMLSelectElement>(null);
  const error = useFieldError(props, ref);
  return (
    <Frame {...props} id={id} error={error}>
      <select
        ref={ref}
        id={id}
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}
