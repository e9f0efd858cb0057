/**
 * Geometry of a horizontal bar chart that sets a value against a capacity
 * (participants against places), computed at build time so the SVG needs
 * no script. Pure function: rows and options in, rectangles and ticks out.
 */

/** One row of the chart. */
export interface BarInput {
  label: string;
  /** A second line under the label (a date, say). */
  sublabel?: string | undefined;
  /** The measured value (participants); absent when not reported yet. */
  value?: number | undefined;
  /** The capacity the value is set against; absent when not published. */
  capacity?: number | undefined;
}

export interface BarChartOptions {
  /** Width of the whole SVG in user units. */
  width?: number | undefined;
  /** Space on the left for the labels. */
  labelWidth?: number | undefined;
  /** Space on the right for the value text. */
  valueWidth?: number | undefined;
  /** Height of one row. */
  rowHeight?: number | undefined;
  /** Thickness of the capacity bar; the value bar is drawn inside it, thinner. */
  barHeight?: number | undefined;
  /** Space above the rows for the axis labels. */
  top?: number | undefined;
  /** Space below the rows. */
  bottom?: number | undefined;
  /** About how many ticks on the axis. */
  tickCount?: number | undefined;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarRow {
  label: string;
  sublabel?: string | undefined;
  value?: number | undefined;
  capacity?: number | undefined;
  /** Baseline of the label text. */
  labelY: number;
  /** Baseline of the sublabel text. */
  sublabelY: number;
  capacityRect?: Rect | undefined;
  valueRect?: Rect | undefined;
  /** Where the value text starts and its baseline. */
  textX: number;
  textY: number;
}

export interface BarChartGeometry {
  width: number;
  height: number;
  /** The plotting area (between labels and value text). */
  plot: Rect;
  /** The axis maximum (a round number ≥ every value and capacity). */
  max: number;
  ticks: Array<{ value: number; x: number }>;
  rows: BarRow[];
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A round step and maximum for an axis that must reach `n` with about `tickCount` ticks (1, 2, 2.5 or 5 × 10ⁿ). */
export function niceScale(n: number, tickCount = 5): { max: number; step: number } {
  if (!(n > 0)) return { max: 1, step: 1 };
  const rough = n / Math.max(1, tickCount);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  return { max: Math.ceil(n / step - 1e-9) * step, step };
}

/** Lays out the chart: one row per input, the capacity as an outer bar and the value as an inner bar on a shared scale. */
export function barChart(rows: readonly BarInput[], options: BarChartOptions = {}): BarChartGeometry {
  const {
    width = 640,
    labelWidth = 150,
    valueWidth = 110,
    rowHeight = 44,
    barHeight = 22,
    top = 28,
    bottom = 8,
    tickCount = 5,
  } = options;
  const plot: Rect = {
    x: labelWidth,
    y: top,
    width: Math.max(1, width - labelWidth - valueWidth),
    height: rowHeight * rows.length,
  };
  const largest = Math.max(0, ...rows.flatMap((r) => [r.value ?? 0, r.capacity ?? 0]));
  const { max, step } = niceScale(largest, tickCount);
  const scale = (v: number) => (v / max) * plot.width;
  const ticks: Array<{ value: number; x: number }> = [];
  for (let v = 0; v <= max + 1e-9; v += step) ticks.push({ value: round(v), x: round(plot.x + scale(v)) });
  const inner = barHeight * 0.6;
  return {
    width,
    height: round(top + plot.height + bottom),
    plot,
    max,
    ticks,
    rows: rows.map((r, i) => {
      const rowTop = top + i * rowHeight;
      const barY = rowTop + (rowHeight - barHeight) / 2;
      const ends = [r.value, r.capacity].filter((v): v is number => v !== undefined).map(scale);
      return {
        label: r.label,
        sublabel: r.sublabel,
        value: r.value,
        capacity: r.capacity,
        labelY: round(rowTop + rowHeight / 2 - (r.sublabel ? 2 : -5)),
        sublabelY: round(rowTop + rowHeight / 2 + 14),
        capacityRect:
          r.capacity !== undefined
            ? { x: plot.x, y: round(barY), width: round(scale(r.capacity)), height: barHeight }
            : undefined,
        valueRect:
          r.value !== undefined
            ? {
                x: plot.x,
                y: round(barY + (barHeight - inner) / 2),
                width: round(scale(r.value)),
                height: round(inner),
              }
            : undefined,
        textX: round(plot.x + Math.max(0, ...ends) + 8),
        textY: round(rowTop + rowHeight / 2 + 5),
      };
    }),
  };
}
