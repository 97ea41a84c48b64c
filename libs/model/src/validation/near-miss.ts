/**
 * The allowed value a refused one was most likely meant to be: the same
 * letters in another case (`ct` → `CT`), or one a few keystrokes away
 * (`writen` → `written`). Nothing when no value is close, so that a
 * suggestion is never a guess.
 */
import leven from 'leven';

export function nearMiss(value: string, allowed: readonly string[]): string | undefined {
  const wanted = value.toLowerCase();
  const sameLetters = allowed.find((option) => option.toLowerCase() === wanted);
  if (sameLetters !== undefined) return sameLetters;
  // One slip in a short word; two (a swapped pair) or a third of the letters in a longer one.
  const tolerance = value.length <= 3 ? 1 : Math.max(2, Math.floor(value.length / 3));
  let best: string | undefined;
  let bestDistance = tolerance + 1;
  for (const option of allowed) {
    const distance = leven(wanted, option.toLowerCase());
    if (distance < bestDistance) {
      best = option;
      bestDistance = distance;
    }
  }
  return best;
}

/** `; did you mean "X"?` for a near miss, or nothing. */
export function didYouMean(value: unknown, allowed: readonly string[]): string {
  if (typeof value !== 'string' || value === '') return '';
  const suggestion = nearMiss(value, allowed);
  return suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
}
