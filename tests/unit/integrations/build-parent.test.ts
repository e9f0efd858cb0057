/**
 * The channel of `npm run build` (src/integrations/build-parent.ts): Astro's process sends the pages for the index to
 * the parent in batches, in order, never more than a few batches unanswered (a slow index holds rendering back), the
 * last short batch before its site, then exits on its own; the parent indexes what it is sent, in order, and learns
 * the site and the exit code.
 */
import { afterAll, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  BATCH,
  INDEX_IN_PARENT,
  serveAstro,
  type IndexPage,
  type ToParent,
} from '../../../src/integrations/build-parent.ts';

const work = mkdtempSync(join(tmpdir(), 'ra-parent-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Nine full batches and a short one.
const PAGES = 9 * BATCH + 12;
const folders = { target: '/x/dist', partial: '/x/dist.partial', previous: '/x/dist.previous' };

/** A stand-in for Astro's process: sends PAGES pages through the channel, then hands over its site. */
function fakeAstro(): string {
  const file = join(work, 'astro.ts');
  writeFileSync(
    file,
    `import { handSiteToParent, indexInParent, parentIndex } from ${JSON.stringify(resolve('src/integrations/build-parent.ts'))};
if (!indexInParent()) process.exit(3);
const index = parentIndex();
for (let i = 0; i < ${PAGES}; i++) await index.add({ url: '/p' + i + '/', content: '<main>' + i + '</main>' });
await handSiteToParent({ folders: ${JSON.stringify(folders)}, base: '/sub/' });
`,
  );
  return file;
}

test('pages arrive in order, a few batches ahead at most, the last before the site; the child exits on its own', async () => {
  const astro = spawn(process.execPath, [fakeAstro()], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [INDEX_IN_PARENT]: '1' },
  });
  const seen: IndexPage[] = [];
  // Batches received from Astro, and the most received at any moment beyond those whose pages were all taken.
  let received = 0;
  let mostAhead = 0;
  let siteAfter = -1;
  astro.on('message', (m: ToParent) => {
    if (m.kind === 'pages') received++;
    else siteAfter = received;
    mostAhead = Math.max(mostAhead, received - Math.floor(seen.length / BATCH));
  });
  const { site, code } = await serveAstro(astro, async (page) => {
    seen.push(page);
    // A slow index: rendering must wait for it rather than pile pages up.
    await new Promise((ok) => setTimeout(ok, 1));
  });
  expect(code).toBe(0);
  expect(seen.map((p) => p.url)).toEqual(Array.from({ length: PAGES }, (_, i) => `/p${i}/`));
  expect(seen[7]!.content).toBe('<main>7</main>');
  expect(received).toBe(10);
  expect(siteAfter).toBe(10);
  expect(mostAhead).toBeGreaterThan(1);
  expect(mostAhead).toBeLessThanOrEqual(4);
  expect(site).toEqual({ folders, base: '/sub/' });
});

test('a page the index cannot take stops Astro, and the parent fails with that error', async () => {
  const astro = spawn(process.execPath, [fakeAstro()], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [INDEX_IN_PARENT]: '1' },
  });
  const seen: string[] = [];
  const served = serveAstro(astro, async (page) => {
    seen.push(page.url);
    if (page.url === `/p${BATCH + 3}/`) throw new Error('Pagefind の処理が終了しました');
  });
  await expect(served).rejects.toThrow('Pagefind の処理が終了しました');
  // Stopped before it could send every page: nothing after the failing page was indexed.
  expect(astro.signalCode).toBe('SIGTERM');
  expect(seen.at(-1)).toBe(`/p${BATCH + 3}/`);
});

test('without the parent (plain astro build) the process indexes by itself', async () => {
  const astro = spawn(process.execPath, [fakeAstro()], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { site, code } = await serveAstro(astro, () => Promise.resolve());
  expect(code).toBe(3);
  expect(site).toBeUndefined();
});
