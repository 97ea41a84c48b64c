/**
 * The README's shell blocks as one script, and what each command promised to
 * print. Under a command, lines starting with `#>` are its output as the
 * README shows it, `…` standing for what differs from run to run. A block
 * preceded by `<!-- readme-test: skip (why) -->` is not run.
 */

/** A command group's promised output, with where the README says it. */
export interface ExpectedOutput {
  /** 1-based line of the README where the promise starts. */
  line: number;
  /** The promised text, one entry per output line. */
  lines: string[];
}

export interface ReadmeScript {
  /** The blocks' text, each `#>` group replaced by a marker the output is split on. */
  body: string;
  /**
   * What each stretch of output between markers must be: a promise, or
   * `undefined` where the README promises nothing (so nothing may be printed).
   */
  stretches: (ExpectedOutput | undefined)[];
  blocks: number;
}

const SKIP = /^<!--\s*readme-test:\s*skip\b/;
const PROMISE = /^#>(?: (.*))?$/;

/** The marker that ends stretch `n` of the output. */
export function marker(n: number): string {
  return `@@readme-stretch ${n}@@`;
}

export function readmeScript(markdown: string): ReadmeScript {
  const lines = markdown.split('\n');
  const out: string[] = [];
  const stretches: (ExpectedOutput | undefined)[] = [];
  let blocks = 0;
  let previous = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() !== '' && !line.startsWith('```')) previous = line;
    if (line !== '```sh') continue;
    const skipped = SKIP.test(previous);
    previous = '';
    let pending: ExpectedOutput | undefined;
    for (i++; i < lines.length && lines[i] !== '```'; i++) {
      const text = lines[i] ?? '';
      const promised = PROMISE.exec(text);
      if (promised !== null) {
        pending ??= { line: i + 1, lines: [] };
        pending.lines.push(promised[1] ?? '');
        continue;
      }
      if (pending !== undefined) closeStretch(out, stretches, pending);
      pending = undefined;
      if (!skipped) out.push(text);
    }
    if (skipped) continue;
    closeStretch(out, stretches, pending);
    blocks++;
  }
  return { body: out.join('\n'), stretches, blocks };
}

function closeStretch(
  out: string[],
  stretches: (ExpectedOutput | undefined)[],
  expected: ExpectedOutput | undefined,
): void {
  out.push(`printf '\\n%s\\n' '${marker(stretches.length)}'`);
  stretches.push(expected);
}

/** A promise as a regular expression over the whole stretch of output. */
export function promisePattern(expected: ExpectedOutput): RegExp {
  const escaped = expected.lines
    .join('\n')
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[\\s\\S]*?')}$`);
}

/** Where the output breaks its promises, one message per broken stretch. */
export function brokenPromises(script: ReadmeScript, stdout: string): string[] {
  const broken: string[] = [];
  let rest = stdout;
  for (const [n, promise] of script.stretches.entries()) {
    const end = rest.indexOf(marker(n));
    if (end < 0) {
      broken.push(
        `stretch ${n} (README line ${promise?.line ?? '?'}) never ended: the script stopped`,
      );
      break;
    }
    const printed = rest.slice(0, end).trim();
    rest = rest.slice(end + marker(n).length);
    if (promise === undefined) {
      if (printed !== '') broken.push(`printed what the README does not show:\n${printed}`);
    } else if (!promisePattern(promise).test(printed)) {
      broken.push(
        `README line ${promise.line} promises:\n${promise.lines.join('\n')}\nbut the command printed:\n${printed}`,
      );
    }
  }
  if (rest.trim() !== '') broken.push(`printed after the last block:\n${rest.trim()}`);
  return broken;
}
