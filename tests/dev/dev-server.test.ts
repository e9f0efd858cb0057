/**
 * `npm run dev` renders the site as built: Astro's dev server (on a free port,
 * in its own process group, stopped after the file) serves a co-op page whose
 * site stylesheet applies — the header has its accent background — with no
 * Content-Security-Policy blocking the styles the dev server injects; the
 * search page there says how to get a search index, and an API document the build writes beside its collection's
 * index is served by its own route. It runs with no other test file beside it (vitest.config.ts).
 */
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { launch, localOnlyContext } from '../helpers/browser.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { apiPaths } from '../../src/lib/publish/api.ts';

const coop = [...loadContentDirectory().coops].sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;

/** A TCP port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * A clean environment for the dev server, as a developer's shell would give it: not vitest's
 * (its NODE_ENV=test and VITEST variables change how Vite serves), at the root path, without a public origin.
 */
function devEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ASTRO_TELEMETRY_DISABLED: '1' };
}

let dev: ChildProcess | undefined;
let url = '';
let browser: Browser;
/** What the dev server printed, shown when a test fails. */
let out = '';

beforeAll(async () => {
  const port = await freePort();
  // --ignore-lock: run beside a developer's own dev server without touching its lock file.
  // detached: the dev server gets its own process group, so the whole group (astro and its workers) is stopped after.
  dev = spawn(
    process.execPath,
    [
      'node_modules/astro/bin/astro.mjs',
      'dev',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--ignore-lock',
    ],
    {
      env: devEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start in 90 s:\n${out}`)), 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}/`);
      }
    };
    dev!.stdout!.on('data', onData);
    dev!.stderr!.on('data', onData);
    dev!.once('exit', (code) => reject(new Error(`astro dev exited (${code}):\n${out}`)));
  });
  // Warm up: the first request of each page compiles its modules (the content layer, every component). Done here,
  // with the hook's long timeout, so the tests below measure the pages and not a cold compile on a busy machine.
  for (const path of [paths.coop(coop.id), paths.search()]) await warm(`${url}${path.replace(/^\//, '')}`);
  browser = await launch();
  // As it starts, the dev server sends page reloads (Astro after syncing the content, Vite's dependency optimiser after
  // a re-run); Vite keeps the last one sent while no browser was connected and hands it to the next page that
  // connects, right after its 'connected' message. Let a first visit take it, so the tests read pages that stay put
  // (evaluating during a reload could hang until the test timed out): once this page's Vite client is connected, the
  // kept reload has gone to it.
  const first = await (await localOnlyContext(browser)).context.newPage();
  let connected = false;
  first.on('websocket', (ws) =>
    ws.on('framereceived', (frame) => {
      if (/"type":\s*"connected"/.test(String(frame.payload))) connected = true;
    }),
  );
  await first.goto(`${url}${paths.coop(coop.id).replace(/^\//, '')}`, { timeout: 120_000 });
  await vi.waitFor(
    () => {
      if (!connected) throw new Error("the page's Vite client has not connected");
    },
    { timeout: 60_000, interval: 50 },
  );
  // Left open (closed with the browser after the file): the reload it was handed may be under way.
});

/** A page evaluation that gives up after 5 s (a page being reloaded may never answer). */
function settle<T>(run: Promise<T>): Promise<T | string> {
  return Promise.race([run, new Promise<string>((r) => setTimeout(() => r('no answer in 5 s'), 5_000))]).catch(
    (e: Error) => e.message,
  );
}

/** Requests a page until the dev server answers 200 (it may answer 5xx while it optimises dependencies), for up to 4 minutes. */
async function warm(page: string): Promise<void> {
  const deadline = Date.now() + 240_000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(page, { signal: AbortSignal.timeout(Math.max(1_000, deadline - Date.now())) });
      await res.text();
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`astro dev did not serve ${page} in 4 minutes (${last})`);
}

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail') console.error(`astro dev printed:\n${out.slice(-4_000)}`);
});

afterAll(async () => {
  await browser?.close();
  if (dev?.pid) {
    try {
      process.kill(-dev.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
});

describe('npm run dev', () => {
  test(`a co-op page (${coop.id}) is styled by the site stylesheet, with no CSP violation`, async () => {
    const { context } = await localOnlyContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const res = await page.goto(`${url}${paths.coop(coop.id).replace(/^\//, '')}`, { timeout: 90_000 });
    expect(res?.status()).toBe(200);
    // The header's background is the site's accent token, as defined in the stylesheet (polled: styles arrive by script in dev).
    const bgAndToken = () =>
      settle(
        page.evaluate(() => {
          const probe = document.createElement('div');
          probe.style.setProperty('background-color', 'var(--ra-color-accent-strong)');
          document.body.append(probe);
          const out = [
            getComputedStyle(document.querySelector('.site-header')!).backgroundColor,
            getComputedStyle(probe).backgroundColor,
          ];
          probe.remove();
          return out[0] === out[1] && /^rgb\(/.test(out[0]!) ? 'same' : `${out[0]} vs ${out[1]}`;
        }),
      );
    await expect.poll(bgAndToken, { timeout: 30_000 }).toBe('same');
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(0);
    expect(violations).toEqual([]);
    await context.close();
  }, 120_000);

  // A build writes the API's documents beside their collection's index (src/integrations/files-beside.ts); the dev
  // server has no build, so each document is a route of its own and must still be served.
  test(`an API document (${apiPaths.entity('coops', coop.id)}) is served, as the build writes it`, async () => {
    const res = await fetch(`${url}${apiPaths.entity('coops', coop.id)}`, { signal: AbortSignal.timeout(90_000) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = (await res.json()) as { id: string; collection: string; data: { name: string } };
    expect(doc).toMatchObject({ id: coop.id, collection: 'coops', data: { name: coop.name } });
  }, 120_000);

  test('the search page says a search index comes from a build', async () => {
    const { context } = await localOnlyContext(browser);
    const page = await context.newPage();
    await page.goto(`${url}${paths.search().replace(/^\//, '')}`, { timeout: 90_000, waitUntil: 'domcontentloaded' });
    await expect
      .poll(() => settle(page.locator('[data-dev-note]').textContent({ timeout: 5_000 })), { timeout: 30_000 })
      .toContain('npm run build');
    await context.close();
  }, 120_000);
});
