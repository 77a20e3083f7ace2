import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordIssue } from '@dz/core/domain';
import type { TFunction } from 'i18next';

/** The password rules in words, shown under the label before anyone types (the policy from core). */
export const newPasswordHint = (t: TFunction) =>
  t('invite.passwordHint', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });

/**
 * A new password the contract refuses is explained in the policy's own words ("Das Passwort muss mindestens
 * 10 Zeichen lang sein.") rather than as a generic length limit; other field errors stay as they are.
 */
export function withPasswordWording(errors: Record<string, string>, password: string, t: TFunction) {
  const issue = errors.password ? passwordIssue(password) : null;
  if (issue === 'too_short') return { ...errors, password: t('errors.password_short', { min: PASSWORD_MIN_LENGTH }) };
  if (issue === 'too_long') return { ...errors, password: t('errors.password_long', { max: PASSWORD_MAX_LENGTH }) };
  return errors;
}
