/**
 * The map under a sub-path (the shared SITE_URL + BASE_PATH build): the island reads
 * its data URLs and the base from data attributes, so markers, outlines and
 * popup links work there too, and the static maps link to the sub-path.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.ts';
import { SUB_PATH, subPathBuild, type BuildResult } from '../helpers/build.ts';
import { launch, localOnlyContext } from '../helpers/browser.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { indexById, placeOf } from '../../src/lib/model/directory.ts';
import { paths } from '../../src/lib/model/paths.ts';

const BASE = SUB_PATH.base;
const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
const placed = dir.coops.filter((c) => placeOf(c, bodies) !== undefined);

let build: BuildResult;
let browser: Browser;
let server: Server;
let url: string;

beforeAll(async () => {
  build = await subPathBuild();
  if (build.status !== 0) throw new Error(`build failed:\n${build.output.slice(-3000)}`);
  ({ server, url } = await serve(build.outDir, 0, BASE));
  browser = await launch();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
});

test('markers, outlines and popup links work under the sub-path, with nothing requested outside it', async () => {
  const { context, blocked } = await localOnlyContext(browser);
  const page = await context.newPage();
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.hostname === '127.0.0.1' && !u.pathname.startsWith(BASE)) outside.push(u.pathname);
  });
  const target = placed[0]!;
  await page.goto(`${url}${paths.map()}?focus=${target.id}`);
  await page.waitForFunction(
    () => document.querySelector('coop-map')?.getAttribute('data-state') === 'ready',
    undefined,
    { timeout: 20_000 },
  );
  expect(
    await page.evaluate(() =>
      (document.querySelector('coop-map') as HTMLElement & { markerCount(): number }).markerCount(),
    ),
  ).toBe(placed.length);
  expect(await page.locator('.leaflet-outlines-pane path').count()).toBeGreaterThan(0);
  await page.locator('.leaflet-popup-content a').waitFor();
  expect(await page.locator('.leaflet-popup-content a').getAttribute('href')).toBe(`${BASE}${paths.coop(target.id)}`);
  expect(outside).toEqual([]);
  expect(blocked.filter((u) => !u.startsWith('https://cyberjapandata.gsi.go.jp/'))).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('static maps link to the map under the sub-path', () => {
  const coop = placed[0]!;
  const html = readFileSync(join(build.outDir, paths.coop(coop.id), 'index.html'), 'utf8');
  expect(html).toContain(`href="${BASE}${paths.map()}?focus=${coop.id}"`);
});
