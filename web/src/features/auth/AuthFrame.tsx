import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../app/Layout';
import { Page } from '../../components/Page';

/** Frame of the public pages (login, invitation, reset): landmarks, one h1, language switch. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <header className="shell-header">
        <span className="brand">Digitalzirkel</span>
        <div className="header-spacer" />
        <LanguageSwitch />
      </header>
      <main id="main" className="auth-page">
        <div className="panel">
          <Page title={title}>{children}</Page>
        </div>
      </main>
    </>
  );
}
