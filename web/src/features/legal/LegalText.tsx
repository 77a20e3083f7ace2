import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Pending } from '../../components/Page';
import { AuthFrame } from '../auth/AuthFrame';
import { type LegalPageName, legalPageQuery } from './queries';
import '../../i18n/privacy';

/**
 * The page's HTML (rendered by the server from Markdown, raw HTML off) under the frame's h1: a leading h1 of the
 * text is dropped (the frame names the page) and the other headings move up so they start at h2.
 */
export function underPageTitle(html: string): string {
  const body = html.replace(/^\s*<h1>[\s\S]*?<\/h1>\s*/, '');
  const levels = [...body.matchAll(/<h([1-6])>/g)].map((m) => Number(m[1]));
  const shift = levels.length ? 2 - Math.min(...levels) : 0;
  if (shift === 0) return body;
  return body.replace(
    /<(\/?)h([1-6])>/g,
    (_, slash: string, n: string) => `<${slash}h${Math.min(6, Number(n) + shift)}>`,
  );
}

export function LegalText({ page }: { page: LegalPageName }) {
  const q = useQuery(legalPageQuery(page));
  if (!q.data) return <Pending query={q} />;
  return (
    // rendered on the server by markdown-it with raw HTML off: no markup of the operator's text runs here
    // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped Markdown output, see server lib/markdown.ts
    <div className="legal-text" dangerouslySetInnerHTML={{ __html: underPageTitle(q.data.html) }} />
  );
}

/** The privacy notice or the imprint, public (no sign-in), in the frame of the sign-in pages. */
export function PublicLegalPage({ page }: { page: LegalPageName }) {
  const { t } = useTranslation();
  return (
    <AuthFrame title={t(page === 'privacy' ? 'legal.privacy' : 'legal.imprint')} wide>
      <LegalText page={page} />
    </AuthFrame>
  );
}
