/**
 * Geometry of the growth chart on the statistics page, computed at build
 * time: a time axis (x) and a count axis (y) with round tick values, the
 * position of every point and the SVG path of the line. No DOM, no drawing.
 */

/** One value at a date ('YYYY-MM-DD'). */
export interface SeriesPoint {
  date: string;
  value: number;
}

/** Size of the drawing and the space kept free around the plot for labels. */
export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** A point placed on the drawing. */
export interface PlacedPoint extends SeriesPoint {
  x: number;
  y: number;
}

/** Everything the component needs to draw the chart. */
export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  yMax: number;
  yTicks: Array<{ value: number; y: number }>;
  xTicks: Array<{ year: number; x: number }>;
  /** Points of the line, in date order. */
  line: PlacedPoint[];
  /** Points shown without a line (secondary figures). */
  markers: PlacedPoint[];
  /** SVG path data of the line ('' when it has no point). */
  path: string;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** A round step (1, 2 or 5 × 10ⁿ) that splits 0…max into at most `count` intervals. */
export function niceStep(max: number, count = 5): number {
  if (max <= 0) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw)!;
  return step;
}

/** Tick values from 0 to the first multiple of the step at or above `max`. */
export function niceTicks(max: number, count = 5): number[] {
  const step = niceStep(max, count);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Places a line series and optional extra markers on a time axis. The x axis
 * spans from the earliest to the latest date of both (with year ticks on
 * 1 January); the y axis starts at 0 and ends at a round value.
 */
export function timeSeriesChart(
  line: readonly SeriesPoint[],
  box: ChartBox,
  markers: readonly SeriesPoint[] = [],
): ChartGeometry {
  const plot = {
    left: box.margin.left,
    top: box.margin.top,
    right: box.width - box.margin.right,
    bottom: box.height - box.margin.bottom,
  };
  const all = [...line, ...markers];
  const sorted = [...line].sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
  const days = all.map((p) => dayNumber(p.date));
  const first = days.length ? Math.min(...days) : 0;
  const last = days.length ? Math.max(...days) : 1;
  const span = last > first ? last - first : 1;
  const ticks = niceTicks(all.length ? Math.max(...all.map((p) => p.value)) : 0);
  const yMax = ticks.at(-1)!;
  const x = (date: string) => round(plot.left + ((dayNumber(date) - first) / span) * (plot.right - plot.left));
  const y = (value: number) => round(plot.bottom - (value / yMax) * (plot.bottom - plot.top));
  const place = (p: SeriesPoint): PlacedPoint => ({ ...p, x: x(p.date), y: y(p.value) });
  const placed = sorted.map(place);
  const xTicks: Array<{ year: number; x: number }> = [];
  if (days.length) {
    const firstYear = new Date(first * 86_400_000).getUTCFullYear();
    const lastYear = new Date(last * 86_400_000).getUTCFullYear();
    for (let year = firstYear; year <= lastYear; year++) {
      const d = dayNumber(`${year}-01-01`);
      if (d >= first && d <= last) xTicks.push({ year, x: x(`${year}-01-01`) });
    }
  }
  return {
    width: box.width,
    height: box.height,
    plot,
    yMax,
    yTicks: ticks.map((value) => ({ value, y: y(value) })),
    xTicks,
    line: placed,
    markers: markers.map(place),
    path: placed.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' '),
  };
}
