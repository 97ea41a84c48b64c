/**
 * A request body parsed once by the strict parser into what validation sees
 * (numbers as JavaScript numbers, exactly what JSON.parse gives), with the
 * canonical text that is digested and staged written in the same pass.
 */
import { parseStrictJsonCanonical, type StrictJsonOptions } from './strict-json.js';

export interface JsonBody {
  /** What JSON.parse would have returned for the same text. */
  value: unknown;
  /**
   * Keys sorted (by UTF-16 code units), no white space, strings escaped as
   * JSON.stringify does, numbers as sent (`1.50`, `1E+3`, `9007199254740993`):
   * two bodies that a reader cannot tell apart have the same canonical text,
   * and no others do.
   */
  canonical: string;
}

export function parseJsonBody(text: string, options: StrictJsonOptions = {}): JsonBody {
  return parseStrictJsonCanonical(text, Number, options);
}
