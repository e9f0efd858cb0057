/**
 * What a place page answers, as plain data (pure, unit-tested): co-ops whose
 * stated area covers the place, the nearest co-ops by straight-line distance,
 * and where to ask (the prefecture's window, the ministry's, the model-project
 * council's).
 */
import type { Body, BodyWindow, Coop, Council, Source } from './types.ts';
import { placeOf } from './directory.ts';
import { nearest, referencePoint, type Near, type ReferencePoint } from './nearest.ts';

/** How many nearest co-ops a place page lists. */
export const NEAREST_COUNT = 5;

/** Kinds of organisation a resident can go to (federations and networks are umbrella bodies). */
const NEAR_KINDS = new Set<Coop['kind']>(['coop', 'hq', 'site']);

/** A co-op whose stated area covers a place, and how it says so. */
export interface Covering {
  coop: Coop;
  /** 'prefecture': the whole prefecture is its area; 'municipality': it names this municipality (or the ward's city). */
  scope: 'prefecture' | 'municipality';
}

/** Co-ops whose `areaCodes` cover a body (its prefecture, itself, or a ward's city), leaving out those in `except`. */
export function coopsCovering(body: Body, coops: readonly Coop[], except: ReadonlySet<string> = new Set()): Covering[] {
  if (body.kind === '国') return [];
  const pref = body.kind === '都道府県' ? body.id : body.prefecture;
  const out: Covering[] = [];
  for (const c of coops) {
    if (!c.areaCodes || except.has(c.id)) continue;
    if (
      body.kind !== '都道府県' &&
      (c.areaCodes.municipalities?.includes(body.id) || (body.parent !== undefined && c.areaCodes.municipalities?.includes(body.parent)))
    ) {
      out.push({ coop: c, scope: 'municipality' });
    } else if (pref !== undefined && c.areaCodes.prefectures?.includes(pref)) {
      out.push({ coop: c, scope: 'prefecture' });
    }
  }
  return out;
}

/** One entry of the nearest list: the co-op, the distance, and whether its own point is its address or its municipality's point. */
export interface NearCoop extends Near<Coop> {
  precision: 'address' | 'municipality';
}

/** The nearest co-ops to a body's representative point, or undefined when no point is known. */
export function nearestCoops(
  body: Body,
  coops: readonly Coop[],
  bodies: ReadonlyMap<string, Body>,
  count = NEAREST_COUNT,
): { from: ReferencePoint; list: NearCoop[] } | undefined {
  const from = referencePoint(body, bodies);
  if (!from) return undefined;
  const placed = coops.flatMap((c) => {
    if (!NEAR_KINDS.has(c.kind)) return [];
    const p = placeOf(c, bodies as Map<string, Body>);
    // A co-op placed only at its prefecture's point has no distance worth giving.
    if (!p || p.precision === 'prefecture') return [];
    return [{ item: { coop: c, precision: p.precision }, point: p, reading: c.reading }];
  });
  const list = nearest(from, placed, count).map((n) => ({ item: n.item.coop, km: n.km, precision: n.item.precision }));
  return { from, list };
}

/** A window with the source that states it. */
export interface SourcedWindow {
  window: BodyWindow;
  source: Source | undefined;
  /** The body that publishes it (the prefecture or the ministry). */
  body: Body;
}

function windowOf(body: Body | undefined): SourcedWindow | undefined {
  const w = body?.windows?.[0];
  return body && w ? { window: w, source: body.sources[w.source], body } : undefined;
}

/** Where a resident of a body asks: its prefecture's window, the ministry's, and the councils of its prefecture that publish a window. */
export function whereToAsk(body: Body, bodies: ReadonlyMap<string, Body>, councils: readonly Council[]) {
  const prefId = body.kind === '都道府県' ? body.id : body.prefecture;
  const prefecture = prefId ? bodies.get(prefId) : undefined;
  return {
    prefecture,
    prefectureWindow: windowOf(prefecture),
    ministryWindow: windowOf([...bodies.values()].find((b) => b.kind === '国' && b.windows?.length)),
    councils: prefId ? councils.filter((c) => c.prefecture === prefId) : [],
  };
}
