import { type RefObject, useEffect, useState } from 'react';

/*
 * Field errors shown by an error summary, handed to the fields inside the same part of the page (the
 * summary's parent element) — so a field is marked with the server's message even when its form does not
 * pass that field an error itself (server-side errors behave exactly like client-side ones).
 */
type Errors = Record<string, string>;
const published = new Map<Element, Errors>();
const listeners = new Set<() => void>();

/** Sets (or, with no errors, clears) the errors of one part of the page. */
export function publishFieldErrors(scope: Element, errors: Errors) {
  if (Object.keys(errors).length) published.set(scope, errors);
  else published.delete(scope);
  for (const l of listeners) l();
}

/** The published error for the field `name` whose element is `ref`, if an error summary around it has one. */
export function usePublishedError(name: string, ref: RefObject<Element | null>): string | undefined {
  const [error, setError] = useState<string>();
  useEffect(() => {
    const update = () => {
      const el = ref.current;
      let found: string | undefined;
      if (el)
        for (const [scope, errors] of published)
          if (errors[name] && scope.contains(el)) {
            found = errors[name];
            break;
          }
      setError(found);
    };
    update();
    listeners.add(update);
    return () => {
      listeners.delete(update);
    };
  }, [name, ref]);
  return error;
}

/** The visible label of the field `name` inside `scope` (without "(Pflichtfeld)"), for the error summary. */
export function fieldLabel(scope: Element, name: string): string | undefined {
  const el = scope.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
  if (!el) return undefined;
  const label =
    (el as HTMLInputElement).labels?.[0] ?? el.closest('fieldset')?.querySelector(':scope > legend') ?? null;
  if (!label) return el.getAttribute('aria-label') ?? undefined;
  const copy = label.cloneNode(true) as HTMLElement;
  for (const r of copy.querySelectorAll('.required')) r.remove();
  return copy.textContent?.trim() || undefined;
}
