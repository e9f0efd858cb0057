/** Distances and the nearest organisations (src/lib/places/nearest.ts): haversine, km formatting, ordering and reference points. */
import { describe, expect, test } from 'vitest';
import { formatKm, haversineKm, referencePoint, type PointedBody } from '../../../src/lib/places/nearest.ts';

describe('haversineKm', () => {
  test('is zero from a point to itself and symmetric', () => {
    const a = { lat: 36.0, lng: 139.5 };
    const b = { lat: 35.68, lng: 139.77 };
    expect(haversineKm(a, a)).toBe(0);
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 9);
  });
  test('one degree of latitude is about 111.2 km; a degree of longitude shrinks with cos(latitude)', () => {
    expect(haversineKm({ lat: 35, lng: 139 }, { lat: 36, lng: 139 })).toBeCloseTo(111.195, 2);
    expect(haversineKm({ lat: 60, lng: 10 }, { lat: 60, lng: 11 })).toBeCloseTo(111.195 * Math.cos(Math.PI / 3), 1);
  });
  test('Tokyo Station to Osaka Station is about 403 km in a straight line', () => {
    expect(haversineKm({ lat: 35.6812, lng: 139.7671 }, { lat: 34.7025, lng: 135.4959 })).toBeCloseTo(403, -1);
  });
  test('antipodes are half the circumference apart', () => {
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3);
  });
});

describe('formatKm', () => {
  test('one decimal under 10 km, whole km above', () => {
    expect(formatKm(0)).toBe('0.0km');
    expect(formatKm(3.24)).toBe('3.2km');
    expect(formatKm(9.96)).toBe('10.0km');
    expect(formatKm(48.4)).toBe('48km');
  });
});

describe('referencePoint', () => {
  const pref: PointedBody = { id: '110001', name: '埼玉県', location: { lat: 35.9, lng: 139.4 } };
  const city: PointedBody = {
    id: '111007',
    name: 'さいたま市',
    prefecture: '110001',
    location: { lat: 35.86, lng: 139.64 },
  };
  const ward: PointedBody = { id: '111015', name: '西区', prefecture: '110001', parent: '111007' };
  const town: PointedBody = {
    id: '112313',
    name: '桶川市',
    prefecture: '110001',
    location: { lat: 36.0, lng: 139.54 },
  };
  const bare: PointedBody = { id: '402028', name: '大牟田市', prefecture: '400009' };
  const bodies = new Map([pref, city, ward, town, bare].map((b) => [b.id, b]));
  test('a body with its own point uses it', () => {
    expect(referencePoint(town, bodies)).toMatchObject({ lat: 36.0, lng: 139.54, own: true, of: town });
  });
  test('a ward without a point uses its city, a body without one its prefecture, and says whose point it is', () => {
    expect(referencePoint(ward, bodies)).toMatchObject({ lat: 35.86, own: false, of: city });
    expect(referencePoint({ ...bare, prefecture: '110001' }, bodies)).toMatchObject({ of: pref, own: false });
  });
  test('no point anywhere gives undefined', () => {
    expect(referencePoint(bare, bodies)).toBeUndefined();
  });
});
