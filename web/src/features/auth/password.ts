import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordIssue } from '@dz/core/domain';
import type { TFunction } from 'i18next';

/** The password rules in words, shown under the label before anyone types (the policy from core). */
export const newPasswordHint = (t: TFunction) =>
  t('invite.passwordHint', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });

/** The message for a new password that breaks the policy, or undefined when it is fine. */
export function newPasswordError(password: string, t: TFunction): string | undefined {
  const issue = passwordIssue(password);
  if (issue === 'too_short') return t('errors.password_short', { min: PASSWORD_MIN_LENGTH });
  if (issue === 'too_long') return t('errors.password_long', { max: PASSWORD_MAX_LENGTH });
  return undefined;
}
