/**
 * Trust and safety of content (issue #13): every class of bad input is
 * refused by the data check with its file and field (or line), and the
 * valid edge cases (BOM, CRLF, .yml, a blank line before frontmatter, HTML
 * inside a code block) are accepted. Each case changes one thing in the
 * valid fixture, on disk or in memory.
 */
import { describe, expect, test } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCheckContext, readContent } from '../../../src/content/files.ts';
import { validateEntries, type Problem, type RawEntry } from '../../../src/lib/check/validate.ts';
import { checkDigitFor } from '../../../src/lib/places/lgcode.ts';
import { officialBodies } from '../../../src/lib/places/official-bodies.ts';
import { contentIsData } from '../../../src/integrations/content-is-data.ts';

const TODAY = '2026-11-30';
const VALID = join(process.cwd(), 'tests/fixtures/valid');
const context = loadCheckContext();

/** Every problem of a content folder, as the data check reports them. */
function checkDir(dir: string): Problem[] {
  const { entries, problems } = readContent(dir, dir);
  return [...problems, ...validateEntries(entries, TODAY, context)];
}

/** A copy of the valid fixture in a temporary folder, changed by `edit`, then checked. */
function checkCopy(edit: (dir: string) => void): Problem[] {
  const dir = mkdtempSync(join(tmpdir(), 'trust-'));
  cpSync(VALID, dir, { recursive: true });
  edit(dir);
  return checkDir(dir);
}

const { entries: validEntries } = readContent(VALID, VALID);

/** The valid entries with one entry's data patched (a key set to undefined is removed). */
function checkPatched(id: string, patch: Record<string, unknown>): Problem[] {
  const entries: RawEntry[] = validEntries.map((e) => {
    if (e.id !== id) return e;
    const data = { ...(e.data as Record<string, unknown>), ...patch };
    for (const k of Object.keys(data)) if (data[k] === undefined) delete data[k];
    return { ...e, data };
  });
  return validateEntries(entries, TODAY, context);
}

const field = (problems: Problem[], f: string) =>
  problems
    .filter((p) => p.field === f)
    .map((p) => p.message)
    .join(' / ');

test('the valid fixture passes with the plausibility rules on', () => {
  expect(checkDir(VALID)).toEqual([]);
});

describe('1. guides cannot execute', () => {
  const guide = (body: string) =>
    checkCopy((dir) =>
      writeFileSync(
        join(dir, 'guides/what.mdx'),
        `---\ntitle: テストの解説\nsummary: テスト用の解説ページです。\nupdated: 2024-01-01\nsources:\n  - { title: テスト資料, document: テスト用の架空資料, asOf: 2024-01-01 }\n---\n\n${body}\n`,
      ),
    );
  test.each([
    ['a multi-line import of a Node module', "import { execSync } from\n  'node:child_process'", /import \/ export/],
    ['an export', 'export const x = 1', /import \/ export/],
    ['an expression', '{execSync("id")}', /\{…\} の式/],
    ['an inline expression', '値は {process.env.HOME} です', /\{…\} の式/],
    ['raw HTML', '<b>太字</b>', /<b> は使えません/],
    ['an event handler split over lines', '<span\n  onclick="x()">x</span>', /<span> は使えません/],
    ['a javascript: link', '[x](javascript:alert(1))', /javascript:alert/],
    ['a reference-style javascript: link', '[x][r]\n\n[r]: javascript:alert(1)', /javascript:alert/],
    ['an entity-encoded javascript: link', '[x](&#106;avascript&#x3a;alert(1))', /javascript:alert/],
    ['a protocol-relative link', '[x](//evil.example/)', /evil\.example/],
    ['a data: image', '![x](data:image/png;base64,AAAA)', /サイト内の画像/],
    ['a component that is not allowed', '<Fragment set:html="<script>x</script>" />', /<Fragment> は使えません/],
    ['a citation with an expression', '<Cite n={1 + 1} />', /整数だけ/],
    ['a citation beyond the sources', '<Cite n={1} />', /sources\[1\] はありません/],
  ])('%s is refused with its line', (_name, body, message) => {
    const problems = guide(body);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.file === 'guides/what.mdx' && /^\(本文 \d+行目\)$/.test(p.field))).toBe(true);
    expect(problems.map((p) => p.message).join(' ')).toMatch(message);
    // The body starts on line 9 of the file; lines are counted in the file.
    expect(Number(/\d+/.exec(problems[0]!.field)![0])).toBeGreaterThanOrEqual(9);
  });
  test.each([
    [
      "a fenced code block holding the site's embed snippet",
      '```html\n<iframe src="https://example.org/embed/112313/" title="桶川市の労働者協同組合" loading="lazy"></iframe>\n```',
    ],
    ['inline code with HTML', '`<script>` は書けません'],
    [
      'links of every allowed kind and a citation',
      '[厚労省](https://www.mhlw.go.jp/)、[電話](tel:0120-000-000)、[メール](mailto:info@example.org)、[一覧](/coops/)、[上へ](#top)<Cite n={0} />',
    ],
    ['a table and a footnote', '| a | b |\n| --- | --- |\n| 1 | 2 |\n\n注[^1]\n\n[^1]: 補足'],
  ])('%s is accepted', (_name, body) => {
    expect(guide(body)).toEqual([]);
  });
  test('the MDX pipeline refuses the same body before compiling it (astro dev never runs the data check)', () => {
    const source = "---\ntitle: x\n---\n\nimport cp from 'node:child_process'\n\n{cp.execSync('id')}\n";
    expect(() =>
      (contentIsData as (ctx: object) => unknown)({
        source,
        fileURL: new URL('file:///content/guides/x.mdx'),
        sourceFormat: 'mdx',
        data: {},
      }),
    ).toThrow(/x\.mdx.*\n.*5行目: import/);
    expect(
      (contentIsData as (ctx: object) => unknown)({
        source: '---\ntitle: x\n---\n\n本文<Cite n={0} />\n',
        fileURL: undefined,
        sourceFormat: 'mdx',
        data: {},
      }),
    ).toBeNull();
  });
});

describe('valid file forms are accepted', () => {
  test("a UTF-8 BOM, CRLF line ends and a blank line before a guide's frontmatter", () => {
    expect(
      checkCopy((dir) => {
        const guide = join(dir, 'guides/what.mdx');
        writeFileSync(guide, `\uFEFF\n\n${readFileSync(guide, 'utf8').replaceAll('\n', '\r\n')}`);
      }),
    ).toEqual([]);
  });
  test('a BOM and CRLF in YAML, and the .yml ending', () => {
    expect(
      checkCopy((dir) => {
        const coop = join(dir, 'coops/alpha.yaml');
        writeFileSync(coop, `\uFEFF${readFileSync(coop, 'utf8').replaceAll('\n', '\r\n')}`);
        renameSync(coop, join(dir, 'coops/alpha.yml'));
      }),
    ).toEqual([]);
  });
});

describe('2. text hygiene', () => {
  test.each([
    ['a zero-width-only name', '\u200B', /U\+200B（ゼロ幅スペース）が1文字目/],
    ['a zero-width space inside a name', '労働者協同組合テスト\u200Bアルファ', /U\+200B.*が11文字目/],
    ['a control character', '労働者協同組合\u0007テスト', /U\+0007（制御文字）/],
    ['a bidi override', '労働者協同組合\u202Eテスト', /U\+202E（方向の上書き（RLO））/],
    ['a replacement character', '労働者協同組合\uFFFDテスト', /U\+FFFD/],
    ['an invisible-only name of ideographic spaces', '\u3000\u3000', /./],
  ])('%s is refused naming the field', (_name, name, message) => {
    expect(field(checkPatched('alpha', { name }), 'name')).toMatch(message);
  });
  test('a character that hides in a nested field names the nested path', () => {
    expect(
      field(
        checkPatched('alpha', { sources: [{ title: 'テスト\u2066資料', document: 'x', asOf: '2024-01-01' }] }),
        'sources[0].title',
      ),
    ).toMatch(/U\+2066/);
  });
  test('a 5 MB field is refused', () => {
    expect(field(checkPatched('alpha', { summary: 'あ'.repeat(5_000_000) }), 'summary')).toMatch(/長すぎます/);
  });
  test('a file that is not UTF-8 is reported as an encoding problem, not as wrong values', () => {
    const problems = checkCopy((dir) =>
      writeFileSync(
        join(dir, 'coops/alpha.yaml'),
        Buffer.concat([Buffer.from('name: '), Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67]), Buffer.from('\n')]),
      ),
    );
    expect(problems.filter((p) => p.file === 'coops/alpha.yaml')).toEqual([
      { file: 'coops/alpha.yaml', field: '(文字コード 1行目)', message: expect.stringMatching(/UTF-8 ではありません/) },
    ]);
  });
  test('a value of the wrong type says what was expected and what was found', () => {
    expect(field(checkPatched('2024-04-01', { corporations: '12' }), 'corporations')).toMatch(
      /数値を書いてください（文字列 "12"が書かれています）/,
    );
    expect(field(checkPatched('alpha', { categories: 'fukushi' }), 'categories')).toMatch(/一覧.*文字列/);
    expect(field(checkPatched('alpha', { name: undefined }), 'name')).toMatch(/必須/);
  });
});

describe('3. plausibility', () => {
  test('a count of 1e12 and a negative figure', () => {
    expect(field(checkPatched('2024-04-01', { corporations: 1e12 }), 'corporations')).toMatch(/大きすぎます/);
    expect(
      field(
        checkPatched('alpha', { figures: [{ label: '組合員数', value: -3, unit: '人', asOf: '2024' }] }),
        'figures[0].value',
      ),
    ).toMatch(/0以上/);
    expect(
      field(
        checkPatched('alpha', { figures: [{ label: '組合員数', value: 2e7, unit: '人', asOf: '2024' }] }),
        'figures[0].value',
      ),
    ).toMatch(/大きすぎます/);
    expect(
      checkPatched('alpha', { figures: [{ label: '事業高', value: 16_299_600_000, unit: '円', asOf: '2024' }] }),
    ).toEqual([]);
  });
  test('a code with a valid check digit that names no public body', () => {
    const official = officialBodies();
    const firstFive = ['13199', '13198', '13197'].find((f) => !official.has(`${f}${checkDigitFor(f)}`))!;
    const code = `${firstFive}${checkDigitFor(firstFive)}`;
    const problems = checkCopy((dir) =>
      renameSync(join(dir, 'municipalities/131041.yaml'), join(dir, `municipalities/${code}.yaml`)),
    );
    expect(
      problems
        .filter((p) => p.file === `municipalities/${code}.yaml`)
        .map((p) => p.message)
        .join(' '),
    ).toMatch(/全国地方公共団体コードにありません/);
  });
  test("a real code with another municipality's name", () => {
    expect(field(checkPatched('131041', { name: '渋谷区' }), 'name')).toMatch(/「新宿区」です/);
  });
  test('a point in Seoul, and a point in another prefecture', () => {
    expect(field(checkPatched('alpha', { location: { lat: 37.5665, lng: 126.978 } }), 'location')).toMatch(
      /日本の陸地から約\d+km/,
    );
    expect(field(checkPatched('alpha', { location: { lat: 34.6937, lng: 135.5023 } }), 'location')).toMatch(
      /東京都 の外.*大阪府の中/,
    );
  });
  test('a point far from its municipality inside the right prefecture', () => {
    // 八丈島: in 東京都, about 290 km from 新宿区.
    expect(field(checkPatched('alpha', { location: { lat: 33.11, lng: 139.79 } }), 'location')).toMatch(
      /新宿区 の代表点から約\d+km/,
    );
    expect(checkPatched('alpha', { location: { lat: 35.6938, lng: 139.7034 } })).toEqual([]);
  });
  test('a 労働者協同組合 registered before the Act, and a conversion that keeps its older founding date', () => {
    expect(field(checkPatched('alpha', { established: '2021-04' }), 'established')).toMatch(/施行（2022-10-01）より前/);
    expect(field(checkPatched('alpha', { established: undefined, registered: '2022-09-30' }), 'registered')).toMatch(
      /施行（2022-10-01）より前/,
    );
    expect(
      field(
        checkPatched('alpha', { established: undefined, origin: 'converted-kigyo', converted: '2020-04-01' }),
        'converted',
      ),
    ).toMatch(/施行（2022-10-01）より前/);
    expect(
      checkPatched('alpha', {
        established: undefined,
        converted: '2023-04-01',
        founded: '1998',
        origin: 'converted-kigyo',
      }),
    ).toEqual([]);
  });
  test('a citation number pointing at no source, in any collection', () => {
    expect(
      field(
        checkPatched('alpha', { figures: [{ label: '組合員数', value: 5, unit: '人', asOf: '2024', source: 4 }] }),
        'figures[0].source',
      ),
    ).toMatch(/sources\[4\] はありません/);
  });
});

describe('4. sources', () => {
  const url = (u: string) =>
    field(checkPatched('alpha', { sources: [{ title: 'x', url: u, seen: '2024-01-01' }] }), 'sources[0].url');
  test.each([
    ['a loopback address', 'http://127.0.0.1/admin', /IP アドレス/],
    ['a private address', 'http://192.168.0.10/', /IP アドレス/],
    ['a decimal IP', 'http://2130706433/', /IP アドレス/],
    ['an IPv6 loopback', 'http://[::1]/', /IP アドレス/],
    ['localhost', 'http://localhost:8080/', /公開されたサイトのものではありません/],
    ['an internal name', 'https://wiki.corp.internal/page', /公開されたサイト/],
    ['credentials (the user@host trick)', 'https://www.mhlw.go.jp@evil.example/', /利用者名やパスワード/],
    ['a search-engine cache', 'https://webcache.googleusercontent.com/search?q=cache:x', /写し/],
    [
      'a Yahoo cache copy of a prefecture page',
      'http://www.pref.kumamoto.jp.cache.yimg.jp/x.html',
      /cache\.yimg\.jp は他のサイトの写し/,
    ],
    ['a web archive', 'https://web.archive.org/web/2024/https://www.mhlw.go.jp/', /写し/],
    ['a translation proxy', 'https://www-mhlw-go-jp.translate.goog/x', /写し/],
    ['a non-http scheme', 'ftp://example.org/x', /http/],
  ])('%s is refused', (_name, u, message) => {
    expect(url(u)).toMatch(message);
  });
  test('an archive copy that names its original is accepted; the original cannot itself be a copy', () => {
    const ok = checkPatched('alpha', {
      sources: [
        {
          title: 'x',
          url: 'https://web.archive.org/web/2024/https://www.mhlw.go.jp/',
          copyOf: { publisher: '厚生労働省', url: 'https://www.mhlw.go.jp/' },
          seen: '2024-01-01',
        },
      ],
    });
    expect(ok).toEqual([]);
    const bad = checkPatched('alpha', {
      sources: [
        {
          title: 'x',
          url: 'https://web.archive.org/web/2024/x',
          copyOf: { publisher: 'x', url: 'https://archive.ph/abc' },
          seen: '2024-01-01',
        },
      ],
    });
    expect(field(bad, 'sources[0].copyOf.url')).toMatch(/写し/);
  });
});

describe('5. unknown folders and files', () => {
  test('a misspelt collection folder and a stray file are errors', () => {
    const problems = checkCopy((dir) => {
      mkdirSync(join(dir, 'coop'));
      writeFileSync(join(dir, 'coop/x.yaml'), 'name: x\n');
      writeFileSync(join(dir, 'notes.txt'), 'x');
      writeFileSync(join(dir, 'coops/alpha.json'), '{}');
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { file: 'coop', field: '(folder)', message: expect.stringMatching(/"coop" というコレクションはありません/) },
        { file: 'notes.txt', field: '(file)', message: expect.any(String) },
        { file: 'coops/alpha.json', field: '(file)', message: expect.any(String) },
      ]),
    );
  });
});

describe('messages name the right entry', () => {
  test('a council with a mistake does not also fail the programme that counts it', () => {
    const problems = checkPatched('test-council', { name: '' });
    expect(problems.map((p) => p.file)).toEqual([
      'tests/fixtures/valid/councils/test-council.yaml'.replace('tests/fixtures/valid/', ''),
    ]);
  });
});
