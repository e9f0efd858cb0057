/**
 * A build is whole or absent (src/integrations/build-marker.ts, whole-build.ts): the completion marker counts the
 * files of the finished site, and a folder without it, with another count, with a link inside or built for another
 * base is refused by name; `npm run check:dist` (the deploy's gate) says so and exits 1; the finished folder is
 * swapped into place, the old one kept aside until then.
 */
import { afterAll, expect, test } from 'vitest';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BUILD_MARKER, checkWholeBuild, writeBuildMarker } from '../../../src/integrations/build-marker.ts';
import { buildFolders, swapInto } from '../../../src/integrations/whole-build.ts';

const work = mkdtempSync(join(tmpdir(), 'ra-marker-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A small finished site under `work/name`. */
function site(name: string, base = '/'): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'coops', 'a'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<p>home</p>');
  writeFileSync(join(dir, 'coops', 'a', 'index.html'), '<p>a</p>');
  writeFileSync(join(dir, '_headers'), '/*\n  X-Content-Type-Options: nosniff\n');
  writeBuildMarker(dir, base);
  return dir;
}

const reason = (dir: string, base?: string) => {
  const v = checkWholeBuild(dir, base);
  return v.ok ? 'ok' : v.reason;
};

test('a finished site is whole: the marker counts its files and names its base', () => {
  const dir = site('whole', '/sub');
  expect(JSON.parse(readFileSync(join(dir, BUILD_MARKER), 'utf8'))).toEqual({ format: 1, base: '/sub/', files: 3 });
  expect(checkWholeBuild(dir, '/sub/')).toEqual({ ok: true, marker: { format: 1, base: '/sub/', files: 3 } });
  expect(checkWholeBuild(dir).ok).toBe(true);
});

test('refused, naming why: absent, no marker, a file gone or added, a link inside, another base', () => {
  expect(reason(join(work, 'never-built'))).toMatch(/never-built がありません/);
  const half = site('half');
  unlinkSync(join(half, BUILD_MARKER));
  expect(reason(half)).toContain(`完成の印（${BUILD_MARKER}）がありません`);
  const fewer = site('fewer');
  unlinkSync(join(fewer, 'coops', 'a', 'index.html'));
  expect(reason(fewer)).toContain('印は3件、実際は2件');
  const more = site('more');
  writeFileSync(join(more, 'extra.txt'), 'x');
  expect(reason(more)).toContain('印は3件、実際は4件');
  const linked = site('linked');
  symlinkSync('/etc/passwd', join(linked, 'coops', 'leak.txt'));
  expect(reason(linked)).toContain('coops/leak.txt');
  expect(reason(site('based', '/sub/'), '/')).toContain('BASE_PATH=/sub/');
  const garbled = site('garbled');
  writeFileSync(join(garbled, BUILD_MARKER), '{"format":');
  expect(reason(garbled)).toContain('完成の印');
});

test('writing the marker into a folder with a link fails (the build stops rather than publish it)', () => {
  const dir = join(work, 'to-mark');
  mkdirSync(dir);
  symlinkSync('/etc/passwd', join(dir, 'leak.txt'));
  expect(() => writeBuildMarker(dir, '/')).toThrow(/leak\.txt/);
  expect(existsSync(join(dir, BUILD_MARKER))).toBe(false);
});

test('npm run check:dist exits 1 with the reason, 0 on a whole site', () => {
  const run = (dir: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['scripts/check-dist.ts', dir], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...env },
    });
  const half = site('gate-half');
  unlinkSync(join(half, BUILD_MARKER));
  const refused = run(half);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('完成の印');
  const whole = run(site('gate-whole'));
  expect(whole.stderr).toBe('');
  expect(whole.status).toBe(0);
  const otherBase = run(site('gate-base'), { BASE_PATH: '/roukyou-atlas/' });
  expect(otherBase.status).toBe(1);
  expect(otherBase.stderr).toContain('BASE_PATH=/');
});

test('the finished folder replaces the old one; with none before, it simply moves in', () => {
  const folders = buildFolders(join(work, 'swap', 'dist/'));
  expect(folders).toEqual({
    target: join(work, 'swap', 'dist'),
    partial: join(work, 'swap', 'dist.partial'),
    previous: join(work, 'swap', 'dist.previous'),
  });
  mkdirSync(folders.partial, { recursive: true });
  writeFileSync(join(folders.partial, 'index.html'), 'first');
  swapInto(folders);
  expect(readFileSync(join(folders.target, 'index.html'), 'utf8')).toBe('first');
  mkdirSync(folders.partial);
  writeFileSync(join(folders.partial, 'index.html'), 'second');
  mkdirSync(folders.previous); // left by a build killed between the two renames
  swapInto(folders);
  expect(readFileSync(join(folders.target, 'index.html'), 'utf8')).toBe('second');
  expect(existsSync(folders.partial)).toBe(false);
  expect(existsSync(folders.previous)).toBe(false);
});
