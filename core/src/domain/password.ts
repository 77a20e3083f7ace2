/**
 * Password policy, one definition for the API contract and the forms that show it before anyone types:
 * length over complexity (the BSI IT-Grundschutz module ORP.4 and NIST SP 800-63B favour long passphrases over
 * composition rules), so there is no rule about digits or special characters.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** What is wrong with a new password, or null when it meets the policy (length in characters as typed). */
export function passwordIssue(password: string): 'too_short' | 'too_long' | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
  return null;
}
