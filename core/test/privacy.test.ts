import { describe, expect, it } from 'vitest';
import { legalPlaceholders } from '../src/domain/privacy.js';

describe('legalPlaceholders', () => {
  it('lists the bracketed texts still to fill in, once each and in order', () => {
    const text = [
      '# Impressum',
      '',
      '[Name der Kommune]',
      'Musterstraße 1',
      'Vertreten durch [...]: die Bürgermeisterin',
      'E-Mail: [kontakt@example.org], nochmals [Name der Kommune] und […]',
    ].join('\n');
    expect(legalPlaceholders(text)).toEqual(['[Name der Kommune]', '[...]', '[kontakt@example.org]', '[…]']);
  });

  it('leaves links, images, references, escaped brackets and code alone', () => {
    const text = [
      'Siehe [die Aufsichtsbehörde](https://example.org) und [das Gesetz][ddg] oder [ddg].',
      '![Logo](/logo.png) \\[kein Platzhalter\\] `[im Code]` [ ]',
      '',
      '[ddg]: https://example.org/ddg',
      '',
      '```',
      '[auch im Code]',
      '```',
    ].join('\n');
    expect(legalPlaceholders(text)).toEqual([]);
  });
});
