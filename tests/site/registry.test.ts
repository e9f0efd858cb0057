/**
 * The corporate-number registry on a built site: fixture content plus what
 * `import:houjin` makes of the fixture files (tests/fixtures/houjin) and what
 * `refresh:registry` makes of a local stand-in of the Web-API (one new co-op,
 * one draft refreshed), built into a temporary folder. Expectations come from
 * the imported entries.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { htmlValidator } from '../helpers/html-validate.ts';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, type BuildResult } from '../helpers/build.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { importHoujin } from '../../scripts/lib/houjin-import.ts';
import { refreshRegistry } from '../../scripts/lib/registry-refresh.ts';
import { WEB_API_NOTICE } from '../../src/lib/registry/credit.ts';
import { correctionHref } from '../../src/lib/model/site.ts';
import { fakeNumber, recordLine } from '../helpers/registry.ts';
import { STAND_IN_APP_ID, startStandIn } from '../helpers/registry-stand-in.ts';
import { corporateNumberUrl } from '../../src/lib/model/corporate-number.ts';
import { directoryCounts, indexById } from '../../src/lib/model/directory.ts';
import { coopListPages } from '../../src/lib/views/lists.ts';
import { listedCoops } from '../../src/lib/views/stats.ts';
import { pageUrl, paths } from '../../src/lib/model/paths.ts';
import type { Directory } from '../../src/lib/model/types.ts';

let work: string;
let content: string;
let build: BuildResult;
let dir: Directory;
const page = (route: string) =>
  readFileSync(
    join(build.outDir, route, route.endsWith('.csv') || route.endsWith('.json') ? '' : 'index.html'),
    'utf8',
  );
const attr = (s: string) => s.replace(/&/g, '&amp;');

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ra-registry-'));
  content = join(work, 'content');
  cpSync('tests/fixtures/valid', content, { recursive: true });
  cpSync('tests/fixtures/houjin/content-extra', content, { recursive: true });
  const fx = (f: string) => join('tests/fixtures/houjin', f);
  await importHoujin([fx('13_tokyo_all_20261031.csv')], { contentDir: content, today: '2026-11-30', root: work });
  await importHoujin([fx('diff_20261115.csv')], { contentDir: content, today: '2026-11-30', root: work });
  // Through the Web-API: a co-op the files did not have, and the draft of 9011005999001 as the API has it.
  const api = await startStandIn([
    recordLine({
      corporateNumber: fakeNumber(1),
      name: '労働者協同組合架空ウェブ',
      furigana: 'ロウドウシャキョウドウクミアイカクウウェブ',
    }),
    readFileSync(fx('diff_20261115.csv'), 'utf8').split(/\r?\n/)[0]!,
  ]);
  try {
    await refreshRegistry({
      env: { HOUJIN_APP_ID: STAND_IN_APP_ID, HOUJIN_API_BASE: api.base, HOUJIN_API_PAUSE_MS: '0' },
      contentDir: content,
      today: '2026-11-30',
      root: work,
    });
  } finally {
    await api.close();
  }
  dir = loadContentDirectory(content);
  build = buildSite({ CONTENT_DIR: content });
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a site with registry data', () => {
  test('builds', () => {
    expect(build.status, build.output).toBe(0);
    expect(dir.coops.some((c) => c.registryOnly)).toBe(true);
    expect(dir.coops.some((c) => c.dissolved)).toBe(true);
  });

  test('every co-op page with a 法人番号 links to its page on the corporate-number site', () => {
    const numbered = dir.coops.filter((c) => c.corporateNumber);
    expect(numbered.length).toBeGreaterThan(0);
    for (const c of numbered)
      expect(page(paths.coop(c.id))).toContain(`href="${attr(corporateNumberUrl(c.corporateNumber!))}"`);
  });

  test('drafts say 「登記情報のみ」 on their page and in the list; dissolved ones say 「解散」', () => {
    // Every list page by prefecture (the rule of src/lib/views/lists.ts), as one text.
    const list = coopListPages(dir.coops, indexById(dir.bodies))
      .map((p) => page(paths.coopsIn(p.prefecture, p.page)))
      .join('');
    for (const c of dir.coops) {
      const html = page(paths.coop(c.id));
      expect(html.includes('data-status="registry-only"'), c.id).toBe(c.registryOnly === true);
      expect(html.includes('data-status="dissolved"'), c.id).toBe(c.dissolved !== undefined);
      if (c.registryOnly) expect(html).toContain('登記情報のみ');
      if (c.dissolved) expect(html).toContain('解散しました');
      if (c.registry?.via === 'web-api') {
        expect(html).toContain(
          '国税庁法人番号公表サイト（国税庁）の情報を法人番号システムWeb-API機能で取得し、加工して作成',
        );
        expect(html).toMatch(/<p class="muted credit web-api-notice" data-web-api-notice[^>]*>このサービスは/);
        expect(html).toContain(WEB_API_NOTICE);
      } else if (c.registry) {
        expect(html).toContain('国税庁法人番号公表サイト（国税庁）の基本3情報ダウンロードデータを加工して作成');
        expect(html).not.toContain(WEB_API_NOTICE);
      }
    }
    expect((list.match(/data-status="registry-only"/g) ?? []).length).toBe(
      dir.coops.filter((c) => c.registryOnly).length,
    );
    expect((list.match(/data-status="dissolved"/g) ?? []).length).toBe(dir.coops.filter((c) => c.dissolved).length);
  });

  test('a draft says what the registry says, what is not known yet, and how the co-op gets its entry completed', () => {
    const drafts = dir.coops.filter((c) => c.registryOnly);
    expect(drafts.length).toBeGreaterThan(0);
    for (const c of drafts) {
      const html = page(paths.coop(c.id));
      const text = html.replace(/<[^>]*>/g, '');
      expect(html).toContain('class="notice registry-only-notice"');
      expect(html).toContain('href="#registry-only-next"');
      expect(html).toContain('id="registry-only-next"');
      expect(text).toContain('まだわかっていないこと');
      expect(text).toContain('どんな事業をしているか（活動の内容と分野）');
      expect(text).toContain('この組合の方へ：掲載内容を充実させるには');
      expect(html).toMatch(
        new RegExp(
          `<a href="${attr(correctionHref({ id: `coops/${c.id}`, url: pageUrl(paths.coop(c.id), undefined) }, '/')).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>訂正・追加の依頼</a>からお知らせください。`,
        ),
      );
      expect(text).toContain(`このページのidcoops/${c.id}を書き添えてください。`);
      // What the registry says: name, address, number, dates.
      expect(text).toContain(c.registry!.name);
      if (c.registry!.address) expect(text).toContain(c.registry!.address);
      expect(text).toContain(c.corporateNumber!);
    }
    for (const c of dir.coops.filter((x) => !x.registryOnly))
      expect(page(paths.coop(c.id))).not.toContain('id="registry-only-next"');
  });

  test('the Web-API notice: on pages with data fetched through it, on /data/ and on the about page', () => {
    expect(
      dir.coops
        .filter((c) => c.registry?.via === 'web-api')
        .map((c) => c.id)
        .sort(),
    ).toEqual([`houjin-${fakeNumber(1)}`, 'houjin-9011005999001'].sort());
    const text = (route: string) => page(route).replace(/<[^>]*>/g, '');
    expect(text(paths.data())).toContain(
      `2団体の登記情報は、法人番号システムWeb-APIで取得しています（Web-API利用規約）。${WEB_API_NOTICE}。`,
    );
    expect(text(paths.about())).toContain(
      `登記情報の一部は法人番号システムWeb-APIで取得しています（Web-API利用規約）。${WEB_API_NOTICE}。`,
    );
    expect(page(paths.data())).toContain('href="https://www.houjin-bangou.nta.go.jp/webapi/riyokiyaku.html"');
  });

  test('a dissolved co-op leaves the counts on the home page and /stats/', () => {
    const counts = directoryCounts(dir);
    expect(counts.dissolved).toBeGreaterThan(0);
    expect(Number(/<strong[^>]*>(\d+)<\/strong> 団体/.exec(page(paths.home()))?.[1])).toBe(counts.organisations);
    expect(counts.organisations).toBe(dir.coops.length - counts.dissolved);
    expect(page(paths.stats())).toContain(`data-listed="${listedCoops(dir.coops).length}"`);
  });

  test('downloads carry the number, its page, the status and the credit; /data/ names the licence', () => {
    const csv = readFileSync(join(build.outDir, 'data/coops.csv'), 'utf8');
    for (const c of dir.coops.filter((x) => x.corporateNumber))
      expect(csv).toContain(corporateNumberUrl(c.corporateNumber!));
    expect(csv).toContain('公共データ利用規約（第1.0版）');
    const json = JSON.parse(readFileSync(join(build.outDir, 'data/coops.json'), 'utf8')) as {
      items: Array<Record<string, unknown>>;
    };
    for (const c of dir.coops) {
      const item = json.items.find((i) => i.id === c.id)!;
      expect(item.corporateNumber).toBe(c.corporateNumber ?? null);
      expect(item.status).toBe(c.dissolved ? 'dissolved' : 'active');
    }
    const data = page(paths.data());
    expect(data).toContain('id="license-houjin"');
    expect(data).toContain('https://www.houjin-bangou.nta.go.jp/pc/riyokiyaku');
  });

  test('JSON-LD carries the 法人番号 as identifier', () => {
    const c = dir.coops.find((x) => x.corporateNumber)!;
    const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page(paths.coop(c.id)))![1]!;
    expect(JSON.parse(ld).identifier).toMatchObject({ propertyID: '法人番号', value: c.corporateNumber });
  });

  test('the pages with registry data, labels and notices are valid HTML', async () => {
    expect(existsSync(join(build.outDir, 'index.html'))).toBe(true);
    const hv = htmlValidator();
    const failures: string[] = [];
    for (const route of [
      ...dir.coops.filter((c) => c.registry || c.dissolved).map((c) => paths.coop(c.id)),
      paths.coops(),
      paths.coopsIn(coopListPages(dir.coops, indexById(dir.bodies))[0]!.prefecture),
      paths.stats(),
      paths.data(),
      paths.about(),
    ]) {
      const r = await hv.validateString(page(route), route);
      for (const m of r.results.flatMap((x) => x.messages))
        failures.push(`${route}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(failures).toEqual([]);
  });
});
