/**
 * Small static maps for content pages, drawn at build time: prefecture
 * outlines around some pins, projected (equirectangular, scaled by the
 * cosine of the middle latitude), clipped to the view, simplified for the
 * drawing's scale and written as compact SVG path data. No JavaScript.
 */
import {
  bboxOf,
  bboxesIntersect,
  clipRing,
  dedupeRing,
  positionsOf,
  ringArea,
  simplifyShapes,
  type BBox,
  type MultiPolygon,
  type Position,
} from '../lib/places/geometry.ts';
import { rememberedPer } from '../lib/model/remember.ts';

/** A prefecture outline: JIS X 0401 code ('01'–'47'), name and shape in [lng, lat]. */
export interface Outline {
  code: string;
  name: string;
  shape: MultiPolygon;
}

/** A point to mark on the map. */
export interface StaticPin {
  lat: number;
  lng: number;
  label: string;
}

/** Reads the outlines file (public/geo/japan-prefectures.geojson). */
export function outlinesFromGeoJSON(collection: {
  features: Array<{ properties: { code: string; name: string }; geometry: { type: string; coordinates: unknown } }>;
}): Outline[] {
  return collection.features.map((f) => ({
    code: f.properties.code,
    name: f.properties.name,
    shape: (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as MultiPolygon,
  }));
}

/** The JIS X 0401 prefecture code of a 全国地方公共団体コード (e.g. 112313 → '11'); undefined for national bodies. */
export function jisPrefectureCode(bodyId: string | undefined): string | undefined {
  return bodyId && /^\d{6}$/.test(bodyId) ? bodyId.slice(0, 2) : undefined;
}

/** Box of a shape's main land: polygons at least `share` of its largest polygon's area (so Tokyo's view leaves out Ogasawara). */
export function mainBBox(shape: MultiPolygon, share = 0.25): BBox | undefined {
  const areas = shape.map((p) => Math.abs(ringArea(p[0] ?? [])));
  const largest = Math.max(0, ...areas);
  return bboxOf(shape.filter((_, i) => areas[i]! >= largest * share).flatMap((p) => p[0] ?? []));
}

export interface StaticMapInput {
  outlines: readonly Outline[];
  /** Codes of prefectures to highlight; the view covers their main land. */
  focus: readonly string[];
  pins: readonly StaticPin[];
  /** The place the map is about (its representative point), marked apart from the pins. */
  place?: StaticPin | undefined;
  /** Width of the drawing in SVG units. */
  width?: number;
  /** Smallest span of the view in degrees of latitude, so a lone pin keeps some surroundings. */
  minSpan?: number;
}

/** Pins that fall on the same spot of the drawing, drawn as one mark. */
export interface PinMark {
  x: number;
  y: number;
  labels: string[];
}

/** Everything a component needs to write the SVG. */
export interface StaticMap {
  width: number;
  height: number;
  /** Path data of the other prefectures in view. */
  land: string;
  /** Path data of the highlighted prefectures. */
  focus: string;
  pins: PinMark[];
  /** The place's own mark, when one was given. */
  place?: { x: number; y: number; label: string };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Compact path data: absolute move, then relative line segments, closed. Integer coordinates. */
export function pathData(shape: MultiPolygon): string {
  let d = '';
  const num = (v: number, first: boolean) => (first || v < 0 ? `${v}` : ` ${v}`);
  for (const polygon of shape) {
    for (const ring of polygon) {
      const pts = ring.slice(0, -1);
      if (pts.length < 3) continue;
      d += `M${pts[0]![0]}${num(pts[0]![1], false)}l`;
      for (let i = 1; i < pts.length; i++) {
        d += num(pts[i]![0] - pts[i - 1]![0], i === 1) + num(pts[i]![1] - pts[i - 1]![1], false);
      }
      d += 'z';
    }
  }
  return d;
}

/** Projects, clips and simplifies the outlines around the focus prefectures and pins. */
export function renderStaticMap(input: StaticMapInput): StaticMap {
  const { outlines, focus, pins, place, width = 600, minSpan = 0.6 } = input;
  const focused = outlines.filter((o) => focus.includes(o.code));
  const points = [...pins, ...(place ? [place] : [])];
  const boxes = [
    ...focused.map((o) => mainBBox(o.shape)),
    bboxOf(points.map((p) => [p.lng, p.lat] as Position)),
  ].filter((b): b is BBox => b !== undefined);
  let [minX, minY, maxX, maxY] = boxes.length
    ? boxes.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])])
    : (bboxOf(outlines.flatMap((o) => [...positionsOf(o.shape)])) ?? [122, 24, 146, 46]);

  // Keep a minimum span and a pleasant aspect (height between 0.6 and 1.2 of the width), then pad.
  const cos = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const grow = (lo: number, hi: number, span: number): [number, number] => {
    const mid = (lo + hi) / 2;
    return hi - lo >= span ? [lo, hi] : [mid - span / 2, mid + span / 2];
  };
  [minY, maxY] = grow(minY, maxY, minSpan);
  [minX, maxX] = grow(minX, maxX, minSpan / cos);
  [minY, maxY] = grow(minY, maxY, (maxX - minX) * cos * 0.6);
  [minX, maxX] = grow(minX, maxX, (maxY - minY) / 1.2 / cos);
  const padX = (maxX - minX) * 0.08;
  const padY = (maxY - minY) * 0.08;
  minX -= padX;
  maxX += padX;
  minY -= padY;
  maxY += padY;

  const scale = width / ((maxX - minX) * cos);
  const height = Math.round((maxY - minY) * scale);
  const project = ([lng, lat]: Position): Position => [
    round1((lng - minX) * cos * scale),
    round1((maxY - lat) * scale),
  ];
  const { land, focusPath } = drawLand(outlines, focus, [minX, minY, maxX, maxY], width, height, project);

  const marks: PinMark[] = [];
  for (const pin of pins) {
    const [x, y] = project([pin.lng, pin.lat]).map(Math.round) as Position;
    const same = marks.find((m) => Math.abs(m.x - x) <= 2 && Math.abs(m.y - y) <= 2);
    if (same) same.labels.push(pin.label);
    else marks.push({ x, y, labels: [pin.label] });
  }
  const here = place && project([place.lng, place.lat]).map(Math.round);
  return {
    width,
    height,
    land,
    focus: focusPath,
    pins: marks,
    ...(place && here ? { place: { x: here[0]!, y: here[1]!, label: place.label } } : {}),
  };
}

/**
 * The outlines of a view, clipped, simplified and written as path data. Many pages share a view
 * (every co-op whose pin lies inside its prefecture frames that prefecture alone), so the result
 * is kept per set of outlines, focus and frame: a 10,000-page build draws each view once.
 */
const landOf = rememberedPer((_: readonly Outline[]) => new Map<string, { land: string; focusPath: string }>());

function drawLand(
  outlines: readonly Outline[],
  focus: readonly string[],
  view: BBox,
  width: number,
  height: number,
  project: (p: Position) => Position,
): { land: string; focusPath: string } {
  const byKey = landOf(outlines);
  const key = `${[...focus].sort().join(',')}|${view.join(',')}|${width}x${height}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  // Clip a little outside the frame so cut edges never show.
  const margin = 4;
  const frame: BBox = [-margin, -margin, width + margin, height + margin];
  const inView = outlines.filter((o) => {
    const box = bboxOf(positionsOf(o.shape));
    return box !== undefined && bboxesIntersect(box, view);
  });
  const clipped = inView.map((o) =>
    o.shape
      .map((polygon) => polygon.map((ring) => clipRing(ring.map(project), frame)).filter((r) => r.length > 0))
      .filter((polygon) => polygon.length > 0 && polygon[0]!.length > 0),
  );
  // Clipping can cut an outer ring away and leave a hole first; such polygons are dropped above only when empty.
  const simplified = simplifyShapes(clipped, { tolerance: 1.5, minArea: 4 });
  const integer = (shape: MultiPolygon): MultiPolygon =>
    shape
      .map((polygon) =>
        polygon
          .map((ring) => dedupeRing(ring.map(([x, y]) => [Math.round(x), Math.round(y)] as Position)))
          .filter((r) => r.length >= 4),
      )
      .filter((polygon) => polygon.length > 0);
  let land = '';
  let focusPath = '';
  inView.forEach((o, i) => {
    const d = pathData(integer(simplified[i]!));
    if (focus.includes(o.code)) focusPath += d;
    else land += d;
  });
  const drawn = { land, focusPath };
  byKey.set(key, drawn);
  return drawn;
}
