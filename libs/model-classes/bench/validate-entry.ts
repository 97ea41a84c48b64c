/**
 * Time per validation of the MOGNO start entry: the compiled validator versus
 * class-transformer + class-validator. Run after a build:
 *   node dist/libs/model/bench/validate-entry.js [iterations]
 */
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Entry } from '../src/classes/entry.js';
import { EXAMPLE_MOGNO_TOMOGRAPHY_START } from '#libs/model/src/examples/mogno-tomography-start.js';
import { validateBody } from '../src/validation/validate-body.js';

const iterations = Number(process.argv[2] ?? 20000);
const text = JSON.stringify(EXAMPLE_MOGNO_TOMOGRAPHY_START);

function microsecondsPerCall(run: () => boolean, count: number): number {
  for (let i = 0; i < Math.min(count, 2000); i++) run();
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    if (!run()) throw new Error('the example was rejected');
  }
  return Number(process.hrtime.bigint() - start) / 1000 / count;
}

// A fresh parse per call, as in a request, so no hidden-class or cache luck.
const parse = (): unknown => JSON.parse(text);
const parseOnly = microsecondsPerCall(() => parse() !== undefined, iterations);
const compiled = microsecondsPerCall(() => validateBody(Entry, parse()).ok, iterations);
const classic = microsecondsPerCall(
  () =>
    validateSync(plainToInstance(Entry, parse()), {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    }).length === 0,
  Math.max(1, Math.floor(iterations / 10)),
);

console.log(`body: ${text.length} bytes of JSON`);
console.log(`JSON.parse alone:                  ${parseOnly.toFixed(1)} µs`);
console.log(
  `compiled validator (incl. parse):  ${compiled.toFixed(1)} µs  -> ${(compiled - parseOnly).toFixed(1)} µs validating`,
);
console.log(
  `class-validator (incl. parse):     ${classic.toFixed(1)} µs  -> ${(classic - parseOnly).toFixed(1)} µs validating`,
);
