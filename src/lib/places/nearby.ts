/**
 * "Nearby" that means near: the one rule a place page and the map's near-me list both follow, so they name the same
 * organisations in the same order. Within NEARBY_RADIUS_KM, the NEARBY_COUNT nearest, nearest first; organisations that
 * share the distance of the last one are all shown (up to NEARBY_MAX_SHOWN, the rest counted), never dropped unsaid.
 * With none within the radius, the nearest beyond it, said as such. A place's own organisations (located in it, in a
 * city's wards, in a prefecture) are not "nearby". Equal distances keep the order of the candidates (the directory's
 * 五十音順, which the map's pin file keeps too). Pure: the browser imports it, so it imports nothing heavy.
 */
import { formatKm, haversineKm, KM_PER_DEGREE_LATITUDE, type LatLng } from './nearest.ts';

/** How far "nearby" reaches, in km (straight line). */
export const NEARBY_RADIUS_KM = 100;
/** How many nearby organisations are listed (more only when several share the last distance). */
export const NEARBY_COUNT = 5;
/** At most this many are listed when organisations at the last distance run on; the others are counted. */
export const NEARBY_MAX_SHOWN = 10;
/** Distances closer than this (1 m) are the same distance: organisations at one point. */
const SAME_KM = 0.001;

/** Kinds of organisation a resident can go to (federations and networks are umbrella bodies). */
export const NEARBY_KINDS: ReadonlySet<string> = new Set(['coop', 'hq', 'site']);

/** Whether an organisation with this kind and point precision may be listed as nearby (a prefecture's point gives no distance worth giving). */
export function nearbyCandidate(kind: string, precision: string): boolean {
  return NEARBY_KINDS.has(kind) && precision !== 'prefecture';
}

/** Something with a point. */
export interface NearbyCandidate<T> {
  item: T;
  point: LatLng;
}

/** One listed organisation and its distance in km. */
export interface NearbyEntry<T> {
  item: T;
  km: number;
}

/** What a nearby list says. */
export interface Nearby<T> {
  radiusKm: number;
  /** Within the radius, nearest first (empty when none is). */
  within: Array<NearbyEntry<T>>;
  /** None within the radius: the nearest beyond it, and any at the same distance (empty when there is none at all). */
  beyond: Array<NearbyEntry<T>>;
  /** Organisations at the same distance as the last one listed that are not listed. */
  moreAtCut: number;
}

export interface NearbyOptions<T> {
  /** A place's own organisations, left out. */
  isOwn?: (item: T) => boolean;
  radiusKm?: number;
  count?: number;
  maxShown?: number;
}

interface Ranked<T> extends NearbyEntry<T> {
  at: number;
}

/**
 * The candidates' positions in order of latitude, south to north (equal latitudes in the candidates' order), made
 * once per candidate list: a place page among 10,000 then looks only at the band of latitudes that can still be
 * nearer than the worst kept, not at every candidate. A list asked about must not change afterwards (the build's lists
 * and the near-me box's are made once and only read).
 */
const byLatitude = new WeakMap<readonly NearbyCandidate<unknown>[], Int32Array>();
function latitudeOrder(candidates: readonly NearbyCandidate<unknown>[]): Int32Array {
  let order = byLatitude.get(candidates);
  if (!order) {
    order = Int32Array.from(candidates.keys()).sort(
      (a, b) => candidates[a]!.point.lat - candidates[b]!.point.lat || a - b,
    );
    byLatitude.set(candidates, order);
  }
  return order;
}

/** The first position in `order` at or north of `lat`. */
function firstNorthOf(lat: number, candidates: readonly NearbyCandidate<unknown>[], order: Int32Array): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (candidates[order[mid]!]!.point.lat < lat) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The `keep` nearest candidates that are not the place's own, in (distance, candidates' order). Walks out from the
 * place's latitude both ways, the nearer band first: the north-south distance alone is a lower bound of the
 * distance, so the walk ends where it exceeds the worst kept.
 */
function nearestFew<T>(
  from: LatLng,
  candidates: readonly NearbyCandidate<T>[],
  isOwn: ((item: T) => boolean) | undefined,
  keep: number,
): Array<Ranked<T>> {
  const best: Array<Ranked<T>> = [];
  const order = latitudeOrder(candidates);
  const bandKm = (i: number) =>
    i < 0 || i >= order.length
      ? Infinity
      : Math.abs(candidates[order[i]!]!.point.lat - from.lat) * KM_PER_DEGREE_LATITUDE;
  let north = firstNorthOf(from.lat, candidates, order);
  let south = north - 1;
  for (;;) {
    const worst = best.length === keep ? best[keep - 1] : undefined;
    const northKm = bandKm(north);
    const southKm = bandKm(south);
    const goNorth = northKm <= southKm;
    const band = goNorth ? northKm : southKm;
    if (band === Infinity || band > (worst?.km ?? Infinity)) return best;
    const at = goNorth ? order[north++]! : order[south--]!;
    const c = candidates[at]!;
    if (isOwn?.(c.item)) continue;
    const km = haversineKm(from, c.point);
    if (worst && !before(worst, km, at)) continue;
    let i = best.length;
    while (i > 0 && before(best[i - 1]!, km, at)) i--;
    best.splice(i, 0, { item: c.item, km, at });
    if (best.length > keep) best.pop();
  }
}

/** Whether a candidate at `km`, `at` in the list, comes before `r` in (distance, candidates' order). */
function before(r: Ranked<unknown>, km: number, at: number): boolean {
  return r.km > km || (r.km === km && r.at > at);
}

/** The rule: see the file's comment. */
export function nearby<T>(
  from: LatLng,
  candidates: readonly NearbyCandidate<T>[],
  options: NearbyOptions<T> = {},
): Nearby<T> {
  const {
    isOwn,
    radiusKm = NEARBY_RADIUS_KM,
    count = NEARBY_COUNT,
    maxShown = Math.max(count, NEARBY_MAX_SHOWN),
  } = options;
  const best = nearestFew(from, candidates, isOwn, maxShown + 1);
  const inside = best.filter((r) => r.km <= radiusKm);
  const list = inside.length > 0 ? inside : best;
  const shown = cut(list, inside.length > 0 ? count : 1, maxShown);
  const last = shown.at(-1);
  const next = list[shown.length];
  const moreAtCut =
    last && next && next.km - last.km < SAME_KM
      ? countAt(from, candidates, isOwn, last.km) - tiedIn(shown, last.km)
      : 0;
  const entries = shown.map(({ item, km }) => ({ item, km }));
  return inside.length > 0
    ? { radiusKm, within: entries, beyond: [], moreAtCut }
    : { radiusKm, within: [], beyond: entries, moreAtCut };
}

/** The first `count`, then those at the same distance as the last, up to `maxShown`. */
function cut<T>(ranked: readonly Ranked<T>[], count: number, maxShown: number): Array<Ranked<T>> {
  const shown = ranked.slice(0, count);
  const last = shown.at(-1);
  while (last && shown.length < maxShown && ranked[shown.length] && ranked[shown.length]!.km - last.km < SAME_KM)
    shown.push(ranked[shown.length]!);
  return shown;
}

function tiedIn<T>(shown: readonly NearbyEntry<T>[], km: number): number {
  return shown.filter((s) => Math.abs(s.km - km) < SAME_KM).length;
}

/** Every candidate (not the place's own) at `km` from `from`: only needed when more share the cut than are listed. */
function countAt<T>(
  from: LatLng,
  candidates: readonly NearbyCandidate<T>[],
  isOwn: ((item: T) => boolean) | undefined,
  km: number,
): number {
  return candidates.filter((c) => !isOwn?.(c.item) && Math.abs(haversineKm(from, c.point) - km) < SAME_KM).length;
}

/** A place and what makes an organisation its own: located in it, in one of its wards, or (a prefecture) in it at all. */
export interface OwnArea {
  id: string;
  prefecture: boolean;
  wards: ReadonlySet<string>;
}

/** Whether an organisation (its municipality and prefecture codes) is a place's own. */
export function isOwnOf(
  area: OwnArea,
  org: { municipality?: string | undefined; prefecture?: string | undefined },
): boolean {
  if (area.prefecture) return org.prefecture === area.id;
  return org.municipality !== undefined && (org.municipality === area.id || area.wards.has(org.municipality));
}

/** What the page says when nothing is within the radius (the nearest's name and distance follow). */
export function noneWithinText(radiusKm: number): string {
  return `${radiusKm}km以内に掲載団体はありません。`;
}

/** What the page says when more share the last listed distance than are listed. */
export function moreAtCutText(more: number, km: number): string {
  return `ほかに${more}団体が同じ距離（${formatKm(km)}）にあります。`;
}

/** Whose representative point the distances are measured from: the place's own, or (borrowed) its city's or prefecture's. */
export function pointLabel(place: string, pointOf: string | undefined): string {
  return pointOf && pointOf !== place ? `${pointOf}の代表点（${place}の代表点がないため）` : `${place}の代表点`;
}
