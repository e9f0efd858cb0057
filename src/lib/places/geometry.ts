/**
 * Plane geometry for outlines: Douglas–Peucker simplification that keeps
 * shared borders identical on both sides, polygon clipping, areas and
 * bounding boxes. Works in whatever plane the caller uses (degrees or
 * pixels). No Astro imports, no dependencies.
 */

/** A point [x, y] (GeoJSON order: [lng, lat]). */
export type Position = [number, number];
/** A closed ring: the first and last positions are equal (GeoJSON). */
export type Ring = Position[];
/** An outer ring followed by its holes. */
export type Polygon = Ring[];
/** Several polygons: the shape of one prefecture. */
export type MultiPolygon = Polygon[];
/** [minX, minY, maxX, maxY]. */
export type BBox = [number, number, number, number];

/** Distance from p to the segment a–b. */
export function distanceToSegment(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker on an open line: keeps both ends and every point farther than `tolerance` from the simplified line. */
export function simplifyLine(points: readonly Position[], tolerance: number): Position[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let maxD = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i]!, points[first]!, points[last]!);
      if (d > maxD) {
        maxD = d;
        index = i;
      }
    }
    if (index !== -1 && maxD > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Signed area of a ring (shoelace; positive when counter-clockwise in a y-up plane). */
export function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return sum / 2;
}

/** Bounding box of some points; undefined when there are none. */
export function bboxOf(points: Iterable<Position>): BBox | undefined {
  let box: BBox | undefined;
  for (const [x, y] of points) {
    if (!box) box = [x, y, x, y];
    else {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  }
  return box;
}

/** Whether two boxes overlap (touching counts). */
export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Every position of a multipolygon. */
export function* positionsOf(shape: MultiPolygon): Generator<Position> {
  for (const polygon of shape) for (const ring of polygon) yield* ring;
}

/** Clips a closed ring to a rectangle (Sutherland–Hodgman); returns a closed ring, or [] when nothing is left. */
export function clipRing(ring: readonly Position[], box: BBox): Ring {
  const [minX, minY, maxX, maxY] = box;
  const edges: Array<{ inside: (p: Position) => boolean; cut: (a: Position, b: Position) => Position }> = [
    { inside: (p) => p[0] >= minX, cut: (a, b) => [minX, a[1] + ((b[1] - a[1]) * (minX - a[0])) / (b[0] - a[0])] },
    { inside: (p) => p[0] <= maxX, cut: (a, b) => [maxX, a[1] + ((b[1] - a[1]) * (maxX - a[0])) / (b[0] - a[0])] },
    { inside: (p) => p[1] >= minY, cut: (a, b) => [a[0] + ((b[0] - a[0]) * (minY - a[1])) / (b[1] - a[1]), minY] },
    { inside: (p) => p[1] <= maxY, cut: (a, b) => [a[0] + ((b[0] - a[0]) * (maxY - a[1])) / (b[1] - a[1]), maxY] },
  ];
  let points: Position[] = openRing(ring);
  for (const edge of edges) {
    if (!points.length) break;
    const input = points;
    points = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (edge.inside(cur)) {
        if (!edge.inside(prev)) points.push(edge.cut(prev, cur));
        points.push(cur);
      } else if (edge.inside(prev)) points.push(edge.cut(prev, cur));
    }
  }
  return points.length >= 3 ? [...points, points[0]!] : [];
}

/** A ring without its closing point. */
function openRing(ring: readonly Position[]): Position[] {
  const n = ring.length;
  return n > 1 && ring[0]![0] === ring[n - 1]![0] && ring[0]![1] === ring[n - 1]![1] ? ring.slice(0, -1) : [...ring];
}

/** Drops consecutive repeated points of a closed ring (e.g. after rounding); keeps it closed. */
export function dedupeRing(ring: readonly Position[]): Ring {
  const out: Position[] = [];
  for (const p of openRing(ring)) {
    const last = out.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0]![0] === out.at(-1)![0] && out[0]![1] === out.at(-1)![1]) out.pop();
  return out.length ? [...out, out[0]!] : [];
}

const keyOf = (p: Position) => `${p[0]},${p[1]}`;

export interface SimplifyOptions {
  /** Largest distance a dropped point may lie from the simplified outline. */
  tolerance: number;
  /** Polygons smaller than this (absolute area) that share no border are dropped; each shape keeps its largest polygon. */
  minArea?: number;
}

/** Which shapes (by index) own each point of the rings. */
function pointOwners(rings: Position[][][][]): Map<string, Set<number>> {
  const owners = new Map<string, Set<number>>();
  rings.forEach((shape, s) => {
    for (const polygon of shape)
      for (const ring of polygon)
        for (const p of ring) {
          const k = keyOf(p);
          let set = owners.get(k);
          if (!set) owners.set(k, (set = new Set()));
          set.add(s);
        }
  });
  return owners;
}

/** The points kept (and cutting arcs): where three shapes meet, or where a shared border starts or ends — in any ring. */
function fixedPoints(rings: Position[][][][], owners: Map<string, Set<number>>): Set<string> {
  const sameOwners = (a: Position, b: Position) => {
    const x = owners.get(keyOf(a))!;
    const y = owners.get(keyOf(b))!;
    return x.size === y.size && [...x].every((v) => y.has(v));
  };
  const fixed = new Set<string>();
  for (const shape of rings)
    for (const polygon of shape)
      for (const ring of polygon) {
        ring.forEach((p, i) => {
          const prev = ring[(i + ring.length - 1) % ring.length]!;
          const next = ring[(i + 1) % ring.length]!;
          if (owners.get(keyOf(p))!.size >= 3 || !sameOwners(p, prev) || !sameOwners(p, next)) fixed.add(keyOf(p));
        });
      }
  return fixed;
}

/**
 * Simplifies several shapes that share borders (prefectures) so that a
 * border shared by two shapes is simplified once and stays identical on
 * both sides: rings are cut into arcs at the points where the set of
 * shapes owning a point changes, and each arc is simplified on its own,
 * in a canonical direction.
 */
export function simplifyShapes(shapes: readonly MultiPolygon[], options: SimplifyOptions): MultiPolygon[] {
  const { tolerance, minArea = 0 } = options;
  // Every ring, open, with consecutive duplicates removed.
  const rings = shapes.map((shape) => shape.map((polygon) => polygon.map((ring) => openRing(dedupeRing(ring)))));
  const owners = pointOwners(rings);
  const fixed = fixedPoints(rings, owners);

  const simplifyArc = (arc: Position[]): Position[] => {
    // Simplify in a canonical direction so that both sides of a border drop the same points.
    const a = keyOf(arc[0]!);
    const b = keyOf(arc.at(-1)!);
    const reverse = a > b || (a === b && arc.length > 2 && keyOf(arc[1]!) > keyOf(arc.at(-2)!));
    if (!reverse) return simplifyLine(arc, tolerance);
    return simplifyLine([...arc].reverse(), tolerance).reverse();
  };

  const simplifyRing = (ring: Position[]): Ring => {
    if (ring.length < 3) return [];
    let cuts = ring.map((p, i) => (fixed.has(keyOf(p)) ? i : -1)).filter((i) => i >= 0);
    let points = ring;
    if (cuts.length === 0) {
      // A ring with no fixed point (an island): start at its smallest point, cut again at the point farthest from it.
      const start = ring.reduce((best, p, i) => (keyOf(p) < keyOf(ring[best]!) ? i : best), 0);
      points = [...ring.slice(start), ...ring.slice(0, start)];
      const far = points.reduce(
        (best, p, i) =>
          Math.hypot(p[0] - points[0]![0], p[1] - points[0]![1]) >
          Math.hypot(points[best]![0] - points[0]![0], points[best]![1] - points[0]![1])
            ? i
            : best,
        0,
      );
      cuts = far > 0 ? [0, far] : [0];
    }
    const out: Position[] = [];
    for (let c = 0; c < cuts.length; c++) {
      const from = cuts[c]!;
      const to = cuts[(c + 1) % cuts.length]!;
      const arc = to > from ? points.slice(from, to + 1) : [...points.slice(from), ...points.slice(0, to + 1)];
      out.push(...simplifyArc(arc).slice(0, -1));
    }
    return out.length >= 3 ? [...out, out[0]!] : [];
  };

  return rings.map((shape) => {
    const polygons = shape
      .map((polygon) => {
        const touches = polygon[0]!.some((p) => owners.get(keyOf(p))!.size > 1);
        const area = Math.abs(ringArea(polygon[0]!));
        return { polygon, touches, area };
      })
      .sort((x, y) => y.area - x.area);
    const out: MultiPolygon = [];
    polygons.forEach(({ polygon, touches, area }, i) => {
      if (i > 0 && !touches && area < minArea) return;
      const outer = simplifyRing(polygon[0]!);
      if (!outer.length) return;
      const holes = polygon
        .slice(1)
        .map(simplifyRing)
        .filter((r) => r.length > 0);
      out.push([outer, ...holes]);
    });
    return out;
  });
}

/** Whether p lies inside a polygon (outer ring minus holes), by ray casting. */
export function pointInPolygon(p: Position, polygon: Polygon): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Mean Earth radius in km (IUGG). */
const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between two [lng, lat] points (haversine). */
export function distanceKm(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Distance in km from a [lng, lat] point to a shape: 0 inside it, otherwise to
 * its nearest edge (measured in a plane scaled by the cosine of the latitude,
 * which is exact enough at the tens of km this is used for).
 */
export function distanceToShapeKm(p: Position, shape: MultiPolygon): number {
  if (shape.some((polygon) => pointInPolygon(p, polygon))) return 0;
  const k = Math.cos((p[1] * Math.PI) / 180);
  const scaled = (q: Position): Position => [q[0] * k, q[1]];
  const sp = scaled(p);
  let best = Infinity;
  for (const polygon of shape) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++)
        best = Math.min(best, distanceToSegment(sp, scaled(ring[i - 1]!), scaled(ring[i]!)));
    }
  }
  return best * ((Math.PI / 180) * EARTH_RADIUS_KM);
}
