/** The data check on fixture content: the valid set passes, each broken file is named with its field. */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { readContent } from '../../../src/content/files.ts';
import { validateEntries, type Problem } from '../../../src/lib/check/validate.ts';
import { valuesAt } from '../../../src/lib/check/paths.ts';

const TODAY = '2026-11-22';
const fixture = (name: string) => join(process.cwd(), 'tests/fixtures', name);
function check(name: string): Problem[] {
  const { entries, problems } = readContent(fixture(name));
  return [...problems, ...validateEntries(entries, TODAY)];
}

describe('valid fixture', () => {
  test('has no problems', () => {
    expect(check('valid')).toEqual([]);
  });
});

describe('broken fixture', () => {
  const problems = check('broken');
  const at = (file: string, field: string) =>
    problems.filter((p) => p.file === `tests/fixtures/broken/${file}` && p.field === field);

  test.each([
    ['coops/bad-ref.yaml', 'categories[1]', /no-such-category/],
    ['coops/bad-field.yaml', 'categries', /定義されていないフィールド/],
    ['coops/bad-coords.yaml', 'location.lat', /日本の範囲/],
    ['coops/bad-coords.yaml', 'location.lng', /日本の範囲/],
    ['coops/no-sources.yaml', 'sources', /必須|sources/],
    ['coops/future.yaml', 'established', /未来の日付/],
    ['coops/bad-url.yaml', 'contact.website', /http/],
    ['coops/empty-name.yaml', 'name', /空/],
    ['coops/dup-name.yaml', 'name', /重複/],
    ['coops/more/alpha.yaml', '(id: ファイル名)', /重複/],
    ['municipalities/131042.yaml', '(id: ファイル名)', /検査数字/],
    ['municipalities/010006.yaml', 'windows[1]', /一つだけ/],
    ['municipalities/020001.yaml', 'windows[0].source', /必須/],
    ['municipalities/030007.yaml', 'windows[0].source', /sources\[3\] はありません/],
    ['municipalities/131016.yaml', 'windows', /都道府県と国の機関/],
    ['national-counts/2024-04-01.yaml', 'asOf', /ファイル名/],
    ['national-counts/2024-10-01.yaml', 'corporations', /合計/],
    ['national-counts/2024-10-01.yaml', 'prefecturesText', /3 都道府県/],
    ['national-counts/2025-04-01.yaml', 'official', /必須|official/],
    ['coops/bad-houjin.yaml', 'corporateNumber', /検査用数字/],
  ])('%s › %s', (file, field, message) => {
    const found = at(file, field);
    expect(found.length, JSON.stringify(problems, null, 1)).toBeGreaterThan(0);
    expect(found.map((p) => p.message).join(' ')).toMatch(message);
  });

  test('the valid files inside the broken set raise nothing', () => {
    const files = new Set(problems.map((p) => p.file));
    expect(files.has('tests/fixtures/broken/coops/alpha.yaml')).toBe(false);
    expect(files.has('tests/fixtures/broken/contracts/alpha-shinjuku.yaml')).toBe(false);
  });
});

describe('rules across entries', () => {
  const base = check('valid');
  const { entries } = readContent(fixture('valid'));
  const mutate = (id: string, patch: Record<string, unknown>) =>
    entries.map((e) => (e.id === id ? { ...e, data: { ...(e.data as object), ...patch } } : e));

  test('a site without parent, a parent cycle, a prefecture given as municipality', () => {
    expect(base).toEqual([]);
    expect(validateEntries(mutate('alpha-site', { parent: undefined }), TODAY).map((p) => p.field)).toContain('parent');
    const cycle = validateEntries(mutate('alpha', { parent: 'alpha-site' }), TODAY);
    expect(cycle.some((p) => /循環/.test(p.message))).toBe(true);
    const prefAsMuni = validateEntries(mutate('alpha', { municipality: '130001' }), TODAY);
    expect(prefAsMuni.map((p) => p.field)).toEqual(['municipality']);
  });
  test('a contract pointing at a missing co-op names the contractor field', () => {
    const problems = validateEntries(mutate('alpha-shinjuku', { contractor: 'ghost' }), TODAY);
    expect(problems).toEqual([
      {
        file: 'tests/fixtures/valid/contracts/alpha-shinjuku.yaml',
        field: 'contractor',
        message: expect.stringContaining('ghost'),
      },
    ]);
  });
  test('a figure pointing at a missing source', () => {
    const problems = validateEntries(
      mutate('alpha', { figures: [{ label: '組合員数', value: 5, unit: '人', asOf: '2024', source: 3 }] }),
      TODAY,
    );
    expect(problems.map((p) => p.field)).toEqual(['figures[0].source']);
  });
  test('dates that mean one thing: a conversion date on a new co-op, a registration on a converted one, a meeting after the registration', () => {
    expect(
      validateEntries(mutate('alpha', { origin: 'new', converted: '2023-05-01' }), TODAY).map((p) => p.field),
    ).toEqual(['converted']);
    expect(
      validateEntries(mutate('alpha', { origin: 'converted-kigyo', registered: '2023-05-01' }), TODAY).map(
        (p) => p.field,
      ),
    ).toEqual(['registered']);
    expect(
      validateEntries(mutate('alpha', { foundingMeeting: '2023-06-01', registered: '2023-05-01' }), TODAY).map(
        (p) => p.field,
      ),
    ).toEqual(['foundingMeeting']);
    expect(
      validateEntries(mutate('alpha', { foundingMeeting: '2023-03-01', registered: '2023-05-01' }), TODAY),
    ).toEqual([]);
    const early = validateEntries(mutate('alpha', { registered: '2021-04-01' }), TODAY);
    expect(early).toEqual([
      {
        file: 'tests/fixtures/valid/coops/alpha.yaml',
        field: 'registered',
        message: expect.stringContaining('施行（2022-10-01）より前'),
      },
    ]);
  });
  test('法人番号: the check digit, one number per organisation, drafts without categories only when registry-only', () => {
    expect(validateEntries(mutate('alpha', { corporateNumber: '7000012050002' }), TODAY)).toEqual([]);
    const wrong = validateEntries(mutate('alpha', { corporateNumber: '8000012050002' }), TODAY);
    expect(wrong).toEqual([
      {
        file: 'tests/fixtures/valid/coops/alpha.yaml',
        field: 'corporateNumber',
        message: expect.stringContaining('検査用数字'),
      },
    ]);
    expect(validateEntries(mutate('alpha', { corporateNumber: 7000012050002 }), TODAY).map((p) => p.field)).toEqual([
      'corporateNumber',
    ]);
    const twice = entries.map((e) =>
      e.collection === 'coops' ? { ...e, data: { ...(e.data as object), corporateNumber: '7000012050002' } } : e,
    );
    expect(validateEntries(twice, TODAY).some((p) => p.field === 'corporateNumber' && /重複/.test(p.message))).toBe(
      true,
    );
    expect(validateEntries(mutate('alpha', { categories: [] }), TODAY).map((p) => p.field)).toEqual(['categories']);
    expect(
      validateEntries(mutate('alpha', { categories: [], registryOnly: true }), TODAY)
        .map((p) => p.field)
        .sort(),
    ).toEqual(['corporateNumber', 'registry']);
  });
  test('a dissolution in the future or before the registration', () => {
    expect(validateEntries(mutate('alpha', { dissolved: { date: '2999-01-01' } }), TODAY).map((p) => p.field)).toEqual([
      'dissolved.date',
    ]);
    expect(
      validateEntries(mutate('alpha', { registered: '2023-05-01', dissolved: { date: '2023-04-01' } }), TODAY).map(
        (p) => p.field,
      ),
    ).toEqual(['dissolved.date']);
  });
  test('a prefecture entry with a municipal code', () => {
    const problems = validateEntries(mutate('131041', { kind: '都道府県', prefecture: undefined }), TODAY);
    expect(problems.map((p) => p.field)).toContain('kind');
  });
});

test('valuesAt walks arrays and nested fields', () => {
  const data = { services: [{ category: 'a' }, { category: 'b' }], members: [{ coop: 'x' }, { name: 'y' }] };
  expect(valuesAt(data, 'services[].category')).toEqual([
    ['services[0].category', 'a'],
    ['services[1].category', 'b'],
  ]);
  expect(valuesAt(data, 'members[].coop')).toEqual([['members[0].coop', 'x']]);
});

describe('guide bodies', () => {
  const { entries } = readContent(fixture('broken'));
  const problems = validateEntries(entries, TODAY).filter((p) => p.file.endsWith('guides/unsafe.mdx'));
  // Line numbers are the file's: the frontmatter takes lines 1–7.
  const lines = (n: number) =>
    problems
      .filter((p) => p.field === `(本文 ${n}行目)`)
      .map((p) => p.message)
      .join(' ');
  test.each([
    [11, /<script> は使えません/],
    [13, /javascript:alert\(1\)/],
    [15, /<a> は使えません/],
    [17, /import \/ export は使えません/],
    [20, /\{…\} の式は使えません/],
    [22, /\{…\} の式は使えません.*process\.env\.RA_SECRET_MARKER/],
    [26, /javascript:alert\(2\)/],
    [28, /javascript:alert\(3\)/],
    [30, /<div> は使えません/],
    [33, /sources\[5\] はありません（出典は 1 件）/],
    [35, /サイト内の画像のみ/],
  ])('line %i is refused', (line, message) => {
    expect(lines(line)).toMatch(message);
  });
  test('the safe lines raise nothing', () => {
    expect(lines(9)).toBe('');
    expect(lines(24)).toBe('');
  });
});
