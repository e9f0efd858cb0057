/**
 * A build is whole or absent, on a real build of fixture content: killed with
 * its process group after it has written pages, it leaves the previous site
 * as it was, and its partial folder is refused by the preview and by the
 * deploy's gate (`npm run check:dist`). `npm run build` writes the search
 * index once Astro's process has exited, then the marker, then moves the site.
 */
import { afterAll, expect, test } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildSite, startBuild } from '../helpers/build.ts';
import { BUILD_MARKER, checkWholeBuild, writeBuildMarker } from '../../src/integrations/build-marker.ts';
import { buildFolders } from '../../src/integrations/whole-build.ts';
import { serve } from '../../scripts/serve.ts';

const VALID = 'tests/fixtures/valid';
const work = mkdtempSync(join(tmpdir(), 'ra-whole-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under a folder with its bytes, for comparing a site before and after. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .map((p) => [relative(dir, p), readFileSync(p, 'base64')]),
  );
}

/** Processes of a process group that are not zombies (Linux: /proc/<pid>/stat, fields 3 and 5). */
function livingInGroup(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const [state, , group] = readFileSync(`/proc/${d}/stat`, 'utf8')
          .replace(/^.*\) /s, '')
          .split(' ');
        return Number(group) === pgid && state !== 'Z' ? [Number(d)] : [];
      } catch {
        return []; // exited meanwhile
      }
    });
}

test('a build killed half-way leaves the previous site intact; its partial folder is refused by the preview and the gate', async () => {
  const site = join(work, 'killed');
  const { target, partial } = buildFolders(join(site, 'dist'));
  // The previous site: whole, with its marker.
  mkdirSync(join(target, 'coops'), { recursive: true });
  writeFileSync(join(target, 'index.html'), '<p>previous</p>');
  writeFileSync(join(target, 'coops', 'index.html'), '<p>previous coops</p>');
  writeBuildMarker(target, '/');
  const before = snapshot(target);

  const build = startBuild({ CONTENT_DIR: VALID }, site);
  /** Pages written so far in a folder. */
  const pages = (dir: string) =>
    existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('index.html')).length : 0;
  // Wherever the build writes them: a build straight into dist/ would be caught wiping the previous site.
  const written = () => pages(partial) + pages(target) - 2;
  const deadline = Date.now() + 240_000;
  let exited = false;
  void build.exited.then(() => (exited = true));
  try {
    while (written() < 200) {
      if (exited || Date.now() > deadline)
        throw new Error(`the build ended or stalled before writing 200 pages:\n${(await build.exited).output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    // Killed half-way, Pagefind's process with it (or, when the wait failed, so that nothing is left running).
    if (!exited) process.kill(-build.child.pid!, 'SIGKILL');
  }
  const { signal } = await build.exited;
  expect(signal).toBe('SIGKILL');
  // Every process of the build (Pagefind's too) is gone; zombies left for a parent that never reaps them do not count.
  const until = Date.now() + 10_000;
  while (livingInGroup(build.child.pid!).length > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  expect(livingInGroup(build.child.pid!)).toEqual([]);

  expect(snapshot(target)).toEqual(before);
  expect(checkWholeBuild(target).ok).toBe(true);

  expect(pages(partial)).toBeGreaterThanOrEqual(200);
  expect(existsSync(join(partial, BUILD_MARKER))).toBe(false);
  const verdict = checkWholeBuild(partial);
  expect(verdict.ok).toBe(false);
  expect(verdict.ok ? '' : verdict.reason).toContain('完成の印');
  await expect(serve(partial)).rejects.toThrow('完成の印');
  const gate = spawnSync(process.execPath, ['scripts/check-dist.ts', partial], { encoding: 'utf8' });
  expect(gate.status).toBe(1);
  expect(gate.stderr).toContain('完成の印');
}, 600_000); // the build lock may first wait for other test files' builds

test("npm run build writes the search index after Astro's process has exited, then the marker, then moves the site", () => {
  const r = buildSite({ CONTENT_DIR: VALID }, join(work, 'handed'));
  expect(r.status, r.output).toBe(0);
  // Astro's last line, then the parent's: the bundle, then the site moved into place.
  const astroDone = r.output.indexOf('[build] Complete!');
  const indexed = /検索索引（Pagefind）: (\d+)ページ/.exec(r.output.slice(astroDone));
  expect(astroDone).toBeGreaterThan(-1);
  expect(indexed, r.output).not.toBeNull();
  expect(r.output.indexOf('に移しました', astroDone)).toBeGreaterThan(astroDone + indexed!.index);
  // Every page Pagefind took is in the bundle, which the marker counts and `_headers` covers.
  expect(readdirSync(join(r.outDir, 'pagefind', 'fragment'))).toHaveLength(Number(indexed![1]));
  expect(checkWholeBuild(r.outDir, '/').ok).toBe(true);
  expect(readFileSync(join(r.outDir, '_headers'), 'utf8')).toContain('/pagefind/');
  expect(existsSync(buildFolders(r.outDir).partial)).toBe(false);
}, 600_000);
