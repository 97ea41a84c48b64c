/**
 * JSON text for a value read by parseJsonPreservingIntegers (integer literals
 * as bigint, every other number as number), written so that reading it again
 * gives the same kinds: a bigint as its digits, a number always as a float
 * literal (`22.0`, not `22`). An event the gateway composes (a PV snapshot
 * placed through the schema) is staged this way, so `22.0` read from a PV
 * stays a float in the file, as it would in an Entry sent as text.
 */
export function stringifyPreservingNumbers(value: unknown): string {
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'number': {
      const text = JSON.stringify(value);
      return Number.isInteger(value) && /^-?\d+$/.test(text) ? `${text}.0` : text;
    }
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map(stringifyPreservingNumbers).join(',')}]`;
      const members = Object.entries(value)
        .filter(([, member]) => member !== undefined)
        .map(([key, member]) => `${JSON.stringify(key)}:${stringifyPreservingNumbers(member)}`);
      return `{${members.join(',')}}`;
    }
    default:
      return JSON.stringify(value);
  }
}
