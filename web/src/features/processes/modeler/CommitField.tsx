import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';

/**
 * A labelled text input that applies its value on Enter or when it loses focus (each application is one
 * bpmn-js command, so not one per keystroke). `onCommit` returns an error message or null. Escape restores the
 * diagram's value. Changes from the diagram (undo, other edits) show when the field is not being edited.
 */
export function CommitField({
  label,
  value,
  onCommit,
  hint,
  inputMode,
  field,
  readOnly,
  className,
}: {
  label: string;
  value: string;
  onCommit: (text: string) => string | null;
  hint?: string;
  inputMode?: 'decimal' | 'text';
  /** `data-field` for focus after re-renders. */
  field: string;
  readOnly?: boolean;
  className?: string;
}) {
  const id = `dz-f-${useId().replace(/:/g, '')}`;
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setDraft(value);
  }, [value]);
  const commit = () => {
    if (draft === value) return setError(null);
    setError(onCommit(draft));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      setDraft(value);
      setError(null);
    }
  };
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <input
        id={id}
        type="text"
        data-field={field}
        value={draft}
        inputMode={inputMode}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => setDraft(e.target.value)}
        onFocus={() => {
          editing.current = true;
        }}
        onBlur={() => {
          editing.current = false;
          commit();
        }}
        onKeyDown={onKeyDown}
      />
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
