/**
 * The channel of `npm run build` (src/integrations/build-parent.ts): Astro's process sends each page for the index to
 * the parent, in order, never more than a few unanswered (a slow index holds rendering back), then hands over its
 * site and exits on its own; the parent indexes what it is sent and learns the site and the exit code.
 */
import { afterAll, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { INDEX_IN_PARENT, serveAstro, type IndexPage } from '../../../src/integrations/build-parent.ts';

const work = mkdtempSync(join(tmpdir(), 'ra-parent-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PAGES = 40;
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

test('pages arrive in order with few unanswered, then the site; the child exits on its own', async () => {
  const astro = spawn(process.execPath, [fakeAstro()], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [INDEX_IN_PARENT]: '1' },
  });
  const seen: IndexPage[] = [];
  let busy = 0;
  let mostBusy = 0;
  const { site, code } = await serveAstro(astro, async (page) => {
    seen.push(page);
    mostBusy = Math.max(mostBusy, ++busy);
    // A slow index: rendering must wait for it rather than pile pages up.
    await new Promise((ok) => setTimeout(ok, 5));
    busy--;
  });
  expect(code).toBe(0);
  expect(seen.map((p) => p.url)).toEqual(Array.from({ length: PAGES }, (_, i) => `/p${i}/`));
  expect(seen[7]!.content).toBe('<main>7</main>');
  expect(mostBusy).toBeGreaterThan(1);
  expect(mostBusy).toBeLessThanOrEqual(8);
  expect(site).toEqual({ folders, base: '/sub/' });
});

test('without the parent (plain astro build) the process indexes by itself', async () => {
  const astro = spawn(process.execPath, [fakeAstro()], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { site, code } = await serveAstro(astro, () => Promise.resolve());
  expect(code).toBe(3);
  expect(site).toBeUndefined();
});
