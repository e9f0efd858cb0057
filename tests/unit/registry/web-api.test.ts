/**
 * `refresh:registry` against a local stand-in of the Web-API
 * (tests/helpers/registry-stand-in.ts) and a temporary copy of content: the
 * request sent, a first run that adds and a second that changes nothing,
 * paging past 2,000 records made at run time, and every failure a monthly job
 * meets (403, 404, 400, a 500 then success, a timeout, cut-off answers, no
 * result at all) — each with nothing written.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readContent } from '../../../src/content/files.ts';
import { validateEntries } from '../../../src/lib/check/validate.ts';
import { WEB_API_NOTICE } from '../../../src/lib/registry/credit.ts';
import { failureMessage } from '../../../scripts/lib/houjin-import.ts';
import { formatRefreshSummary, refreshRegistry, settingsFrom } from '../../../scripts/lib/registry-refresh.ts';
import { fakeNumber, recordLine, snapshot } from '../../helpers/registry.ts';
import { STAND_IN_APP_ID, startStandIn, type Override, type StandIn } from '../../helpers/registry-stand-in.ts';

const TODAY = '2026-11-30';
const FIX = join(process.cwd(), 'tests/fixtures/houjin');

let dir: string;
let content: string;
let api: StandIn | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'registry-api-'));
  content = join(dir, 'content');
  cpSync(join(process.cwd(), 'tests/fixtures/valid'), content, { recursive: true });
  cpSync(join(FIX, 'content-extra'), content, { recursive: true });
});
afterEach(async () => {
  await api?.close();
  api = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Three new co-ops and the 企業組合 the fixture content has (法人番号 4011005999006), now converted. */
const RECORDS = [
  recordLine({
    corporateNumber: fakeNumber(1),
    name: '労働者協同組合架空いち',
    furigana: 'ロウドウシャキョウドウクミアイカクウイチ',
  }),
  recordLine({
    corporateNumber: fakeNumber(2),
    name: '架空ケア特定労働者協同組合',
    cityName: '八王子市',
    cityCode: '201',
  }),
  recordLine({
    corporateNumber: fakeNumber(3),
    name: '架空労働者協同組合連合会',
    furigana: 'カクウロウドウシャキョウドウクミアイレンゴウカイ',
  }),
  readFileSync(join(FIX, 'diff_20261115.csv'), 'utf8').split(/\r?\n/)[1]!,
];

const serve = async (records: string[], override?: Override) =>
  (api = await startStandIn(records, '2026-11-27', override));
const env = (extra: Record<string, string> = {}) => ({
  HOUJIN_APP_ID: STAND_IN_APP_ID,
  HOUJIN_API_BASE: api!.base,
  // Generous: on a loaded machine a first answer can take seconds; the timeout test sets its own.
  HOUJIN_API_TIMEOUT_MS: '20000',
  HOUJIN_API_RETRY_DELAY_MS: '10',
  HOUJIN_API_PAUSE_MS: '5',
  ...extra,
});
const retries: string[] = [];
const refresh = (extra: Record<string, string> = {}, dryRun = false) =>
  refreshRegistry({
    env: env(extra),
    contentDir: content,
    today: TODAY,
    root: dir,
    dryRun,
    onRetry: (m) => retries.push(m),
  });
const coop = (id: string) =>
  parseYaml(readFileSync(join(content, 'coops', `${id}.yaml`), 'utf8')) as Record<string, any>;

/** Runs a refresh that must fail; returns its message after checking content/ did not change. */
async function refused(extra: Record<string, string> = {}): Promise<string> {
  const before = snapshot(content);
  const error = await refresh(extra).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the refresh should have failed').toBeInstanceOf(Error);
  expect(snapshot(content)).toEqual(before);
  const message = failureMessage(error);
  expect(message, String(error)).toBeDefined();
  return message!;
}

beforeEach(() => {
  retries.length = 0;
});

describe('the request', () => {
  test('one GET per page with the parameters of the specification, the name UTF-8 percent-encoded', async () => {
    await serve(RECORDS);
    await refresh({}, true);
    expect(api!.requests).toHaveLength(1);
    const url = api!.requests[0]!;
    expect(url.pathname).toBe('/4/name');
    expect(url.search).toBe(
      `?id=${STAND_IN_APP_ID}&name=%E5%8A%B4%E5%83%8D%E8%80%85%E5%8D%94%E5%90%8C%E7%B5%84%E5%90%88&type=02&mode=2&target=2&kind=03&change=0&close=1&divide=1`,
    );
  });

  test('settings: HOUJIN_APP_ID is required and named; HOUJIN_API_BASE defaults to the agency; bad numbers are named', () => {
    expect(() => settingsFrom({})).toThrow(
      /^HOUJIN_APP_ID が設定されていません。.*https:\/\/www\.houjin-bangou\.nta\.go\.jp\/webapi\//,
    );
    expect(settingsFrom({ HOUJIN_APP_ID: 'abc' }).base).toBe('https://api.houjin-bangou.nta.go.jp');
    expect(() => settingsFrom({ HOUJIN_APP_ID: 'abc', HOUJIN_API_BASE: 'ftp://x' })).toThrow(/HOUJIN_API_BASE/);
    expect(() => settingsFrom({ HOUJIN_APP_ID: 'abc', HOUJIN_API_RETRIES: '9' })).toThrow(/HOUJIN_API_RETRIES="9"/);
  });
});

describe('a refresh', () => {
  test('the first run adds drafts and refreshes the entry we have; the second changes nothing and rewrites no file', async () => {
    await serve(RECORDS);
    const first = await refresh();
    const s = first.plan.summary;
    expect(s.added.map((i) => i.id).sort()).toEqual([1, 2, 3].map((n) => `houjin-${fakeNumber(n)}`).sort());
    expect(s.changed.map((i) => i.id)).toEqual(['kakuu-kigyo']);
    const draft = coop(`houjin-${fakeNumber(1)}`);
    expect(draft).toMatchObject({
      name: '労働者協同組合架空いち',
      reading: 'カクウイチ',
      registryOnly: true,
      registry: { asOf: '2026-11-27', via: 'web-api' },
    });
    expect(draft.sources[0].note).toContain(WEB_API_NOTICE);
    const { entries, problems } = readContent(content, dir);
    expect([...problems, ...validateEntries(entries, TODAY)]).toEqual([]);

    const before = snapshot(content);
    const mtimes = [...before.keys()].map((f) => statSync(join(content, f)).mtimeMs);
    const second = await refresh();
    expect(second.written).toEqual([]);
    expect(second.plan.writes).toEqual([]);
    expect(second.plan.summary.unchanged).toHaveLength(4);
    expect(snapshot(content)).toEqual(before);
    expect([...before.keys()].map((f) => statSync(join(content, f)).mtimeMs)).toEqual(mtimes);
  });

  test('more than 2,000 records: pages fetched one after another, all applied', async () => {
    // 2,345 records made here: closed co-ops we never listed (held, not written) and every 50th an active one.
    const records = Array.from({ length: 2345 }, (_, i) =>
      recordLine({
        corporateNumber: fakeNumber(100 + i),
        name: `労働者協同組合架空${i}`,
        ...(i % 50 === 0 ? {} : { closeDate: '2026-11-01', closeCause: '01' }),
      }),
    );
    await serve(records);
    const result = await refresh();
    expect(api!.requests.map((u) => u.searchParams.get('divide'))).toEqual(['1', '2']);
    expect(result.fetched.recordsPerPage).toEqual([2000, 345]);
    expect(result.plan.summary.added).toHaveLength(47);
    expect(result.plan.summary.added.map((i) => i.name)).toContain('労働者協同組合架空2300');
    expect(result.plan.summary.skipped).toHaveLength(2345 - 47);
    expect(formatRefreshSummary(result).slice(0, 3)).toEqual([
      `取得: 法人番号システム Web-API ${api!.base}/4/name?id=（HOUJIN_APP_ID）&name=労働者協同組合&type=02&mode=2&target=2&kind=03&change=0&close=1&divide=1…2`,
      '読み込み: 最終更新 2026-11-27、2 ページ、2345 件中 2345 件が対象',
      '追加（登記情報のみの下書き）: 47',
    ]);
  });
});

describe('failures write nothing and say what happened in one message', () => {
  test('403: not retried', async () => {
    await serve(RECORDS, (_, res) => {
      res.writeHead(403, { 'content-type': 'text/html' });
      res.end(
        '<html><body>同一アプリケーションIDで一定期間内に多数のアクセスが実行されたため制限されています。</body></html>',
      );
      return true;
    });
    const message = await refused();
    expect(message).toBe(
      '中止しました（何も書き込んでいません）\nWeb-API /4/name（1ページ目）: Web-API の利用が制限されています（HTTP 403: 同一アプリケーションIDで一定期間内に多数のアクセスが実行されたため制限されています。）。同じアプリケーションIDで短い間に多くのリクエストがあったときの応答です。時間をおいて実行してください',
    );
    expect(api!.requests).toHaveLength(1);
  });

  test('404 for an application ID the API does not know', async () => {
    await serve(RECORDS);
    expect(await refused({ HOUJIN_APP_ID: 'WRONGID000000' })).toContain(
      'アプリケーションIDが登録されていないか無効です（HTTP 404: アプリケーションIDが登録されていないまたは無効です。）。HOUJIN_APP_ID を確かめてください',
    );
  });

  test("400 carries the API's code and message", async () => {
    await serve(RECORDS, ({ url }, res) => {
      url.searchParams.set('name', 'ABC'); // as if a half-width name had been sent
      res.writeHead(400, { 'content-type': 'application/csv' });
      res.end('101,商号又は名称には全角文字をUTF-8でエンコードして設定してください。');
      return true;
    });
    expect(await refused()).toContain(
      'Web-API がリクエストを受け付けませんでした（HTTP 400、エラー 101: 商号又は名称には全角文字をUTF-8でエンコードして設定してください。）',
    );
    expect(api!.requests).toHaveLength(1);
  });

  test('a 500 followed by success: retried after a pause, then applied', async () => {
    await serve(RECORDS, ({ n }, res) => {
      if (n > 1) return false;
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<html><body>Internal Server Error</body></html>');
      return true;
    });
    const result = await refresh();
    expect(api!.requests).toHaveLength(2);
    expect(retries).toEqual([
      'Web-API /4/name（1ページ目）: Web-API のサーバーエラーです（HTTP 500: Internal Server Error）。0.01 秒後にやり直します（残り 3 回）',
    ]);
    expect(result.plan.summary.added).toHaveLength(3);
  });

  test('500 every time: a bounded number of tries, then a clear failure', async () => {
    await serve(RECORDS, (_, res) => {
      res.writeHead(503);
      res.end();
      return true;
    });
    expect(await refused({ HOUJIN_API_RETRIES: '2' })).toContain(
      'Web-API のサーバーエラーです（HTTP 503）（3 回試しました）',
    );
    expect(api!.requests).toHaveLength(3);
  });

  test('a timeout: an answer that never comes, and one whose body stalls, are both cut at the timeout', async () => {
    await serve(RECORDS, ({ n }, res) => {
      if (n === 2) {
        res.writeHead(200, { 'content-type': 'text/csv' });
        res.write('2026-11-27,4,1,1\r\n'); // then nothing
      }
      return true; // request 1: no answer at all
    });
    const message = await refused({ HOUJIN_API_TIMEOUT_MS: '300', HOUJIN_API_RETRIES: '1' });
    expect(message).toContain('Web-API が 0.3 秒以内に応答を終えませんでした（時間切れ）（2 回試しました）');
    expect(retries[0]).toMatch(/時間切れ.*やり直します/);
  });

  test('cut off: the header announces 2 pages and 2,345 records, fewer arrive', async () => {
    const records = Array.from({ length: 2345 }, (_, i) =>
      recordLine({
        corporateNumber: fakeNumber(5000 + i),
        name: `労働者協同組合架空${i}`,
        closeDate: '2026-11-01',
        closeCause: '01',
      }),
    );
    await serve(records, ({ divide }, res) => {
      if (divide !== 2) return false;
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end(['2026-11-27,2345,2,2', ...records.slice(2000, 2300)].map((l) => `${l}\r\n`).join(''));
      return true;
    });
    expect(await refused()).toContain(
      '総件数 2,345 件（2 ページ）のはずが、2,300 件しか届きませんでした（2000・300 件）。応答が途中で切れています',
    );
  });

  test('cut off: the last line ends in the middle of a record', async () => {
    await serve(RECORDS, (_, res) => {
      const body = ['2026-11-27,4,1,1', ...RECORDS].map((l) => `${l}\r\n`).join('');
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end(body.slice(0, body.length - 60));
      return true;
    });
    expect(await refused()).toMatch(/Web-API \/4\/name（1ページ目） 5行目: 項目数が \d+ です/);
  });

  test('cut off: the connection drops in the middle of the answer (retried, then reported)', async () => {
    await serve(RECORDS, (_, res) => {
      const body = ['2026-11-27,4,1,1', ...RECORDS].map((l) => `${l}\r\n`).join('');
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': Buffer.byteLength(body) });
      res.write(body.slice(0, 100));
      setTimeout(() => res.destroy(), 20);
      return true;
    });
    expect(await refused({ HOUJIN_API_RETRIES: '1' })).toMatch(
      /Web-API との通信が途中で切れたか、接続できません（.+）（2 回試しました）/,
    );
  });

  test('no record at all is a failure, not "nothing changed": the download files are the fallback', async () => {
    await serve([]);
    expect(await refused()).toContain(
      '「労働者協同組合」の検索結果が 0 件でした。名称の部分一致検索が法人格の語を検索から外しているおそれがあります。何も書き込んでいません。毎月の全件データ（npm run import:houjin）で取り込んでください',
    );
  });
});

// Each test starts Node (Node 24 with the project's modules) up to three times: 2–4 s each alone, far more beside other test files.
describe('the command (npm run refresh:registry)', { timeout: 120_000 }, () => {
  /** Runs scripts/refresh-registry.ts on the content copy (asynchronously: the stand-in answers from this process). */
  const command = (vars: Record<string, string>, args: string[] = []) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HOUJIN_')));
    const child = spawn(process.execPath, ['scripts/refresh-registry.ts', ...args], {
      env: { ...clean, CONTENT_DIR: content, ...vars },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
      child.on('close', (status) => resolve({ status, stdout, stderr })),
    );
  };

  test('without HOUJIN_APP_ID: exit 1, the variable named and how to get one, nothing written, no stack trace', async () => {
    const before = snapshot(content);
    const r = await command({});
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^中止しました（何も書き込んでいません）\nHOUJIN_APP_ID が設定されていません。/);
    expect(r.stderr).toContain('https://www.houjin-bangou.nta.go.jp/webapi/index.html');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout).toBe('');
    expect(snapshot(content)).toEqual(before);
  });

  test('a 403: exit 1 with one message; a dry run prints the summary and writes nothing; a real run writes', async () => {
    await serve(RECORDS, ({ n }, res) => {
      if (n > 1) return false;
      res.writeHead(403);
      res.end();
      return true;
    });
    const before = snapshot(content);
    const denied = await command(env());
    expect(denied.status).toBe(1);
    expect(denied.stderr.trim().split('\n')).toEqual([
      '中止しました（何も書き込んでいません）',
      expect.stringMatching(/^Web-API \/4\/name（1ページ目）: Web-API の利用が制限されています（HTTP 403）。/),
    ]);
    const dry = await command(env(), ['--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('追加（登記情報のみの下書き）: 3');
    expect(dry.stdout).toContain('--dry-run: 何も書き込んでいません');
    expect(snapshot(content)).toEqual(before);
    const real = await command(env());
    expect(real.status, real.stderr).toBe(0);
    expect(real.stdout).toMatch(/^書き込んだファイル: 4（/m);
  });
});
