/** Geometry of the growth chart: round ticks, a time axis, points inside the plot. */
import { describe, expect, test } from 'vitest';
import { dayNumber, niceStep, niceTicks, timeSeriesChart } from '../../../src/lib/charts/growth-chart.ts';

const box = { width: 700, height: 300, margin: { top: 20, right: 20, bottom: 40, left: 50 } };

describe('ticks', () => {
  test.each([
    [168, 50],
    [34, 10],
    [7, 2],
    [1000, 200],
    [0, 1],
  ])('niceStep(%s) = %s', (max, step) => expect(niceStep(max)).toBe(step));
  test('ticks start at 0 and reach the first round value at or above the maximum', () => {
    expect(niceTicks(168)).toEqual([0, 50, 100, 150, 200]);
    expect(niceTicks(150)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe('timeSeriesChart', () => {
  const series = [
    { date: '2023-04-01', value: 34 },
    { date: '2025-10-01', value: 168 },
    { date: '2024-04-01', value: 87 },
  ];
  const g = timeSeriesChart(series, box, [{ date: '2025-11-01', value: 173 }]);

  test('the time axis spans the first to the last date of line and markers', () => {
    expect(g.line[0]!.x).toBe(box.margin.left);
    expect(g.markers[0]!.x).toBe(box.width - box.margin.right);
    const frac =
      (dayNumber('2024-04-01') - dayNumber('2023-04-01')) / (dayNumber('2025-11-01') - dayNumber('2023-04-01'));
    expect(g.line[1]!.x).toBeCloseTo(box.margin.left + frac * (box.width - box.margin.left - box.margin.right), 0);
  });
  test('points are in date order and inside the plot; 0 sits on the bottom edge, yMax on the top', () => {
    expect(g.line.map((p) => p.date)).toEqual(['2023-04-01', '2024-04-01', '2025-10-01']);
    expect(g.yMax).toBe(200);
    expect(g.yTicks[0]).toEqual({ value: 0, y: box.height - box.margin.bottom });
    expect(g.yTicks.at(-1)).toEqual({ value: 200, y: box.margin.top });
    for (const p of [...g.line, ...g.markers]) {
      expect(p.x).toBeGreaterThanOrEqual(g.plot.left);
      expect(p.x).toBeLessThanOrEqual(g.plot.right);
      expect(p.y).toBeGreaterThanOrEqual(g.plot.top);
      expect(p.y).toBeLessThanOrEqual(g.plot.bottom);
    }
    // Larger values are higher up (smaller y).
    expect(g.line[2]!.y).toBeLessThan(g.line[0]!.y);
  });
  test('the path visits every line point once, markers are not on it', () => {
    expect(g.path).toBe(g.line.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' '));
    expect(g.path.split(/[ML]/).filter(Boolean)).toHaveLength(3);
  });
  test('year ticks fall on 1 January inside the span', () => {
    expect(g.xTicks.map((t) => t.year)).toEqual([2024, 2025]);
  });
  test('an empty series gives an empty path and a unit axis', () => {
    const empty = timeSeriesChart([], box);
    expect(empty.path).toBe('');
    expect(empty.yMax).toBe(1);
    expect(empty.xTicks).toEqual([]);
  });
});
