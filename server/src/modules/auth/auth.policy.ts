import { hashSecret } from '../../lib/ids.js';

/** Failures are forgotten after a day without a new one. */
export const THROTTLE_FORGET_MS = 24 * 3600_000;

/**
 * Seconds a client waits after its `failures`-th failed sign-in: nothing below `threshold`, then
 * 1, 2, 4 … seconds, never more than `capSeconds`. No captcha, no lock of the account itself.
 */
export function loginBackoffSeconds(failures: number, threshold: number, capSeconds: number): number {
  if (failures < threshold) return 0;
  return Math.min(2 ** Math.min(failures - threshold, 30), capSeconds);
}

/**
 * The counters a sign-in attempt is throttled by: this email from this client, and this client over
 * all emails. Keyed by the address typed, not by the account, so unknown emails are throttled exactly
 * like existing ones; hashed, so neither emails nor IP addresses are stored.
 */
export function throttleKeys(email: string, client: string) {
  return { account: hashSecret(`account\n${email}\n${client}`), client: hashSecret(`client\n${client}`) };
}
