/** The build-time bar chart geometry: a round scale, bars proportional to values, rows stacked, missing values drawn as nothing. */
import { describe, expect, test } from 'vitest';
import { barChart, niceScale } from '../../../src/lib/charts/bar-chart.ts';

describe('niceScale', () => {
  test.each([
    [60, 5, 60, 20],
    [30, 5, 30, 10],
    [17, 5, 20, 5],
    [7, 5, 8, 2],
    [1234, 5, 1250, 250],
    [0.4, 4, 0.4, 0.1],
  ])('reaches %d with about %d ticks: max %d, step %d', (n, ticks, max, step) => {
    const s = niceScale(n, ticks);
    expect(s.max).toBeCloseTo(max);
    expect(s.step).toBeCloseTo(step);
    expect(s.max).toBeGreaterThanOrEqual(n);
  });
  test('an empty or zero range still gives a usable axis', () => {
    expect(niceScale(0)).toEqual({ max: 1, step: 1 });
    expect(niceScale(Number.NaN)).toEqual({ max: 1, step: 1 });
  });
});

describe('barChart', () => {
  const rows = [
    { label: 'A', value: 10, capacity: 30 },
    { label: 'B', value: 20, capacity: 60 },
    { label: 'C', capacity: 30 },
  ];
  const g = barChart(rows, {
    width: 600,
    labelWidth: 100,
    valueWidth: 100,
    rowHeight: 40,
    barHeight: 20,
    top: 20,
    bottom: 10,
  });

  test('the plot sits between the label and value columns and grows with the rows', () => {
    expect(g.plot).toEqual({ x: 100, y: 20, width: 400, height: 120 });
    expect(g.height).toBe(20 + 120 + 10);
    expect(g.width).toBe(600);
  });
  test('the scale reaches the largest value and every bar is proportional to it', () => {
    expect(g.max).toBe(60);
    const [a, b, c] = g.rows;
    expect(b!.capacityRect!.width).toBe(400);
    expect(a!.capacityRect!.width).toBeCloseTo(200);
    expect(a!.valueRect!.width).toBeCloseTo((10 / 60) * 400);
    expect(b!.valueRect!.width).toBeCloseTo((20 / 60) * 400);
    expect(c!.valueRect).toBeUndefined();
    expect(c!.capacityRect!.width).toBeCloseTo(200);
  });
  test('the value bar lies inside its capacity bar and rows do not overlap', () => {
    for (const r of g.rows) {
      if (!r.valueRect || !r.capacityRect) continue;
      expect(r.valueRect.y).toBeGreaterThan(r.capacityRect.y);
      expect(r.valueRect.y + r.valueRect.height).toBeLessThan(r.capacityRect.y + r.capacityRect.height);
    }
    for (let i = 1; i < g.rows.length; i++) {
      expect(g.rows[i]!.capacityRect!.y).toBeGreaterThanOrEqual(g.rows[i - 1]!.capacityRect!.y + 20);
    }
  });
  test('ticks run from 0 to the maximum at the right positions', () => {
    expect(g.ticks.map((t) => t.value)).toEqual([0, 20, 40, 60]);
    expect(g.ticks[0]!.x).toBe(100);
    expect(g.ticks.at(-1)!.x).toBe(500);
  });
  test('the value text starts right of the longer bar', () => {
    expect(g.rows[0]!.textX).toBeGreaterThan(g.rows[0]!.capacityRect!.x + g.rows[0]!.capacityRect!.width);
  });
  test('a value above capacity widens the scale instead of overflowing', () => {
    const over = barChart([{ label: 'X', value: 45, capacity: 30 }], { width: 600, labelWidth: 100, valueWidth: 100 });
    expect(over.max).toBeGreaterThanOrEqual(45);
    expect(over.rows[0]!.valueRect!.width).toBeLessThanOrEqual(over.plot.width);
  });
  test('no rows: an empty chart with one axis', () => {
    const empty = barChart([]);
    expect(empty.rows).toEqual([]);
    expect(empty.max).toBe(1);
  });
});
