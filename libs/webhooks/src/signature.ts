/**
 * Deliveries are signed with HMAC-SHA256 over the exact body bytes, sent as
 * `X-Assonant-Signature: sha256=<hex>`; the receiver recomputes it with the
 * secret it was shown once, and compares in constant time.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Assonant-Signature';
export const DELIVERY_HEADER = 'X-Assonant-Delivery';
export const EVENT_HEADER = 'X-Assonant-Event';

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function sign(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function verifySignature(secret: string, body: string, signature: string): boolean {
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
