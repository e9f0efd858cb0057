/**
 * Links under content/ and public/ (src/content/links.ts): every symbolic link — to a file, to a folder,
 * dangling, nested — is named by its path and never followed; the content reader skips them instead of reading
 * what they point at.
 */
import { afterAll, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { linkProblems } from '../../../src/content/links.ts';
import { readContent } from '../../../src/content/files.ts';

const root = mkdtempSync(join(tmpdir(), 'ra-links-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder outside the checked one, holding what a link must never expose. */
const outside = join(root, 'outside');
mkdirSync(join(outside, 'inner'), { recursive: true });
writeFileSync(join(outside, 'secret.txt'), 'secret');

test('every link under a folder is named with its path and target; plain files and folders are not', () => {
  const pub = join(root, 'public');
  mkdirSync(join(pub, 'geo', 'deep'), { recursive: true });
  writeFileSync(join(pub, 'robots.txt'), 'User-agent: *\n');
  writeFileSync(join(pub, 'geo', 'a.geojson'), '{}');
  symlinkSync('/etc/passwd', join(pub, 'leak.txt'));
  symlinkSync(outside, join(pub, 'linked'));
  symlinkSync(join(root, 'missing'), join(pub, 'geo', 'dangling.json'));
  symlinkSync('../../robots.txt', join(pub, 'geo', 'deep', 'inside.txt'));
  const problems = linkProblems(pub, root);
  expect(problems.map((p) => p.file)).toEqual([
    'public/geo/dangling.json',
    'public/geo/deep/inside.txt',
    'public/leak.txt',
    'public/linked',
  ]);
  expect(problems.every((p) => p.field === '(シンボリックリンク)')).toBe(true);
  expect(problems.find((p) => p.file === 'public/leak.txt')?.message).toContain('→ /etc/passwd');
  // The linked folder is named once, not walked into.
  expect(problems.some((p) => p.file.includes('secret'))).toBe(false);
});

test('a linked folder itself, a special file, and a folder that is absent', () => {
  const linkedRoot = join(root, 'content-link');
  symlinkSync(outside, linkedRoot);
  expect(linkProblems(linkedRoot, root).map((p) => p.file)).toEqual(['content-link']);
  const withFifo = join(root, 'fifo-here');
  mkdirSync(withFifo);
  expect(spawnSync('mkfifo', [join(withFifo, 'pipe.yaml')]).status).toBe(0);
  expect(linkProblems(withFifo, root)).toMatchObject([{ file: 'fifo-here/pipe.yaml', field: '(ファイルの種類)' }]);
  expect(linkProblems(join(root, 'nowhere'), root)).toEqual([]);
});

test('outside the project, the path is named in full', () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'ra-links-elsewhere-'));
  symlinkSync('/etc/passwd', join(elsewhere, 'leak.txt'));
  try {
    expect(linkProblems(elsewhere, root).map((p) => p.file)).toEqual([join(elsewhere, 'leak.txt')]);
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test('the content reader reads no link: linked files, a linked collection folder and dangling links are skipped', () => {
  const content = join(root, 'content');
  mkdirSync(join(content, 'categories'), { recursive: true });
  writeFileSync(
    join(content, 'categories', 'fukushi.yaml'),
    'name: 福祉\nnameEn: Welfare\nsources:\n  - title: t\n    url: https://example.org/\n    seen: "2025-01-01"\n',
  );
  writeFileSync(join(outside, 'stolen.yaml'), 'name: 外のファイル\n');
  symlinkSync(join(outside, 'stolen.yaml'), join(content, 'categories', 'stolen.yaml'));
  symlinkSync(join(root, 'missing.yaml'), join(content, 'categories', 'dangling.yaml'));
  symlinkSync(outside, join(content, 'coops'));
  symlinkSync(join(root, 'missing'), join(content, 'dangling-folder'));
  const { entries, problems } = readContent(content, root);
  const read = entries.filter((e) => e.collection !== 'municipalities');
  expect(read.map((e) => `${e.collection}/${e.id}`)).toEqual(['categories/fukushi']);
  expect(problems).toEqual([]);
  expect(linkProblems(content, root).map((p) => p.file)).toEqual([
    'content/categories/dangling.yaml',
    'content/categories/stolen.yaml',
    'content/coops',
    'content/dangling-folder',
  ]);
});
