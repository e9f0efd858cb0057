/** The everyday-words table (content/search-synonyms.yaml): checked against content/, and how it expands queries. */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentDir, readContent, readDataFile } from '../../../src/content/files.ts';
import { validateSearchSynonyms } from '../../../src/lib/check/rules/search-synonyms.ts';
import { MAX_ALTERNATIVES, queryAlternatives, synonymTable, wordAlternatives } from '../../../src/search/synonyms.ts';
import { normalizeForSearch } from '../../../src/lib/model/normal-form.ts';
import { MAX_PIECES, planQuery, queryWords } from '../../../src/search/query.ts';
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
  test('a query: one word replaced at a time, at most MAX_ALTERNATIVES searches more', () => {
    const alts = queryAlternatives([n('大和市'), n('学童保育')], t);
    expect(alts.length).toBeLessThanOrEqual(MAX_ALTERNATIVES);
    for (const a of alts) expect(a[0]).toBe(n('大和市'));
    const plan = planQuery('学童', t);
    expect(plan.alternatives.map((a) => a.words)).toEqual([[n('放課後児童クラブ')]]);
    expect(plan.alternatives[0]!.terms).not.toBe(plan.terms);
    expect(planQuery('学童').alternatives).toEqual([]);
  });
  test('the real table expands 学童 to 放課後児童クラブ, and the index no longer rewrites 学童保育 (学童 finds it as written)', () => {
    expect(wordAlternatives(n('学童'), table)).toContain(n('放課後児童クラブ'));
    expect(queryWords('学童保育')).toEqual([n('学童保育')]);
  });
});

describe('cost of the expansion', () => {
  const t = synonymTable([
    { words: ['学童', '学童保育', '学童クラブ', '放課後児童クラブ'], category: 'kosodate' },
    { words: ['障害', '障がい', '障碍'], category: 'koureisha-shogaisha' },
    { words: ['子ども', '子供', 'こども'], category: 'kosodate' },
  ]);
  test('a form that contains another form is left out (学童 already finds 学童クラブ)', () => {
    expect(wordAlternatives(n('学童保育'), t).sort()).toEqual([n('学童'), n('放課後児童クラブ')].sort());
  });
  test('a query and its alternatives send at most MAX_PIECES pieces (index chunks)', () => {
    for (const q of ['学童', '学童保育', '障害児 子供 学童保育', '障がいのある子どもの放課後児童クラブ']) {
      const plan = planQuery(q, t);
      const pieces = new Set(
        [plan.terms, ...plan.alternatives.map((a) => a.terms)].flatMap((x) => x.split(' ')).filter(Boolean),
      );
      expect(pieces.size, q).toBeLessThanOrEqual(MAX_PIECES);
    }
  });
});

test('the cheapest alternatives come first, so the broad short word is not the one left out (配食サービス → 配食)', () => {
  const t = synonymTable([{ words: ['配食', '弁当の配達', '宅配弁当', '配食サービス'], category: 'shoku-nou-kankyo' }]);
  expect(planQuery('配食サービス', t).alternatives.map((a) => a.words[0])).toContain(n('配食'));
});
