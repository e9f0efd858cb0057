/** The everyday-words table (content/search-synonyms.yaml): checked against content/, and how it expands queries. */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentDir, readContent, readDataFile } from '../../../src/content/files.ts';
import { validateSearchSynonyms } from '../../../src/lib/check/rules/search-synonyms.ts';
import {
  MAX_ALTERNATIVES,
  queryAlternatives,
  synonymTable,
  unitVariants,
  withVariants,
  wordAlternatives,
} from '../../../src/search/synonyms.ts';
import { pageTermFields } from '../../../src/search/page-fields.ts';
import { TERM_FIELDS } from '../../../src/search/fields.ts';
import { normalizeForSearch } from '../../../src/lib/model/normal-form.ts';
import { planQuery, queryWords } from '../../../src/search/query.ts';
import { loadContentDirectory, loadSearchSynonyms } from '../../helpers/content.ts';

const dir = loadContentDirectory();
const synonyms = loadSearchSynonyms();
const { entries } = readContent(contentDir());
const table = synonymTable(synonyms.groups);
const n = normalizeForSearch;

describe('content/search-synonyms.yaml', () => {
  test('exists, and passes the data check', () => {
    const file = readDataFile(contentDir(), 'searchSynonyms');
    expect(file.data).toBeDefined();
    expect(validateSearchSynonyms(file.file, file.data, entries)).toEqual([]);
  });
  test.each(synonyms.groups.map((g) => [g.words.join(' / '), g]))(
    '%s maps to a category (and a service) that exists in content/',
    (_w, g) => {
      expect(dir.categories.map((c) => c.id)).toContain(g.category);
      if (g.service) {
        const listed = [
          ...dir.coops.flatMap((c) => [
            ...(c.business ?? []),
            ...(c.services ?? []).flatMap((s) => [...(s.group ? [s.group] : []), ...s.items]),
          ]),
          ...dir.contracts.flatMap((k) => [k.programme, ...(k.services ?? [])]),
        ].map(n);
        expect(
          listed.some((s) => s.includes(n(g.service!))),
          g.service,
        ).toBe(true);
      }
    },
  );
});

describe('the data check of the table', () => {
  const file = 'content/search-synonyms.yaml';
  test('is a registered file at the top of content/: accepted there, while another unknown file is refused', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'ra-synonyms-'));
    try {
      writeFileSync(join(tmp, 'search-synonyms.yaml'), 'reviewed: "2026-11-01"\ngroups: []\n');
      writeFileSync(join(tmp, 'search-synonym.yaml'), 'x: 1\n');
      const { problems } = readContent(tmp, tmp);
      expect(problems.map((p) => p.file)).toEqual(['search-synonym.yaml']);
      expect(readDataFile(tmp, 'searchSynonyms', tmp).data).toEqual({ reviewed: '2026-11-01', groups: [] });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
  test('names the file and field of an unknown category, an unlisted service, a word in two groups and a missing field', () => {
    const data = {
      reviewed: '2026-11-01',
      groups: [
        { words: ['学童', '学童保育'], category: 'no-such-category' },
        { words: ['デイ', 'デイサービス'], category: dir.categories[0]!.id, service: 'どこにも書かれていない事業' },
        { words: ['学童', '放課後児童クラブ'], category: dir.categories[0]!.id },
        { words: ['ゴミ', 'ごみ'], category: dir.categories[0]!.id },
      ],
    };
    const problems = validateSearchSynonyms(file, data, entries);
    expect(problems.every((p) => p.file === file)).toBe(true);
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['groups[0].category', 'groups[1].service', 'groups[2].words[0]', 'groups[3].words']),
    );
    expect(validateSearchSynonyms(file, { groups: [] }, entries).map((p) => p.field)).toEqual(
      expect.arrayContaining(['reviewed', 'groups']),
    );
    expect(
      validateSearchSynonyms(
        file,
        { reviewed: '2026-11-01', groups: [{ words: ['a', 'b'], category: dir.categories[0]!.id, extra: 1 }] },
        entries,
      ).length,
    ).toBeGreaterThan(0);
  });
});

describe('query expansion', () => {
  const t = synonymTable([
    { words: ['学童', '学童保育', '放課後児童クラブ'], category: 'kosodate' },
    { words: ['放デイ', '放課後等デイサービス'], category: 'kosodate' },
    { words: ['デイサービス', '通所介護', 'デイ'], category: 'koureisha-shogaisha' },
    { words: ['障害', '障がい'], category: 'koureisha-shogaisha' },
  ]);
  test('a word finds the other words of its group, except those that contain it (it finds those already)', () => {
    expect(wordAlternatives(n('学童'), t)).toEqual([n('放課後児童クラブ')]);
    expect(wordAlternatives(n('学童保育'), t).sort()).toEqual([n('学童'), n('放課後児童クラブ')].sort());
  });
  test('the part of a longer word is replaced (障害者 → 障がい者)', () => {
    expect(wordAlternatives(n('障害者'), t)).toEqual([n('障がい者')]);
  });
  test('a word inside a longer word of another group is that word’s (デイ in 放課後等デイサービス is no デイサービス)', () => {
    expect(wordAlternatives(n('放課後等デイサービス'), t)).toEqual([n('放デイ')]);
  });
  test('words of no group, and words that only normalise alike, have no alternatives', () => {
    expect(wordAlternatives(n('造園'), t)).toEqual([]);
    expect(wordAlternatives(n('ガクドウ'), t)).toEqual([]);
  });
  test('a query: one word replaced at a time, at most MAX_ALTERNATIVES lists; the plan searches the query only', () => {
    const alts = queryAlternatives([n('大和市'), n('学童保育')], t);
    expect(alts.length).toBeGreaterThan(0);
    expect(alts.length).toBeLessThanOrEqual(MAX_ALTERNATIVES);
    for (const a of alts) expect(a[0]).toBe(n('大和市'));
    const plan = planQuery('学童', t);
    expect(plan.alternatives).toEqual([{ words: [n('放課後児童クラブ')] }]);
    expect(plan.terms).toBe(planQuery('学童').terms);
    expect(planQuery('学童').alternatives).toEqual([]);
  });
  test('the real table expands 学童 to 放課後児童クラブ, and the index no longer rewrites 学童保育 (学童 finds it as written)', () => {
    expect(wordAlternatives(n('学童'), table)).toContain(n('放課後児童クラブ'));
    expect(queryWords('学童保育')).toEqual([n('学童保育')]);
  });
});

describe('the fold into the index (a page is indexed under every word of a group it holds one of)', () => {
  const t = synonymTable([
    { words: ['学童', '学童保育', '学童クラブ', '放課後児童クラブ'], category: 'kosodate' },
    { words: ['放デイ', '放課後等デイサービス'], category: 'kosodate' },
    { words: ['デイサービス', '通所介護', 'デイ'], category: 'koureisha-shogaisha' },
    { words: ['障害', '障がい', '障碍'], category: 'koureisha-shogaisha' },
  ]);
  test('a run holding a word gets every other word of its group in its place, one word at a time', () => {
    expect(unitVariants(n('放課後児童クラブ事業'), t).sort()).toEqual(
      [n('学童事業'), n('学童保育事業'), n('学童クラブ事業')].sort(),
    );
    expect(unitVariants(n('障がい児の学童'), t).sort()).toEqual(
      [
        n('障害児の学童'),
        n('障碍児の学童'),
        n('障がい児の学童保育'),
        n('障がい児の学童クラブ'),
        n('障がい児の放課後児童クラブ'),
      ].sort(),
    );
  });
  test('a word inside a longer word of another group is not replaced; runs of no group have no variants', () => {
    expect(unitVariants(n('放課後等デイサービス'), t)).toEqual([n('放デイ')]);
    expect(unitVariants(n('造園'), t)).toEqual([]);
    expect(withVariants([n('造園'), n('学童')], [])).toEqual([n('造園'), n('学童')]);
    expect(withVariants([n('造園'), n('学童')], t)[0]).toBe(n('造園'));
  });
  test('every query word of a group finds, by its own pieces only, a page that holds another word of the group', () => {
    const codes = (f: Record<string, string>) => new Set(Object.values(f).flatMap((v) => v.split(' ')));
    for (const [held, typed] of [
      ['放課後児童クラブ', '学童'],
      ['学童', '学童保育'],
      ['学童', '放課後児童クラブ'],
      ['通所介護', 'デイサービス'],
      ['障がい者支援', '障害者'],
    ] as const) {
      const folded = codes(pageTermFields('合成データの組合', 'coop', { keywords: [held] }, t));
      const plain = codes(pageTermFields('合成データの組合', 'coop', { keywords: [held] }));
      // Pagefind matches a query piece as a prefix of an indexed word.
      const found = (index: Set<string>) =>
        planQuery(typed)
          .terms.split(' ')
          .every((piece) => [...index].some((code) => code.startsWith(piece)));
      expect(found(folded), `${typed} → ${held}`).toBe(true);
      expect(found(plain), `${typed} → ${held} without the fold`).toBe(false);
    }
  });
  test('the real table is folded into the pages of the build (Base.astro passes it)', () => {
    const f = pageTermFields('合成データの組合', 'coop', { keywords: ['放課後児童クラブ'] }, table);
    const piece = planQuery('学童').terms;
    expect(f[TERM_FIELDS.facets]!.split(' ').some((code) => code.startsWith(piece))).toBe(true);
  });
});
