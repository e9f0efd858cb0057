/**
 * Pages the build's middleware writes itself (src/integrations/rendered-pages.ts): the file is the one Astro's
 * `directory` format names, below the base; a path it does not map as surely is left to Astro; nothing is written
 * outside a build; a page that a file in public/ would clash with stops the build naming both; the verbose log says
 * such a page was written, not "file not created".
 */
import { afterAll, expect, test } from 'vitest';
import type { AstroLoggerMessage } from 'astro';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import renderedPages, {
  pageFileOf,
  takeLastWritten,
  writeRenderedPage,
} from '../../../src/integrations/rendered-pages.ts';
import { verboseDestination } from '../../../src/integrations/build-log.ts';

const work = mkdtempSync(join(tmpdir(), 'ra-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the integration's hooks up to the start of a build into `work/name/out`, public/ at `work/name/public`. */
function startBuild(name: string, base: string, publicFiles: string[] = []): { out: string } {
  const out = join(work, name, 'out');
  const pub = join(work, name, 'public');
  mkdirSync(out, { recursive: true });
  for (const f of publicFiles) {
    mkdirSync(join(pub, f, '..'), { recursive: true });
    writeFileSync(join(pub, f), 'public');
  }
  const { hooks } = renderedPages();
  hooks['astro:config:done']!({
    config: { outDir: pathToFileURL(`${out}/`), publicDir: pathToFileURL(`${pub}/`), base, build: { concurrency: 1 } },
  } as never);
  hooks['astro:build:start']!({} as never);
  return { out };
}

test("a page's file is <path>/index.html below the base; status pages and unusual paths are left to Astro", () => {
  expect(pageFileOf('/', '/')).toBe('index.html');
  expect(pageFileOf('/coops/amenity-kobo/', '/')).toBe('coops/amenity-kobo/index.html');
  expect(pageFileOf('/sub/en/coops/x/', '/sub/')).toBe('en/coops/x/index.html');
  expect(pageFileOf('/sub/', '/sub/')).toBe('index.html');
  // Astro writes these as 404.html and 500.html.
  expect(pageFileOf('/404/', '/')).toBeUndefined();
  expect(pageFileOf('/sub/500/', '/sub/')).toBeUndefined();
  expect(pageFileOf('/sub/404/x/', '/sub/')).toBe('404/x/index.html');
  // Outside the base, not a folder, encoded or non-ASCII, or climbing out: Astro's own path.
  expect(pageFileOf('/other/x/', '/sub/')).toBeUndefined();
  expect(pageFileOf('/feed.xml', '/')).toBeUndefined();
  expect(pageFileOf('/coops/%E5%8D%94/', '/')).toBeUndefined();
  expect(pageFileOf('/coops/協/', '/')).toBeUndefined();
  expect(pageFileOf('/coops/a b/', '/')).toBeUndefined();
  expect(pageFileOf('/coops/a\\b/', '/')).toBeUndefined();
  expect(pageFileOf("/coops/a'b/", '/')).toBeUndefined();
  expect(pageFileOf('/sub/../x/', '/sub/')).toBeUndefined();
});

test("every path the site's pages have maps to the file Astro's own rule names", async () => {
  // Astro's rule (not a public export): the folder of encodeURI(path) below the output folder, then index.html.
  const common = (await import('../../../node_modules/astro/dist/core/build/common.js')) as unknown as {
    getOutFolder(settings: unknown, pathname: string, route: { type: string }): URL;
    getOutFile(format: string, folder: URL, pathname: string, route: { type: string }): URL;
  };
  const outDir = pathToFileURL(`${work}/astro-rule/`);
  const settings = { buildOutput: 'static', config: { outDir, build: { format: 'directory' } } };
  const page = { type: 'page' };
  const paths = [
    '/',
    '/coops/amenity-kobo/',
    '/en/coops/x-1/',
    '/municipalities/140007/',
    '/contracts/programme/a_b/2/',
  ];
  for (const base of ['/', '/roukyou-atlas/']) {
    for (const path of paths) {
      const encoded = encodeURI(path);
      const file = common.getOutFile('directory', common.getOutFolder(settings, encoded, page), encoded, page);
      expect(pageFileOf(base + path.slice(1), base), path).toBe(relative(fileURLToPath(outDir), fileURLToPath(file)));
    }
  }
});

test('outside a build nothing is written, and Astro writes the page', () => {
  const key = Symbol.for('roukyou-atlas:rendered-page-steps');
  const g = globalThis as Record<symbol, unknown>;
  const during = g[key];
  delete g[key];
  try {
    expect(writeRenderedPage('/coops/x/', '<p>x</p>')).toBe(false);
    expect(takeLastWritten()).toBe(false);
  } finally {
    if (during !== undefined) g[key] = during;
  }
});

test('a build that renders pages side by side is refused: the steps expect one at a time', () => {
  const { hooks } = renderedPages();
  expect(() =>
    hooks['astro:config:done']!({
      config: {
        outDir: pathToFileURL(`${work}/c/`),
        publicDir: pathToFileURL(`${work}/c/`),
        base: '/',
        build: { concurrency: 4 },
      },
    } as never),
  ).toThrow(/build\.concurrency is 4/);
});

test('during a build the page is written where Astro would write it, folders made as needed', () => {
  const { out } = startBuild('written', '/sub/');
  expect(writeRenderedPage('/sub/coops/a/', '<p>協同</p>')).toBe(true);
  expect(takeLastWritten()).toBe(true);
  expect(takeLastWritten()).toBe(false);
  expect(writeRenderedPage('/sub/coops/b/', '<p>b</p>')).toBe(true);
  expect(writeRenderedPage('/sub/', '<p>top</p>')).toBe(true);
  // Left to Astro: the flag says so, so the log keeps Astro's words for it.
  expect(writeRenderedPage('/sub/404/', '<p>404</p>')).toBe(false);
  expect(takeLastWritten()).toBe(false);
  expect(readFileSync(join(out, 'coops/a/index.html'), 'utf8')).toBe('<p>協同</p>');
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<p>top</p>');
  expect(readdirSync(join(out, 'coops')).sort()).toEqual(['a', 'b']);
  expect(readdirSync(out).sort()).toEqual(['coops', 'index.html']);
});

test('a page that a file in public/ would clash with stops the build, naming both', () => {
  startBuild('clash', '/', ['about/index.html', 'favicon.svg']);
  expect(() => writeRenderedPage('/about/', '<p>about</p>')).toThrow(
    /the page \/about\/ and the file public\/about\/index\.html would both be written to about\/index\.html/,
  );
  expect(writeRenderedPage('/guide/', '<p>guide</p>')).toBe(true);
});

test("the verbose log says a page the middleware wrote was written; other empty responses keep Astro's words", () => {
  const written: AstroLoggerMessage[] = [];
  const flags = [true, false];
  const log = verboseDestination({ write: (e) => written.push(e) }, () => flags.shift() ?? false);
  const line = (message: string): AstroLoggerMessage => ({
    label: 'SKIP_FORMAT',
    level: 'info',
    message,
    newLine: true,
  });
  log.write(line(' (+2ms) \u001b[33m(file not created, response body was empty)\u001b[39m'));
  log.write(line(' (+1ms) \u001b[33m(file not created, response body was empty)\u001b[39m'));
  log.write(line(' (+3ms) '));
  expect(written.map((e) => e.message)).toEqual([
    ' (+2ms) \u001b[33m(written by the page steps)\u001b[39m',
    ' (+1ms) \u001b[33m(file not created, response body was empty)\u001b[39m',
    ' (+3ms) ',
  ]);
  // Lines that are not Astro's note do not read (and so do not clear) the flag.
  expect(flags).toEqual([]);
});
