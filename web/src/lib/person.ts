import { isFormerStaff } from '@dz/core/domain';
import type { TFunction } from 'i18next';

/**
 * An author's name as shown: the pseudonym of an erased account (stored in German, GDPR erasure) in the reader's
 * language — „ehemalige/r Mitarbeiter/in“ / “former staff member” — every other name as it is.
 */
export function personName<N extends string | null | undefined>(name: N, t: TFunction): N | string {
  return isFormerStaff(name) ? t('common.formerStaff') : name;
}
