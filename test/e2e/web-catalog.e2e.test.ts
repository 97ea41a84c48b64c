/**
 * The web catalog in a real browser (Debian's chromium, driven by
 * playwright-core): the catalog lists a written scan, its page shows the
 * status, the validation report and the file in H5Web — the NeXus tree, the
 * attributes, and the default NXdata plot. With keys on, the page asks for a
 * key once, sends it as a header, and never puts it in a URL. Screenshots
 * go to var/test-output/web-catalog.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import request from 'supertest';
import { PROJECT_ROOT } from '#libs/testing/src/source-dir.js';
import { tempDir } from '#libs/testing/src/temp-dir.js';
import { writeApiKeysFile } from '../helpers/api-keys-file.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { ScanClient } from '../helpers/scan-client.js';
import {
  postFixture,
  techniqueFixture,
  writeDetectorFiles,
} from '../helpers/technique-fixtures.js';

const SCREENSHOTS = path.join(PROJECT_ROOT, 'var/test-output/web-catalog');

/** Headless, and nothing that phones home; WebGL in software for the plots. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** An XAS scan (a Cu K edge): its default NXdata plots absorbed beam against energy. */
async function writtenScan(harness: Harness, proposal: string): Promise<string> {
  const fixture = techniqueFixture('XAS', (await tempDir('ui-detector-')).dir);
  await writeDetectorFiles(fixture);
  fixture.scan.proposal = proposal;
  const scanId = await postFixture(new ScanClient(harness.baseUrl), fixture);
  const written = await request(harness.baseUrl).get(`/v1/scans/${scanId}?wait=30`).expect(200);
  assert.equal((written.body as { status: string }).status, 'written');
  return scanId;
}

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('the web catalog in a browser', () => {
  let harness: Harness;
  let browser: Browser;
  let scanId = '';
  const proposal = `ui-${Date.now()}`;

  before(async () => {
    harness = await startHarness();
    scanId = await writtenScan(harness, proposal);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('lists the scan, opens it, and shows the file in H5Web', { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${harness.baseUrl}/ui/`);
    await page.fill('input[name=proposal]', proposal);
    await page.click('button[type=submit]');
    const row = page.locator('table.scans tbody tr', { hasText: scanId });
    await row.waitFor();
    assert.equal(await page.locator('table.scans tbody tr').count(), 1, 'the filter leaves one');
    assert.match(await row.innerText(), /QUATI.*XAS.*written/s);
    await shoot(page, 'catalog');

    await row.locator('a').click();
    await page.locator('main.scan > h1', { hasText: scanId }).waitFor();
    const validation = page.locator('section.validation');
    await validation.waitFor();
    assert.match(await validation.locator('h2').innerText(), /NXxas: 0 errors/);
    assert.ok((await page.locator('a[download]').getAttribute('href'))?.startsWith('blob:'));

    // H5Web: the tree of the file, then the default NXdata plot of /entry.
    const viewer = page.locator('section.viewer');
    const node = (at: string): Locator => viewer.locator(`[role=treeitem][data-path="${at}"]`);
    await node('/entry').waitFor({ timeout: 60_000 });
    await node('/sample_acquisition_start').waitFor();
    await viewer.locator('canvas').first().waitFor({ timeout: 60_000 });
    await viewer.getByText('absorbed_beam').first().waitFor();
    await shoot(page, 'scan');

    // The attributes of /entry, in H5Web's inspector.
    await node('/entry').click();
    await viewer.getByRole('tab', { name: 'Inspect' }).click();
    // The innermost row whose own cell says NX_class (H5Web nests tables).
    const attribute = viewer
      .locator('tr')
      .filter({ has: page.getByText('NX_class', { exact: true }) })
      .last();
    await attribute.waitFor();
    assert.match(await attribute.innerText(), /NX_class\s+"NXentry"/);
    await shoot(page, 'scan-attributes');
    assert.deepEqual(errors, [], 'no error in the page');
    await page.close();
  });
});

describe('the web catalog with keys on', () => {
  let harness: Harness;
  let browser: Browser;
  let readerKey = '';

  before(async () => {
    const { file, keys } = await writeApiKeysFile([{ id: 'reader', scopes: ['read'] }]);
    readerKey = keys.reader ?? '';
    harness = await startHarness({ worker: false, env: { API_KEYS_FILE: file } });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await harness?.close();
  });

  it(
    'asks for the key once, sends it as a header, never in a URL',
    { timeout: 60_000 },
    async () => {
      const page = await browser.newPage();
      const urls: string[] = [];
      const authorized: string[] = [];
      page.on('request', (sent) => {
        urls.push(sent.url());
        if (sent.headers().authorization === `Bearer ${readerKey}`) authorized.push(sent.url());
      });
      await page.goto(`${harness.baseUrl}/ui/`);
      await page.getByLabel('API key').fill(readerKey);
      await page.getByRole('button', { name: 'Use this key' }).click();
      await page.locator('table.scans').waitFor();
      await page.reload();
      await page.locator('table.scans').waitFor();
      assert.equal(await page.getByLabel('API key').count(), 0, 'asked once per session');
      assert.ok(
        authorized.some((url) => url.includes('/v1/scans')),
        'the key went as a header',
      );
      assert.ok(
        urls.every((url) => !url.includes(readerKey)),
        'and never in a URL',
      );
      await page.close();
    },
  );
});
