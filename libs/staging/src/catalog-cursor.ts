/**
 * The catalog's paging cursor: the place of the last scan of a page in the
 * catalog's total order, newest first by creation time (ms) and, among equal
 * times, by scan id (the sorted sets' score and member). Opaque to clients,
 * who pass it back unchanged; a page after it starts strictly after that
 * place, whatever was opened or deleted meanwhile.
 */

export interface CatalogPosition {
  /** The scan's creation time, ms, as the sorted set holds it. */
  score: string;
  scanId: string;
}

const DECODED = /^(0|[1-9]\d{0,15}):([^\s:]{1,128})$/;

export function encodeCatalogCursor(position: CatalogPosition): string {
  return Buffer.from(`${position.score}:${position.scanId}`, 'utf8').toString('base64url');
}

/** The position a cursor names; undefined for anything encodeCatalogCursor did not make. */
export function decodeCatalogCursor(cursor: string): CatalogPosition | undefined {
  const match = DECODED.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match === null) return undefined;
  const position = { score: match[1] ?? '', scanId: match[2] ?? '' };
  // Buffer decoding skips stray characters: only the exact encoding is a cursor.
  return encodeCatalogCursor(position) === cursor ? position : undefined;
}
