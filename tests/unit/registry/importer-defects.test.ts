/**
 * The importer against hostile and broken input (issue #22): every defect an
 * attacker's files showed, on a file written here at run time, with the
 * message the importer now gives; and content/ left exactly as it was.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as fs from 'node:fs';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { AtomicWriteError, STAGING_PREFIX, type WriteFs } from '../../../src/lib/registry/atomic-write.ts';
import { HoujinFormatError } from '../../../src/lib/registry/houjin.ts';
import { RecordReader } from '../../../src/lib/registry/record-reader.ts';
import { RecordSet } from '../../../src/lib/registry/record-set.ts';
import { failureMessage, formatSummary, importHoujin } from '../../../scripts/lib/houjin-import.ts';
import { fakeNumber, recordLine, snapshot } from '../../helpers/registry.ts';

const TODAY = '2026-11-30';
const FIX = join(process.cwd(), 'tests/fixtures/houjin');
const utf8 = (s: string) => new TextEncoder().encode(s);

let dir: string;
let content: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'houjin-defects-'));
  content = join(dir, 'content');
  cpSync(join(process.cwd(), 'tests/fixtures/valid'), content, { recursive: true });
  cpSync(join(FIX, 'content-extra'), content, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const snapshotContent = () => snapshot(content);

/** Writes a file into the work folder and returns its path. */
function put(name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

const run = (files: string[], fsCalls?: WriteFs) =>
  importHoujin(files, { contentDir: content, today: TODAY, root: dir, fs: fsCalls });

/** Runs an import that must fail: returns its message, and checks that content/ did not change. */
async function refused(files: string[], fsCalls?: WriteFs): Promise<string> {
  const before = snapshotContent();
  const error = await run(files, fsCalls).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the import should have failed').toBeInstanceOf(Error);
  expect(snapshotContent()).toEqual(before);
  return failureMessage(error) ?? String(error);
}

describe('a write that fails part-way leaves content/ as it was and says so', () => {
  /** node:fs, except that the n-th call of `name` fails with `code`. */
  const failingOn = (name: 'renameSync' | 'writeFileSync', n: number, code: string): WriteFs => {
    let calls = 0;
    return {
      ...fs,
      [name]: (...args: unknown[]) => {
        if (++calls === n) throw Object.assign(new Error(`${code}: simulated`), { code });
        return (fs[name] as (...a: unknown[]) => unknown)(...args);
      },
    } as WriteFs;
  };

  test('disk full while staging the second file: nothing replaced', async () => {
    await run([join(FIX, '13_tokyo_all_20261031.csv')]);
    const message = await refused([join(FIX, 'diff_20261115.csv')], failingOn('writeFileSync', 2, 'ENOSPC'));
    expect(message).toMatch(
      /^書き込みに失敗しました（coops\/.+\.yaml を一時フォルダに書く: ENOSPC: .*）。取り込み前のままです/,
    );
    expect(readdirSync(content).filter((n) => n.startsWith(STAGING_PREFIX))).toEqual([]);
  });

  test('a read-only file met while replacing the second file: the first is put back', async () => {
    await run([join(FIX, '13_tokyo_all_20261031.csv')]);
    const message = await refused([join(FIX, 'diff_20261115.csv')], failingOn('renameSync', 2, 'EROFS'));
    expect(message).toMatch(/を置き換える: EROFS: .*）。置き換えた 1 件を元に戻し、取り込み前のままです/);
    expect(readdirSync(content).filter((n) => n.startsWith(STAGING_PREFIX))).toEqual([]);
  });

  test('when even the roll-back fails, the message names the file and where its old text is', async () => {
    await run([join(FIX, '13_tokyo_all_20261031.csv')]);
    let calls = 0;
    const broken = {
      ...fs,
      renameSync: (from: string, to: string) => {
        calls++;
        if (calls >= 3) throw Object.assign(new Error('EIO: simulated'), { code: 'EIO' });
        fs.renameSync(from, to);
      },
    } as WriteFs;
    const error = await run([join(FIX, 'diff_20261115.csv')], broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtomicWriteError);
    expect((error as AtomicWriteError).restored).toBe(false);
    expect((error as Error).message).toMatch(
      /元に戻せなかったファイル: coops\/\S+\.yaml（元の内容は .*\.registry-write-\w+\/\d\.old）/,
    );
  });
});

describe('bounded reading: nothing grows without limit', () => {
  test('a small zip that expands to one endless line is refused at the bound, naming the entry and line', async () => {
    const zip = put('bomb_20261031.zip', zipSync({ 'all_20261031.csv': new Uint8Array(32 * 1024 * 1024).fill(0x41) }));
    expect(statSync(zip).size).toBeLessThan(200_000);
    const started = performance.now();
    const message = await refused([zip]);
    expect(message).toContain(`${zip}:all_20261031.csv 1行目: 1行が 16,384 バイトを超えています`);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  test('one record repeated 50,000 times is kept once (numbers de-duplicated while reading)', async () => {
    const line = `${recordLine()}\n`;
    const zip = put('repeat_20261031.zip', zipSync({ 'repeat_20261031.csv': utf8(line.repeat(50_000)) }));
    const result = await run([zip]);
    expect(result.files[0]).toMatchObject({ records: 50_000, kept: 50_000 });
    expect(result.plan.summary.added.map((i) => i.corporateNumber)).toEqual([fakeNumber(1)]);
  });

  test('distinct numbers past the bound are refused, naming the line', () => {
    const text = [1, 2, 3, 4].map((n) => recordLine({ corporateNumber: fakeNumber(n) })).join('\n');
    const records = new RecordSet(3);
    const reader = new RecordReader({
      input: 'many.csv',
      today: TODAY,
      keep: () => true,
      onRow: (row) => records.add({ ...row, fileDate: TODAY }),
    });
    expect(() => {
      reader.push(utf8(text));
      reader.end();
    }).toThrow(/^many\.csv 4行目: 対象の記録が 3 件を超えました/);
  });

  test('a name over 2,000 characters is refused in the reader, naming file, line and column', async () => {
    const file = put(
      'diff_20261101.csv',
      `${recordLine()}\n${recordLine({ name: `労働者協同組合${'架'.repeat(2000)}` })}\n`,
    );
    expect(await refused([file])).toContain(
      `${file} 2行目: 商号又は名称（7列目）が 2,007 文字あります（2,000 文字まで）`,
    );
  });
});

test('an organisation file in content/ that is not YAML stops the import, naming the file and line', async () => {
  const broken = join(content, 'coops/broken.yaml');
  writeFileSync(broken, 'name: 労働者協同組合テスト\nsources:\n  - title: a\n   url: b\n');
  expect(await refused([join(FIX, 'diff_20261115.csv')])).toContain(`${broken} (YAML (4行目)): bad indentation`);
});

test('a folder given as FILE is refused by name', async () => {
  mkdirSync(join(dir, 'downloads'));
  expect(await refused([join(dir, 'downloads')])).toContain(
    `${join(dir, 'downloads')}: フォルダです。全件データ・差分データの CSV か zip のファイルを指定してください`,
  );
});

describe('mixed encodings are refused line by line, never dropped', () => {
  // The Shift_JIS edition's record of a co-op (tests/fixtures/houjin/diff_20261120_sjis.csv, line 1).
  const sjisLine = () => {
    const bytes = readFileSync(join(FIX, 'diff_20261120_sjis.csv'));
    return bytes.subarray(0, bytes.indexOf(0x0a) + 1);
  };

  test('a Unicode file with one Shift_JIS record', async () => {
    const file = put(
      'diff_20261101.csv',
      Buffer.concat([utf8(`${recordLine()}\n${recordLine({ corporateNumber: fakeNumber(2) })}\n`), sjisLine()]),
    );
    expect(await refused([file])).toContain(
      `${file} 3行目: UTF-8（Unicode 版）として読めない文字があります（Shift_JIS 版の行が混ざっているようです）`,
    );
  });

  test('a Shift_JIS file with one Unicode record', async () => {
    const file = put('diff_20261102.csv', Buffer.concat([sjisLine(), utf8(`${recordLine()}\r\n`)]));
    expect(await refused([file])).toContain(
      `${file} 2行目: Shift_JIS 版のファイルに UTF-8（Unicode 版）の行が混ざっています`,
    );
  });
});

describe('what is printed cannot act on the terminal or forge lines', () => {
  test('a name with an escape sequence is refused naming file and line, and the message shows the code point', async () => {
    const file = put('diff_20261101.csv', `${recordLine({ name: '労働者協同組合\u001b[2J架空' })}\n`);
    const message = await refused([file]);
    expect(message).toContain(
      `${file} 1行目: 商号又は名称（7列目）に使えない文字U+001B（制御文字）が8文字目にあります`,
    );
    expect(message).not.toContain('\u001b');
  });

  test('a zip entry name with an escape sequence is printed escaped', async () => {
    const zip = put('esc_20261031.zip', zipSync({ 'a\u001b[2J_20261031.csv': utf8(`${recordLine()}\n`) }));
    const lines = formatSummary(await run([zip]));
    expect(lines[0]).toBe(`読み込み: ${zip}:a<U+001B>[2J_20261031.csv（2026-10-31、Unicode 版、1 件中 1 件が対象）`);
    expect(lines.join('\n')).not.toContain('\u001b');
  });

  test('a 商号 with a line break is refused: quoted across lines, or a bare CR inside', async () => {
    const forged = put(
      'diff_20261101.csv',
      `${recordLine({ name: '労働者協同組合架空\n追加（登記情報のみの下書き）: 99' })}\n`,
    );
    expect(await refused([forged])).toContain(
      `${forged} 1行目: CSV の引用符 " が正しく閉じられていません（Quoted field unterminated）。項目の中の改行は受け付けません`,
    );
    const cr = put('diff_20261102.csv', `${recordLine({ name: '労働者協同組合架空\r更新: 0' })}\n`);
    expect(await refused([cr])).toContain(`${cr} 1行目: 商号又は名称（7列目）に改行があります`);
  });
});

describe('one number, two names', () => {
  test('in one file: refused, naming both lines', async () => {
    const n = fakeNumber(7);
    const file = put(
      'diff_20261101.csv',
      [recordLine({ corporateNumber: n }), recordLine({ corporateNumber: n, name: '労働者協同組合架空ニセ' })].join(
        '\n',
      ),
    );
    expect(await refused([file])).toContain(
      `法人番号 ${n} の記録が2つあり、名称が違います: ${file} 1行目「労働者協同組合架空テスト」と ${file} 2行目「労働者協同組合架空ニセ」`,
    );
  });

  test('the same record twice is kept once; a record marked 最新履歴 1 wins over an older one', async () => {
    const n = fakeNumber(8);
    const file = put(
      'diff_20261101.csv',
      [
        recordLine({ corporateNumber: n, name: '労働者協同組合架空旧', latest: '0' }),
        recordLine({ corporateNumber: n, name: '労働者協同組合架空新', process: '11' }),
        recordLine({ corporateNumber: n, name: '労働者協同組合架空新', process: '11' }),
      ].join('\n'),
    );
    const result = await run([file]);
    expect(result.plan.summary.added.map((i) => i.name)).toEqual(['労働者協同組合架空新']);
  });
});

describe('address codes that cannot be trusted are held (対象外・保留), not written', () => {
  test('a 都道府県コード that disagrees with the address, and a 市区町村コード that exists nowhere', async () => {
    const file = put(
      'diff_20261101.csv',
      [
        recordLine({ corporateNumber: fakeNumber(11), prefectureCode: '14' }),
        recordLine({ corporateNumber: fakeNumber(12), cityCode: '999' }),
        recordLine({ corporateNumber: fakeNumber(13) }),
      ].join('\n'),
    );
    const before = snapshotContent();
    const result = await run([file]);
    expect(new Map(result.plan.summary.skipped.map((i) => [i.corporateNumber, i.detail]))).toEqual(
      new Map([
        [fakeNumber(11), '都道府県コード 14（神奈川県）が所在地の都道府県「東京都」と一致しません'],
        [
          fakeNumber(12),
          '市区町村コード 13999（全国地方公共団体コード 139998）は総務省のコード表のどの市区町村にもありません',
        ],
      ]),
    );
    expect(result.written).toEqual([`coops/houjin-${fakeNumber(13)}.yaml`]);
    expect([...snapshotContent().keys()].filter((k) => !before.has(k))).toEqual([
      `coops/houjin-${fakeNumber(13)}.yaml`,
    ]);
  });

  test('for an entry we have, the registry block is not refreshed from such a record', async () => {
    const diff = readFileSync(join(FIX, 'diff_20261115.csv'), 'utf8');
    // kakuu-kigyo (法人番号 4011005999006) moves to 新宿区 in the change file; here its prefecture code says 大阪府.
    const bad = put(
      'diff_20261116.csv',
      diff.replace(',13,104,1600023,,,,,,令和8年11月1日', ',27,104,1600023,,,,,,令和8年11月1日'),
    );
    const result = await run([bad]);
    const held = result.plan.summary.skipped.find((i) => i.id === 'kakuu-kigyo');
    expect(held?.detail).toBe(
      '都道府県コード 27（大阪府）が所在地の都道府県「東京都」と一致しません。登記情報を更新していません',
    );
    expect(result.written).not.toContain('coops/kakuu-kigyo.yaml');
  });
});

describe('every refusal names the input file and line', () => {
  test.each([
    [
      'a control character',
      { streetNumber: '霞が関\u0007９丁目' },
      '国内所在地（丁目番地等）（12列目）に使えない文字U+0007（制御文字）',
    ],
    [
      'an impossible date',
      { assignmentDate: '2026-02-30' },
      '法人番号指定年月日（23列目）"2026-02-30" は YYYY-MM-DD の実在する日付ではありません',
    ],
    [
      'a date after today',
      { changeDate: '2026-12-24' },
      '変更年月日（6列目）"2026-12-24" が今日（2026-11-30）より後の日付です',
    ],
  ])('%s', async (_, fields, message) => {
    const file = put(
      'diff_20261101.csv',
      `${recordLine({ corporateNumber: fakeNumber(21) })}\n${recordLine(fields)}\n`,
    );
    expect(await refused([file])).toContain(`${file} 2行目: ${message}`);
  });

  test('a file dated after today', async () => {
    const file = put('diff_20261224.csv', `${recordLine()}\n`);
    expect(await refused([file])).toContain(`${file}: ファイルの作成日 2026-12-24 が今日（2026-11-30）より後です`);
  });

  test('errors are HoujinFormatErrors with the file and line as fields too', async () => {
    const file = put('diff_20261101.csv', `${recordLine({ postCode: '12345' })}\n`);
    const error = await run([file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HoujinFormatError);
    expect(error).toMatchObject({ file, line: 1 });
    expect(existsSync(join(content, 'coops', `houjin-${fakeNumber(1)}.yaml`))).toBe(false);
  });
});
