/** The static SVG maps of content pages (src/map/static-map.ts): outlines, the view around the focus prefecture and its pins. */
import { describe, expect, test } from 'vitest';
import {
  jisPrefectureCode,
  mainBBox,
  outlinesFromGeoJSON,
  pathData,
  renderStaticMap,
  type Outline,
} from '../../../src/map/static-map.ts';
import type { Position } from '../../../src/lib/places/geometry.ts';

const rect = (x: number, y: number, w: number, h: number): Position[] => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
  [x, y],
];
// Three fictitious "prefectures" in a row, 1° wide, around 35°N; '02' has a far-away islet.
const outlines: Outline[] = [
  { code: '01', name: '西県', shape: [[rect(138, 35, 1, 1)]] },
  { code: '02', name: '中県', shape: [[rect(139, 35, 1, 1)], [rect(142, 30, 0.05, 0.05)]] },
  { code: '03', name: '東県', shape: [[rect(140, 35, 1, 1)]] },
  { code: '04', name: '遠県', shape: [[rect(150, 20, 1, 1)]] },
];

test('JIS prefecture code of a 全国地方公共団体コード', () => {
  expect(jisPrefectureCode('112313')).toBe('11');
  expect(jisPrefectureCode('010006')).toBe('01');
  expect(jisPrefectureCode('mhlw')).toBeUndefined();
  expect(jisPrefectureCode(undefined)).toBeUndefined();
});

test('the main box of a shape leaves out small far islands', () => {
  expect(mainBBox(outlines[1]!.shape)).toEqual([139, 35, 140, 36]);
});

test('path data: absolute move, relative lines, closed', () => {
  expect(
    pathData([
      [
        [
          [10, 10],
          [20, 10],
          [20, 5],
          [10, 10],
        ],
      ],
    ]),
  ).toBe('M10 10l10 0 0-5z');
});

test('outlines read from GeoJSON, Polygon or MultiPolygon', () => {
  const read = outlinesFromGeoJSON({
    features: [
      { properties: { code: '01', name: 'a' }, geometry: { type: 'Polygon', coordinates: [rect(0, 0, 1, 1)] } },
      { properties: { code: '02', name: 'b' }, geometry: { type: 'MultiPolygon', coordinates: [[rect(0, 0, 1, 1)]] } },
    ],
  });
  expect(read.map((o) => o.shape.length)).toEqual([1, 1]);
});

describe('renderStaticMap', () => {
  const map = renderStaticMap({
    outlines,
    focus: ['02'],
    pins: [
      { lat: 35.5, lng: 139.5, label: 'A' },
      { lat: 35.5, lng: 139.5, label: 'B' },
      { lat: 35.2, lng: 139.2, label: 'C' },
    ],
  });

  test('draws the focus prefecture apart from its neighbours, and leaves out what is out of view', () => {
    expect(map.width).toBe(600);
    expect(map.height).toBeGreaterThan(0);
    expect(map.focus).toMatch(/^M\d/);
    expect(map.land).toMatch(/^M/);
    // Two neighbours are in view; the far prefecture is not drawn (one subpath per neighbour).
    expect(map.land.match(/M/g)!.length).toBe(2);
  });

  test('every coordinate is an integer inside the drawing (plus the clipping margin)', () => {
    const nums = [...`${map.focus}`.matchAll(/-?\d+(\.\d+)?/g)].map((m) => m[0]);
    expect(nums.every((n) => !n.includes('.'))).toBe(true);
  });

  test('pins at the same spot become one mark; pins sit inside the drawing', () => {
    expect(map.pins.map((p) => p.labels)).toEqual([['A', 'B'], ['C']]);
    for (const p of map.pins) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(map.width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(map.height);
    }
  });

  test('the focus prefecture fills most of the drawing (pins west of east)', () => {
    const [ab, c] = map.pins;
    expect(c!.x).toBeLessThan(ab!.x);
    expect(c!.y).toBeGreaterThan(ab!.y); // further south is lower
  });

  test('a pin far from the focus widens the view to include it', () => {
    const wide = renderStaticMap({ outlines, focus: ['01'], pins: [{ lat: 35.5, lng: 140.9, label: 'far' }] });
    const [pin] = wide.pins;
    expect(pin!.x).toBeLessThan(wide.width);
    expect(wide.land.match(/M/g)!.length).toBe(2);
  });

  test('no focus and no pins shows every outline; islets too small for the scale are left out', () => {
    const all = renderStaticMap({ outlines, focus: [], pins: [] });
    expect(all.pins).toEqual([]);
    expect(all.land.match(/M/g)!.length).toBe(outlines.length);
  });
});
