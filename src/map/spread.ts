/**
 * Pins at one point (organisations placed at the same municipality's
 * representative point) are drawn side by side at the closest zoom, around
 * their point, so each can be seen, clicked and focused. No imports: the map
 * script stays small.
 */

/** Pixel offsets [dx, dy] for `n` pins sharing one point: none for one pin, a ring for up to 8, then a spiral that keeps `gap` px between neighbours. */
export function spreadOffsets(n: number, gap = 22): Array<[number, number]> {
  if (n <= 1) return Array.from({ length: n }, () => [0, 0] as [number, number]);
  if (n <= 8) {
    const r = Math.max(gap, gap / (2 * Math.sin(Math.PI / n)));
    return Array.from({ length: n }, (_, i) => polar(r, (2 * Math.PI * i) / n - Math.PI / 2));
  }
  // Archimedean spiral: each step moves about `gap` px along the curve.
  const out: Array<[number, number]> = [];
  let angle = 0;
  for (let i = 0; i < n; i++) {
    const r = gap * (1 + angle / (2 * Math.PI));
    out.push(polar(r, angle - Math.PI / 2));
    angle += gap / r;
  }
  return out;
}

function polar(r: number, a: number): [number, number] {
  return [Math.round(r * Math.cos(a)), Math.round(r * Math.sin(a))];
}

/** Groups items by an exact position key, keeping input order within each group. */
export function groupByPosition<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
