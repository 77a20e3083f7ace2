/** What the full-text vector reads besides title, summary and body: checklist items and the names of the files. */
export function searchExtra(items: readonly { text: string }[], files: readonly { fileName: string }[]): string {
  return [...items.map((i) => i.text), ...files.map((f) => f.fileName.replace(/[-_.]+/g, ' '))].join('\n');
}
