import { type ReactNode, useRef } from 'react';
import { LanguageSwitch } from '../../app/Layout';
import { useRouteFocus } from '../../app/route-focus';
import { Page } from '../../components/Page';
import { Footer } from '../legal/Footer';

/** Frame of the public pages (login, invitation, reset): landmarks, one h1, language switch. */
export function AuthFrame({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  const main = useRef<HTMLElement>(null);
  useRouteFocus(main);
  return (
    <>
      <header className="shell-header">
        <span className="brand">Digitalzirkel</span>
        <div className="header-spacer" />
        <LanguageSwitch />
      </header>
      <main id="main" className={wide ? 'auth-page wide' : 'auth-page'} ref={main} tabIndex={-1}>
        <div className="panel">
          <Page title={title}>{children}</Page>
        </div>
      </main>
      <Footer />
    </>
  );
}
