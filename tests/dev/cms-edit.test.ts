/**
 * `npm run edit` end to end in Chromium: the editor runs on a copy of
 * content/ in a temporary git repository (never the real content/), with
 * one 「登記情報のみ」 draft the importer made there from a fixture file
 * (fictitious records, tests/fixtures/houjin/). In /admin/ the browser
 * changes one co-op's phone and publishes: the file on disk differs in that
 * one field only (parsed YAML compared before and after), no other file
 * changed (`git status`), the data check passes on the copy, the page broke
 * none of /admin/'s Content-Security-Policy (every style element Decap made
 * has its hash in the policy), and nothing was requested from anywhere but
 * the editor's own server. Then it finishes the draft as docs/cms.md tells
 * editors to: found through the filter, a category chosen, a summary
 * written, 「登記情報のみの下書きか」 unticked; only those fields change and
 * the data check passes on the finished entry.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { launch, localOnlyContext } from '../helpers/browser.ts';
import { DECAP_STYLE_HASHES } from '../../src/lib/publish/csp.ts';

/** A change file of fictitious registry records with one new co-op: the importer makes it a draft. */
const DRAFT_FIXTURE = 'tests/fixtures/houjin/diff_20261120_sjis.csv';

let tree = '';
let editor: ChildProcess | undefined;
let url = '';
let browser: Browser;
/** What the editor printed, shown when a test fails. */
let out = '';

const git = (...args: string[]) => {
  const r = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], {
    cwd: tree,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

/** The first co-op (by id) of the copy whose data passes `test`, with its file and parsed data. */
function firstCoop(test: (data: Record<string, unknown>) => boolean, what: string) {
  const dir = join(tree, 'content', 'coops');
  for (const name of readdirSync(dir).sort()) {
    const data = parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
    if (test(data)) return { id: name.replace(/\.yaml$/, ''), file: join(dir, name), data };
  }
  throw new Error(`content/coops に${what}がありません`);
}

/** A signed-in /admin/ in a fresh context that records CSP violations and every request leaving 127.0.0.1. */
async function openAdmin() {
  const { context, blocked } = await localOnlyContext(browser);
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  await page.goto(url);
  await page.getByRole('button', { name: 'ログイン' }).click({ timeout: 90_000 });
  return { context, page, blocked };
}

/** Publishes the open entry (decap-server's simple workflow: 「公開」 then 「公開する」 writes the file). */
async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: '公開', exact: true }).click();
  await page.getByText('公開する', { exact: true }).click();
}

/** `npm run check:data` on the copy. */
function checkData() {
  return spawnSync(process.execPath, ['scripts/check-data.ts'], {
    env: { ...process.env, CONTENT_DIR: join(tree, 'content') },
    encoding: 'utf8',
  });
}

/** Paths whose values differ between two parsed documents (`contact.phone`, `sources[0].url`). */
function changedPaths(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b) ? [] : [path];
  if (Array.isArray(a) !== Array.isArray(b)) return [path];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) =>
    changedPaths(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k,
    ),
  );
}

beforeAll(async () => {
  tree = mkdtempSync(join(tmpdir(), 'roukyou-edit-'));
  cpSync('content', join(tree, 'content'), { recursive: true });
  const imported = spawnSync(process.execPath, ['scripts/import-houjin.ts', DRAFT_FIXTURE], {
    env: { ...process.env, CONTENT_DIR: join(tree, 'content') },
    encoding: 'utf8',
  });
  if (imported.status !== 0) throw new Error(`import:houjin: ${imported.stdout}\n${imported.stderr}`);
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'copy of content/ with one registry draft');
  // Its own process, as a maintainer runs it; detached, so its whole group is stopped after.
  editor = spawn(process.execPath, ['scripts/edit.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CONTENT_DIR: join(tree, 'content'), PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run edit did not start in 120 s:\n${out}`)), 120_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/admin\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    editor!.stdout!.on('data', onData);
    editor!.stderr!.on('data', onData);
    editor!.once('exit', (code) => reject(new Error(`npm run edit exited (${code}):\n${out}`)));
  });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  if (editor?.pid) process.kill(-editor.pid, 'SIGTERM');
  if (tree) rmSync(tree, { recursive: true, force: true });
});

test("a co-op's phone changed in /admin/ changes that field only, on disk, and the data check passes", async () => {
  const coop = firstCoop(
    (d) => typeof (d.contact as { phone?: string } | undefined)?.phone === 'string',
    '電話番号のある組合',
  );
  const before = coop.data as { contact: { phone: string } };
  // A number the file does not hold: the last four digits moved on by one.
  const phone = before.contact.phone.replace(/\d{4}$/, (d) => String((Number(d) + 1) % 10_000).padStart(4, '0'));
  const { context, page, blocked } = await openAdmin();
  await page.goto(`${url}#/collections/coops/entries/${coop.id}`);
  const field = page.getByLabel(/^団体の公開電話番号/);
  await expect.poll(() => field.inputValue(), { timeout: 60_000 }).toBe(before.contact.phone);
  await field.fill(phone);
  await publish(page);

  await expect
    .poll(() => (parse(readFileSync(coop.file, 'utf8')) as typeof before).contact.phone, { timeout: 30_000 })
    .toBe(phone);
  const after = parse(readFileSync(coop.file, 'utf8'));
  expect(changedPaths(before, after)).toEqual(['contact.phone']);
  expect(git('status', '--porcelain').trimEnd().split('\n')).toEqual([` M content/coops/${coop.id}.yaml`]);
  const check = checkData();
  expect(check.status, `${check.stdout}\n${check.stderr}`).toBe(0);

  // Every <style> Decap made is one the policy names (after an upgrade, this lists the hashes to put in csp.ts).
  const styles = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.textContent ?? ''));
  const hashes = styles.map((t) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`);
  expect(hashes.length).toBeGreaterThan(0);
  expect(hashes.filter((h) => !(DECAP_STYLE_HASHES as readonly string[]).includes(h))).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(blocked).toEqual([]);
  await context.close();
  git('commit', '-q', '-am', 'phone');
});

test('a 「登記情報のみ」 draft finished in /admin/ as docs/cms.md says: filtered, categorised, summarised, unticked', async () => {
  const draft = firstCoop((d) => d.registryOnly === true, '登記情報のみの下書き');
  const other = firstCoop((d) => d.registryOnly === undefined, '下書きでない組合');
  const category = readdirSync(join(tree, 'content', 'categories'))
    .sort()[0]!
    .replace(/\.yaml$/, '');
  const categoryName = (
    parse(readFileSync(join(tree, 'content', 'categories', `${category}.yaml`), 'utf8')) as { name: string }
  ).name;
  const summary = 'テストで書いた紹介文です。';
  const { context, page, blocked } = await openAdmin();

  // 「絞り込み」→「登記情報のみ（下書き）」 lists the draft and no finished entry.
  await page.goto(`${url}#/collections/coops`);
  await page.getByRole('button', { name: '絞り込み' }).click();
  await page.getByText('登記情報のみ（下書き）', { exact: true }).click();
  const list = page.locator('main');
  await expect.poll(() => list.getByText(`（${draft.id}）`).count(), { timeout: 30_000 }).toBe(1);
  expect(await list.getByText(`（${other.id}）`).count()).toBe(0);
  await list.getByText(`（${draft.id}）`).click();

  const categories = page.getByLabel(/^分野/);
  await categories.waitFor({ timeout: 60_000 });
  await categories.fill(categoryName);
  await page.getByRole('option', { name: categoryName, exact: true }).click();
  await page.getByLabel(/^一文の紹介/).fill(summary);
  await page.getByLabel(/^登記情報のみの下書きか/).click();
  await publish(page);

  await expect.poll(() => parse(readFileSync(draft.file, 'utf8')).registryOnly, { timeout: 30_000 }).toBe(false);
  const after = parse(readFileSync(draft.file, 'utf8')) as Record<string, unknown>;
  expect(changedPaths(draft.data, after).sort()).toEqual(['categories', 'registryOnly', 'summary']);
  expect([after.categories, after.summary]).toEqual([[category], summary]);
  expect(git('status', '--porcelain').trimEnd().split('\n')).toEqual([` M content/coops/${draft.id}.yaml`]);
  const check = checkData();
  expect(check.status, `${check.stdout}\n${check.stderr}`).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(blocked).toEqual([]);
  await context.close();
});
