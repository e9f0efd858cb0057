/**
 * Links are refused, on real runs over copies of public/ and of the valid
 * fixture: a symbolic link in public/ stops `astro build` naming it before
 * anything is copied (no site written, the target's text nowhere), and one in
 * content/ stops `npm run check:data` naming it.
 */
import { afterAll, expect, test } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildSite } from '../helpers/build.ts';
import { buildFolders } from '../../src/integrations/whole-build.ts';

const VALID = 'tests/fixtures/valid';
const work = mkdtempSync(join(tmpdir(), 'ra-links-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('a link in public/ stops the build naming it; nothing is copied, no site written', () => {
  const pub = join(work, 'public');
  cpSync('public', pub, { recursive: true });
  const outside = join(work, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), `secret-${process.pid}`);
  symlinkSync('/etc/passwd', join(pub, 'leak.txt'));
  symlinkSync(outside, join(pub, 'geo', 'linked'));
  const r = buildSite({ CONTENT_DIR: VALID, PUBLIC_DIR: pub });
  expect(r.status).not.toBe(0);
  expect(r.output).toContain(`${join(pub, 'leak.txt')} › (シンボリックリンク)`);
  expect(r.output).toContain(`${join(pub, 'geo', 'linked')} › (シンボリックリンク)`);
  expect(r.output).not.toContain('root:x:0:0');
  expect(r.output).not.toContain(`secret-${process.pid}`);
  expect(existsSync(r.outDir)).toBe(false);
  expect(existsSync(buildFolders(r.outDir).partial)).toBe(false);
});

test('a link in content/ stops npm run check:data naming it', () => {
  const content = join(work, 'content');
  cpSync(VALID, content, { recursive: true });
  symlinkSync('/etc/passwd', join(content, 'coops', 'leak.yaml'));
  symlinkSync(join(work, 'nowhere'), join(content, 'guides', 'dangling.mdx'));
  const r = spawnSync(process.execPath, ['scripts/check-data.ts'], {
    env: { ...process.env, CONTENT_DIR: content },
    encoding: 'utf8',
  });
  expect(r.status).toBe(1);
  for (const file of ['coops/leak.yaml', 'guides/dangling.mdx'])
    expect(r.stderr).toContain(`${join(content, file)} › (シンボリックリンク)`);
  expect(r.stderr).not.toContain('root:x:0:0');
});
