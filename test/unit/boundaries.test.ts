/**
 * The lint rule that keeps the core framework-free: each forbidden import,
 * put into a real file of the place it is forbidden in, is reported; the same
 * import where it belongs is not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { PROJECT_ROOT } from '#libs/testing/src/source-dir.js';

const eslint = new ESLint({ cwd: PROJECT_ROOT });

/** The no-restricted-imports messages for `code` linted as the file at `filePath`. */
async function restrictions(filePath: string, specifier: string): Promise<string[]> {
  const code = `import * as imported from '${specifier}';\nexport const used = imported;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  assert.ok(result, `no lint result for ${filePath}`);
  const fatal = result.messages.filter((message) => message.fatal === true);
  assert.deepEqual(fatal, [], `${filePath} could not be linted`);
  return result.messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

const CORE_FILES = [
  'libs/model/src/index.ts',
  'libs/nexus/src/index.ts',
  'libs/techniques/src/index.ts',
  'libs/nxdl/src/index.ts',
  'libs/staging/src/index.ts',
  'libs/queue-contracts/src/index.ts',
  'libs/ingest/src/index.ts',
  'apps/worker/src/main.ts',
];

const FRAMEWORK = [
  '@nestjs/common',
  '@nestjs/core/injector/injector.js',
  'class-validator',
  'class-transformer',
  '#libs/model-classes/src/index.js',
];

describe('import boundaries', () => {
  for (const file of CORE_FILES) {
    it(`${file}: refuses the framework and the decorated classes`, async () => {
      for (const specifier of FRAMEWORK) {
        const found = await restrictions(file, specifier);
        assert.equal(found.length, 1, `${specifier} in ${file}: ${found.join('; ')}`);
      }
    });
  }

  it("refuses an app, or another lib's tests, in any lib", async () => {
    for (const [file, specifier] of [
      ['libs/staging/src/index.ts', '../../../apps/gateway/src/main.js'],
      ['libs/model-classes/src/index.ts', '../../../apps/gateway/src/main.js'],
      ['libs/nexus/src/index.ts', '#libs/nxdl/test/support/fixtures.js'],
      ['libs/techniques/test/registry.test.ts', '../../nexus/test/map-scan.test.js'],
    ] as const) {
      assert.equal((await restrictions(file, specifier)).length, 1, `${specifier} in ${file}`);
    }
  });

  it('lets the gateway use Nest and the decorated classes, and those classes use class-validator', async () => {
    assert.deepEqual(await restrictions('apps/gateway/src/main.ts', '@nestjs/common'), []);
    assert.deepEqual(
      await restrictions('apps/gateway/src/main.ts', '#libs/model-classes/src/index.js'),
      [],
    );
    assert.deepEqual(await restrictions('libs/model-classes/src/index.ts', 'class-validator'), []);
  });
});
