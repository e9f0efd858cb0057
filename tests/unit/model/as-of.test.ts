/** 情報の時点: one definition (lastChecked), and a public body's page dated by its contracts and own facts, not by the day the code list was checked. */
import { expect, test } from 'vitest';
import { bodyFactSources, isReferenceSource, lastChecked, needsRecheck } from '../../../src/lib/model/directory.ts';
import { newestDay } from '../../../src/lib/model/as-of.ts';
import { CODE_LIST_URL, OSM_COPYRIGHT_URL } from '../../../src/lib/places/reference-sources.ts';
import type { Body, Contract } from '../../../src/lib/model/types.ts';

const codeList = { title: '全国地方公共団体コード', url: CODE_LIST_URL, seen: '2026-11-22' };
const osm = { title: 'OSM', url: OSM_COPYRIGHT_URL, seen: '2026-11-22' };
const body = {
  id: '112313',
  name: '桶川市',
  reading: 'おけがわし',
  kind: '市',
  prefecture: '110001',
  sources: [codeList, osm],
} as unknown as Body;
const contract = {
  id: 'c',
  commissioner: '112313',
  contractor: 'x',
  programme: 'p',
  category: 'k',
  asOf: '2017-04-01',
  sources: [{ title: 'パンフレット', document: 'd', asOf: '2017-04-01' }],
} as unknown as Contract;

test('a year-only date stays a year, compared by the last day it can mean', () => {
  expect(
    lastChecked([
      { title: 'a', document: 'd', asOf: '2024-03-01' },
      { title: 'b', document: 'd', published: '2024' },
    ]),
  ).toBe('2024');
  expect(lastChecked([], ['2023-05', '2023-04-30'])).toBe('2023-05');
  expect(newestDay([{ title: 'b', document: 'd', published: '2024' }])).toBe('2024-01-01');
  expect(needsRecheck([{ title: 'b', document: 'd', published: '2025' }], '2026-11-30')).toBe(false);
  expect(needsRecheck([{ title: 'b', document: 'd', published: '2025' }], '2027-01-01')).toBe(true);
});

test('the code list and OpenStreetMap only vouch for reference data', () => {
  expect(isReferenceSource(codeList)).toBe(true);
  expect(isReferenceSource(osm)).toBe(true);
  expect(isReferenceSource({ title: 'x', url: 'https://www.city.okegawa.lg.jp/', seen: '2026-11-22' })).toBe(false);
});

test('a body whose contracts rest on a 2017 document is dated 2017 and needs a re-check', () => {
  const facts = bodyFactSources(body, [contract]);
  expect(lastChecked(facts)).toBe('2017-04-01');
  expect(needsRecheck(facts, '2026-11-30')).toBe(true);
});

test('a body with a fact of its own is dated by it; one with nothing but the code list by the code list', () => {
  const own = { title: '桶川市の窓口', url: 'https://www.city.okegawa.lg.jp/', seen: '2026-11-25' };
  expect(lastChecked(bodyFactSources({ ...body, sources: [codeList, own] } as Body, [contract]))).toBe('2026-11-25');
  expect(lastChecked(bodyFactSources(body, []))).toBe('2026-11-22');
});
