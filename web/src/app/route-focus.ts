import { type RefObject, useEffect } from 'react';
import { useLocation } from 'react-router';

// Module-level, so remounts do not count as navigation and a fresh page load never steals focus.
let lastPath: string | null = null;

/**
 * Moves focus to the page's h1 after an in-app navigation, so screen readers announce the new page
 * (ARCHITECTURE: focus moved on route change).
 */
export function useRouteFocus(container: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  useEffect(() => {
    const navigated = lastPath !== null && lastPath !== pathname;
    lastPath = pathname;
    if (!navigated) return;
    const h1 = (container.current ?? document).querySelector('h1');
    if (h1) {
      h1.setAttribute('tabindex', '-1');
      h1.focus();
    }
  }, [pathname, container]);
}
