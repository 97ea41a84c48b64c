import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { didYouMean, nearMiss } from '../src/validation/near-miss.js';
import { TECHNIQUES } from '../src/naming.js';

describe('nearMiss', () => {
  it('finds the same letters in another case first', () => {
    assert.equal(nearMiss('ct', TECHNIQUES), 'CT');
    assert.equal(nearMiss('Saxs', TECHNIQUES), 'SAXS');
  });

  it('finds a value a keystroke or two away', () => {
    assert.equal(nearMiss('writen', ['open', 'closing', 'written', 'failed']), 'written');
    assert.equal(nearMiss('strat', ['start', 'during', 'end']), 'start');
    assert.equal(
      nearMiss('Monochromatr', ['Detector', 'Monochromator', 'Mirror']),
      'Monochromator',
    );
  });

  it('suggests nothing when no value is close', () => {
    assert.equal(nearMiss('holography', TECHNIQUES), undefined);
    assert.equal(nearMiss('zz', ['open', 'closing']), undefined);
    assert.equal(didYouMean(42, TECHNIQUES), '');
    assert.equal(didYouMean('', TECHNIQUES), '');
  });

  it('words the suggestion for a message', () => {
    assert.equal(didYouMean('xrd', TECHNIQUES), '; did you mean "XRD"?');
  });
});
