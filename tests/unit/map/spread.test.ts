/** Map pins that share a point (src/map/spread.ts): grouped by exact position and spread to distinct offsets. */
import { describe, expect, test } from 'vitest';
import { groupByPosition, spreadOffsets } from '../../../src/map/spread.ts';

describe('pins sharing a point', () => {
  test('one pin stays on its point; several get distinct offsets at least the gap apart', () => {
    expect(spreadOffsets(1)).toEqual([[0, 0]]);
    for (const n of [2, 5, 8, 9, 40]) {
      const o = spreadOffsets(n, 22);
      expect(o).toHaveLength(n);
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++)
          expect(Math.hypot(o[i]![0] - o[j]![0], o[i]![1] - o[j]![1]), `${n}: ${i}-${j}`).toBeGreaterThanOrEqual(18);
    }
  });
  test('grouped by exact position, in input order', () => {
    const g = groupByPosition(['a@1', 'b@2', 'c@1'], (s) => s.split('@')[1]!);
    expect([...g.values()]).toEqual([['a@1', 'c@1'], ['b@2']]);
  });
});
