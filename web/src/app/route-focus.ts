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
    const root = container.current ?? document.body;
    const focus = () => {
      const h1 = root.querySelector('h1');
      if (!h1) return false;
      h1.setAttribute('tabindex', '-1');
      h1.focus();
      return true;
    };
    if (focus()) return;
    // pages load on demand: wait for the heading to appear
    const observer = new MutationObserver(() => focus() && observer.disconnect());
    observer.observe(root, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), 5000);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [pathname, container]);
}
