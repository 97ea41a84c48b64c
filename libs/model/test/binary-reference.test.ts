import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binaryReferencesIn, fieldValueProblem, metadataValueProblem } from '../src/index.js';

const ID = 'arr_0f8fad5b-d9cb-469f-a165-70867728950e';

describe('values that name uploaded data', () => {
  it('takes {"array": id} and {"stream": name} as a dataset value, never as an attribute', () => {
    assert.equal(fieldValueProblem({ array: ID }), undefined);
    assert.equal(fieldValueProblem({ stream: 'pco_frames' }), undefined);
    assert.match(metadataValueProblem({ array: ID }) ?? '', /not an object/);
  });

  it('says what is wrong with a reference, and what else a value may be', () => {
    assert.match(fieldValueProblem({ array: 'frame-1' }) ?? '', /is not an arrayId/);
    assert.match(fieldValueProblem({ array: 3 }) ?? '', /arrayId string, not a number/);
    assert.match(fieldValueProblem({ stream: 'a/b' }) ?? '', /must not contain "\/"/);
    assert.match(fieldValueProblem({ array: ID, stream: 's' }) ?? '', /exactly one key/);
    assert.match(fieldValueProblem({ x: 1 }) ?? '', /\{"array": "<arrayId>"\}/);
  });

  it('finds every reference of an event body with its path', () => {
    const body = {
      beamline: {
        subcomponents: {
          camera: {
            fields: {
              data: { value: { stream: 'pco' } },
              dark: { value: { array: ID }, unit: 'counts' },
              temperature: { value: 22.5 },
            },
          },
        },
      },
      fields: { series: { value: { value: { array: ID } }, timestamps: { value: [1] } } },
    };
    assert.deepEqual(binaryReferencesIn(body), [
      { path: 'beamline.subcomponents.camera.fields.data.value', reference: { stream: 'pco' } },
      { path: 'beamline.subcomponents.camera.fields.dark.value', reference: { array: ID } },
      { path: 'fields.series.value.value', reference: { array: ID } },
    ]);
  });
});
