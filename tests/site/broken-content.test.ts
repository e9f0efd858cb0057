/**
 * Broken content stops everything with every problem named: a fixture of broken entries makes `astro build` fail
 * (and never runs a guide's code) and `npm run check:data` fail, each naming every file and field; the valid fixture
 * passes the data check.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildSite, type BuildResult } from '../helpers/build.ts';

const BROKEN = 'tests/fixtures/broken';
const expected = [
  ['coops/bad-ref.yaml', 'categories[1]'],
  ['coops/bad-field.yaml', 'categries'],
  ['coops/bad-coords.yaml', 'location.lat'],
  ['coops/no-sources.yaml', 'sources'],
  ['coops/future.yaml', 'established'],
  ['coops/bad-url.yaml', 'contact.website'],
  ['coops/empty-name.yaml', 'name'],
  ['municipalities/131042.yaml', '(id: ファイル名)'],
  ['national-counts/2024-10-01.yaml', 'corporations'],
  ['guides/unsafe.mdx', '(本文 17行目)'],
  ['guides/unsafe.mdx', '(本文 20行目)'],
  ['coops/bad-houjin.yaml', 'corporateNumber'],
];

describe('broken content', () => {
  const secret = `secret-${process.pid}-${Date.now()}`;
  let pwned: string;
  let r: BuildResult;
  // In a hook: the build may first wait for another file's whole build (tests/helpers/build.ts).
  beforeAll(() => {
    pwned = join(mkdtempSync(join(tmpdir(), 'ra-pwned-')), 'executed');
    r = buildSite({ CONTENT_DIR: BROKEN, RA_PWNED_FILE: pwned, RA_SECRET_MARKER: secret });
  });
  test("astro build fails, names every file and field, and never runs a guide's code", () => {
    expect(r.status).not.toBe(0);
    for (const [file, field] of expected) expect(r.output).toContain(`${BROKEN}/${file} › ${field}`);
    expect(existsSync(join(r.outDir, 'index.html'))).toBe(false);
    expect(existsSync(pwned), 'the guide ran a shell command').toBe(false);
    expect(r.output).not.toContain(secret);
  });
  test('npm run check:data fails and names every file and field', () => {
    const r = spawnSync(process.execPath, ['scripts/check-data.ts'], {
      env: { ...process.env, CONTENT_DIR: BROKEN },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    for (const [file, field] of expected) expect(r.stderr).toContain(`${BROKEN}/${file} › ${field}`);
  });
  test('the valid fixture passes the data check', () => {
    const r = spawnSync(process.execPath, ['scripts/check-data.ts'], {
      env: { ...process.env, CONTENT_DIR: 'tests/fixtures/valid' },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
