/**
 * RFC 9530's Content-Digest: `sha-256=:<base64>:` (and/or sha-512), the
 * digest of the body as sent. The strongest algorithm given that we know is
 * checked; a header that names none we know is refused, not ignored, so a
 * client that asked for a check never goes without one.
 */
import type { BodyDigestAlgorithm } from './array-intake.js';

export type ContentDigest =
  { algorithm: BodyDigestAlgorithm; digest: string } | { problem: string };

const KNOWN: readonly BodyDigestAlgorithm[] = ['sha-512', 'sha-256'];

export function parseContentDigest(header: string): ContentDigest {
  const given = new Map<string, string>();
  for (const member of header.split(',')) {
    const match = /^\s*([a-z0-9-]+)\s*=\s*:([A-Za-z0-9+/=]*):\s*$/i.exec(member);
    if (match === null) {
      return {
        problem: `Content-Digest ${JSON.stringify(header)} is not of the form sha-256=:<base64>:`,
      };
    }
    given.set((match[1] ?? '').toLowerCase(), match[2] ?? '');
  }
  const algorithm = KNOWN.find((known) => given.has(known));
  if (algorithm === undefined) {
    return { problem: `Content-Digest names none of ${KNOWN.join(', ')}: send one of them` };
  }
  return { algorithm, digest: given.get(algorithm) ?? '' };
}
