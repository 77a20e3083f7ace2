import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { password } from '../src/contracts/auth.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordIssue } from '../src/domain/password.js';

describe('password policy', () => {
  it.each([
    ['', 'too_short'],
    ['123456789', 'too_short'],
    ['1234567890', null],
    ['Eckernförde digital 2026', null],
    ['x'.repeat(PASSWORD_MAX_LENGTH), null],
    ['x'.repeat(PASSWORD_MAX_LENGTH + 1), 'too_long'],
  ])('%j → %s', (pw, issue) => {
    expect(passwordIssue(pw)).toBe(issue);
  });

  it('the form rule and the API contract agree on every password', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: PASSWORD_MAX_LENGTH + 20 }), (pw) => {
        expect(passwordIssue(pw) === null).toBe(password.safeParse(pw).success);
      }),
    );
    expect(PASSWORD_MIN_LENGTH).toBe(10);
  });
});
