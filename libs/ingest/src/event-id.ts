/** Which id an event is stored under. */

export type EventIdChoice =
  { ok: true; eventId: string } | { ok: false; bodyEventId: string; idempotencyKey: string };

/**
 * The body's eventId, else the Idempotency-Key, else a digest of the content:
 * without a client id the content names the event, so a verbatim repeat is
 * stored once and the id does not depend on when or where it arrived. A body
 * id and a key that differ are refused: either could be the one meant.
 */
export function chooseEventId(
  bodyEventId: string | undefined,
  idempotencyKey: string | undefined,
  contentDigest: () => string,
): EventIdChoice {
  if (bodyEventId !== undefined && idempotencyKey !== undefined && bodyEventId !== idempotencyKey) {
    return { ok: false, bodyEventId, idempotencyKey };
  }
  return { ok: true, eventId: bodyEventId ?? idempotencyKey ?? `sha256-${contentDigest()}` };
}
