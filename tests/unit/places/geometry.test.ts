/** Geometry of outlines (src/lib/places/geometry.ts): line simplification, distances, areas, bounding boxes, clipping. */
import { describe, expect, test } from 'vitest';
import {
  bboxOf,
  bboxesIntersect,
  clipRing,
  dedupeRing,
  distanceToSegment,
  ringArea,
  simplifyLine,
  simplifyShapes,
  type MultiPolygon,
  type Position,
} from '../../../src/lib/places/geometry.ts';

const square = (x: number, y: number, size: number): Position[] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('simplifyLine', () => {
  test('keeps the ends and drops points closer than the tolerance', () => {
    const line: Position[] = [
      [0, 0],
      [1, 0.05],
      [2, -0.05],
      [3, 0],
      [4, 2],
      [5, 0],
    ];
    expect(simplifyLine(line, 0.1)).toEqual([
      [0, 0],
      [3, 0],
      [4, 2],
      [5, 0],
    ]);
  });
  test('a tolerance of 0 keeps every point that is off the line', () => {
    const line: Position[] = [
      [0, 0],
      [1, 1],
      [2, 0],
    ];
    expect(simplifyLine(line, 0)).toEqual(line);
  });
  test('two points stay as they are', () => {
    expect(
      simplifyLine(
        [
          [0, 0],
          [1, 1],
        ],
        5,
      ),
    ).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
});

test('distance to a segment, including beyond its ends', () => {
  expect(distanceToSegment([1, 1], [0, 0], [2, 0])).toBe(1);
  expect(distanceToSegment([3, 0], [0, 0], [2, 0])).toBe(1);
  expect(distanceToSegment([0, 3], [0, 0], [0, 0])).toBe(3);
});

test('ring area is signed by orientation', () => {
  const ccw = square(0, 0, 2);
  expect(ringArea(ccw)).toBe(4);
  expect(ringArea([...ccw].reverse())).toBe(-4);
});

test('bounding boxes', () => {
  expect(
    bboxOf([
      [1, 2],
      [-1, 5],
      [3, 0],
    ]),
  ).toEqual([-1, 0, 3, 5]);
  expect(bboxOf([])).toBeUndefined();
  expect(bboxesIntersect([0, 0, 1, 1], [1, 1, 2, 2])).toBe(true);
  expect(bboxesIntersect([0, 0, 1, 1], [1.5, 0, 2, 1])).toBe(false);
});

describe('clipRing', () => {
  test('cuts a ring to a rectangle and keeps it closed', () => {
    const clipped = clipRing(square(0, 0, 10), [5, 5, 20, 20]);
    expect(clipped[0]).toEqual(clipped.at(-1));
    expect(Math.abs(ringArea(clipped))).toBe(25);
    expect(bboxOf(clipped)).toEqual([5, 5, 10, 10]);
  });
  test('a ring outside the rectangle vanishes', () => {
    expect(clipRing(square(0, 0, 1), [5, 5, 6, 6])).toEqual([]);
  });
});

test('dedupeRing drops repeated points and keeps the ring closed', () => {
  expect(
    dedupeRing([
      [0, 0],
      [0, 0],
      [1, 0],
      [1, 1],
      [1, 1],
      [0, 0],
    ]),
  ).toEqual([
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 0],
  ]);
});

describe('simplifyShapes', () => {
  // Two shapes sharing a wiggly border along x = 10 (A on the left, B on the right).
  const border: Position[] = Array.from(
    { length: 21 },
    (_, i) => [10 + (i % 2 ? 0.05 : 0) + (i === 10 ? 3 : 0), i] as Position,
  );
  const a: MultiPolygon = [[[[0, 0], ...border, [0, 20], [0, 0]]]];
  // B's ring runs down the border, then along the bottom and up the right side back to the top.
  const b: MultiPolygon = [[[...[...border].reverse(), [20, 0], [20, 20], [10, 20]]]];

  test('a shared border is simplified the same way on both sides', () => {
    const [sa, sb] = simplifyShapes([a, b], { tolerance: 0.5 });
    const onBorder = (shape: MultiPolygon) =>
      shape[0]![0]!
        .slice(0, -1)
        .filter(([x]) => x > 9 && x < 14)
        .map((p) => p.join(','))
        .sort();
    expect(onBorder(sa!)).toEqual(onBorder(sb!));
    // The bump of 3 units is kept; the 0.05 wiggles are gone.
    expect(onBorder(sa!)).toContain('13,10');
    expect(onBorder(sa!).length).toBeLessThan(border.length);
  });

  test('rings stay closed, and small islands are dropped but the largest polygon is kept', () => {
    const island: MultiPolygon = [[square(0, 0, 10)], [square(50, 50, 0.1)], [square(70, 70, 3)]];
    const [s] = simplifyShapes([island], { tolerance: 0.01, minArea: 1 });
    expect(s!.length).toBe(2);
    for (const polygon of s!) expect(polygon[0]![0]).toEqual(polygon[0]!.at(-1));
    const [tiny] = simplifyShapes([[[square(0, 0, 0.1)]]], { tolerance: 0.001, minArea: 1 });
    expect(tiny!.length).toBe(1);
  });
});
