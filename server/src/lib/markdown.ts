import MarkdownIt from 'markdown-it';

/**
 * Markdown as HTML for texts people write (news posts, guides, the legal pages): markdown-it with raw HTML off, so
 * a `<script>` stays visible text; its link check refuses javascript:, vbscript: and data: (except images) URLs.
 * Links open in the same window; no typographer (German quotes are typed as they are).
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: false });
/** The same, with every single line break kept as `<br>`: addresses in an imprint are written line by line. */
const mdBreaks = new MarkdownIt({ html: false, linkify: true, breaks: true });

export function renderMarkdown(text: string, options: { breaks?: boolean } = {}): string {
  return (options.breaks ? mdBreaks : md).render(text);
}

/** Text for HTML built by hand (the intranet page's titles): markdown-it's own escaping. */
export const escapeHtml = (text: string): string => md.utils.escapeHtml(text);
