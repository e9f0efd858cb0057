/**
 * Derivations over the plain directory: who is where, who contracts whom,
 * where to put a pin, when an entry was last checked. No Astro imports.
 */
import type { Body, Contract, Coop, Directory, Source } from './types.ts';
import { latestDay } from './dates.ts';
import { CODE_LIST_URL, OSM_COPYRIGHT_URL } from '../places/reference-sources.ts';
import { nearbyCandidate, type NearbyCandidate } from '../places/nearby.ts';

/** Looks entities up by id; throws on a missing id (the data check rules that out before a build). */
export function indexById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

/** The prefecture of an organisation: its own field, or its municipality's prefecture. */
export function prefectureOf(
  coop: Pick<Coop, 'prefecture' | 'municipality'>,
  bodies: ReadonlyMap<string, Body>,
): string | undefined {
  if (coop.prefecture) return coop.prefecture;
  return coop.municipality ? bodies.get(coop.municipality)?.prefecture : undefined;
}

/** The prefecture a public body belongs to (a prefecture is its own); undefined for national bodies. */
export function bodyPrefecture(body: Body | undefined): string | undefined {
  if (!body) return undefined;
  return body.kind === '都道府県' ? body.id : body.prefecture;
}

/** The public bodies a co-op is in: its prefecture (its municipality's when not given), the city of a ward, and its municipality or ward. */
export interface WhereIs {
  prefecture?: Body | undefined;
  /** The designated city (政令指定都市) when `municipality` is one of its wards. */
  city?: Body | undefined;
  municipality?: Body | undefined;
}

/** Where a co-op is, as public bodies (the one rule every page, list, feed and map uses). */
export function whereIs(coop: Pick<Coop, 'prefecture' | 'municipality'>, bodies: ReadonlyMap<string, Body>): WhereIs {
  const municipality = coop.municipality ? bodies.get(coop.municipality) : undefined;
  const prefId = prefectureOf(coop, bodies);
  return {
    prefecture: prefId ? bodies.get(prefId) : undefined,
    city: municipality?.parent ? bodies.get(municipality.parent) : undefined,
    municipality,
  };
}

/** Where a co-op is, in words: 「神奈川県横浜市鶴見区」 (a ward with its city); undefined when not known. */
export function placeName(
  coop: Pick<Coop, 'prefecture' | 'municipality'>,
  bodies: ReadonlyMap<string, Body>,
  separator = '',
): string | undefined {
  const w = whereIs(coop, bodies);
  return [w.prefecture?.name, w.city?.name, w.municipality?.name].filter(Boolean).join(separator) || undefined;
}

/** Where a pin goes and how exact it is. */
export interface Place {
  lat: number;
  lng: number;
  precision: 'address' | 'municipality' | 'prefecture';
  /** Japanese words for the reader: what the point stands for. */
  note: string;
}

/** The organisation's point: its own coordinates, else its municipality's or prefecture's representative point. */
export function placeOf(coop: Coop, bodies: Map<string, Body>): Place | undefined {
  if (coop.location) return { ...coop.location, precision: 'address', note: '所在地の位置' };
  const muni = coop.municipality ? bodies.get(coop.municipality) : undefined;
  if (muni?.location)
    return {
      ...muni.location,
      precision: 'municipality',
      note: `所在地の座標が未確認のため、${muni.name}の代表点に表示しています`,
    };
  const prefId = prefectureOf(coop, bodies);
  const pref = prefId ? bodies.get(prefId) : undefined;
  if (pref?.location)
    return {
      ...pref.location,
      precision: 'prefecture',
      note: `市区町村が未確認のため、${pref.name}の代表点に表示しています`,
    };
  return undefined;
}

/** Organisations located in a public body: a prefecture holds all in it; a city holds its wards' too. */
export function coopsIn(body: Body, coops: readonly Coop[], bodies: Map<string, Body>): Coop[] {
  if (body.kind === '国') return [];
  if (body.kind === '都道府県') return coops.filter((c) => prefectureOf(c, bodies) === body.id);
  return coops.filter(
    (c) =>
      c.municipality === body.id || (c.municipality !== undefined && bodies.get(c.municipality)?.parent === body.id),
  );
}

/** Contracts a public body commissions. */
export function contractsCommissionedBy(bodyId: string, contracts: readonly Contract[]): Contract[] {
  return contracts.filter((c) => c.commissioner === bodyId);
}

/** Contracts an organisation holds. */
export function contractsHeldBy(coopId: string, contracts: readonly Contract[]): Contract[] {
  return contracts.filter((c) => c.contractor === coopId);
}

/** Children of an organisation (regional HQs, sites). */
export function childrenOf(coopId: string, coops: readonly Coop[]): Coop[] {
  return coops.filter((c) => c.parent === coopId);
}

/** Members of a federation or network. */
export function membersOf(coopId: string, coops: readonly Coop[]): Coop[] {
  return coops.filter((c) => c.memberOf?.includes(coopId));
}

/** The chain of parents, nearest first. */
export function ancestorsOf(coop: Coop, coops: Map<string, Coop>): Coop[] {
  const out: Coop[] = [];
  let cursor = coop.parent ? coops.get(coop.parent) : undefined;
  while (cursor && !out.includes(cursor)) {
    out.push(cursor);
    cursor = cursor.parent ? coops.get(cursor.parent) : undefined;
  }
  return out;
}

/**
 * The newest date any source speaks for, was published or was seen on (plus
 * any `extra` dates), as written: a year-only date stays a year rather than
 * pretending to a day. Dates are compared by the last day they can mean.
 * This is the one definition of a page's 情報の時点.
 */
export function lastChecked(
  sources: readonly Source[],
  extra: readonly (string | undefined)[] = [],
): string | undefined {
  let best: string | undefined;
  for (const d of [...sources.flatMap((s) => [s.seen, s.published, s.asOf]), ...extra]) {
    if (d !== undefined && (best === undefined || latestDay(d) > latestDay(best))) best = d;
  }
  return best;
}

/** Whether a source only vouches for a public body's code, name, reading or representative point (the official code list, OpenStreetMap). */
export function isReferenceSource(source: Source): boolean {
  return source.url === CODE_LIST_URL || source.url === OSM_COPYRIGHT_URL;
}

/**
 * The sources that date a public body's page: its contracts' and its own
 * facts' (a website, a window …), not the day the code list was checked.
 * Only when the page reports nothing but the code list's facts do those
 * sources date it.
 */
export function bodyFactSources(body: Body, contracts: readonly Contract[]): Source[] {
  const facts = [
    ...body.sources.filter((s) => !isReferenceSource(s)),
    ...contracts.flatMap((c) =>
      c.sources.map((s) => (s.asOf === undefined && c.asOf !== undefined ? { ...s, asOf: c.asOf } : s)),
    ),
  ];
  return facts.length > 0 ? facts : body.sources;
}

/** Whether an entry's newest source is older than `months` months before `today`. */
export function needsRecheck(sources: readonly Source[], today: string, months = 12): boolean {
  const last = lastChecked(sources);
  if (!last) return true;
  return latestDay(last) < recheckLimit(today, months);
}

/** The last one asked (every page of a build asks with the same day): `months` months before `today`. */
let lastLimit: { today: string; months: number; limit: string } | undefined;
function recheckLimit(today: string, months: number): string {
  if (lastLimit?.today !== today || lastLimit.months !== months) {
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    lastLimit = { today, months, limit: new Date(Date.UTC(y, m - 1 - months, d)).toISOString().slice(0, 10) };
  }
  return lastLimit.limit;
}

/** Counts for the home page. */
export function directoryCounts(dir: Directory) {
  // A dissolved organisation keeps its page but leaves the counts.
  const active = dir.coops.filter((c) => !isDissolved(c));
  const orgs = active.filter((c) => c.kind === 'coop');
  return {
    coops: orgs.length,
    organisations: active.length,
    dissolved: dir.coops.length - active.length,
    contracts: dir.contracts.length,
    categories: dir.categories.length,
    prefectures: new Set(active.map((c) => c.prefecture).filter(Boolean)).size,
  };
}

/** Whether an organisation has been dissolved (or its registry record closed). */
export function isDissolved(coop: Pick<Coop, 'dissolved'>): boolean {
  return coop.dissolved !== undefined;
}

/** Short labels shown next to an organisation's name in lists and on its page: 解散, 登記情報のみ. */
export function statusLabels(
  coop: Pick<Coop, 'dissolved' | 'registryOnly'>,
): Array<{ key: 'dissolved' | 'registry-only'; label: string; title: string }> {
  const out: Array<{ key: 'dissolved' | 'registry-only'; label: string; title: string }> = [];
  if (coop.dissolved)
    out.push({
      key: 'dissolved',
      label: '解散',
      title: `${coop.dissolved.date}に解散（${coop.dissolved.cause ?? '事由は未確認'}）`,
    });
  if (coop.registryOnly)
    out.push({
      key: 'registry-only',
      label: '登記情報のみ',
      title: '国税庁の法人番号公表サイトの登記情報だけを載せています。活動内容は未調査です',
    });
  return out;
}

/** The day an organisation became a worker co-op as far as its sources say: registration, conversion, or an unspecified 設立. */
export function becameCoopOn(coop: Pick<Coop, 'registered' | 'converted' | 'established'>): string | undefined {
  return coop.registered ?? coop.converted ?? coop.established;
}

/** Lookups every page needs, built once per build (pages would otherwise rescan whole lists per page). */
export interface DirectoryIndex {
  coops: Map<string, Coop>;
  bodies: Map<string, Body>;
  categories: Map<string, Directory['categories'][number]>;
  childrenByParent: Map<string, Coop[]>;
  membersByFederation: Map<string, Coop[]>;
  contractsByContractor: Map<string, Contract[]>;
  contractsByCommissioner: Map<string, Contract[]>;
  /** What coopsIn() gives for each public body, computed in one pass. */
  coopsByBody: Map<string, Coop[]>;
  /** What a place page's nearest list chooses from (nearCandidates), worked out once rather than once per page. */
  nearCandidates: NearCandidate[];
}

/** An organisation a nearby list may name, at its point (its address or its municipality's), with its prefecture. */
export type NearCandidate = NearbyCandidate<{
  coop: Coop;
  precision: 'address' | 'municipality';
  prefecture: string | undefined;
}>;

/** The organisations a resident can go to (nearbyCandidate), in the directory's order, as the map's pin file has them. */
export function nearCandidates(coops: readonly Coop[], bodies: Map<string, Body>): NearCandidate[] {
  return coops.flatMap((c) => {
    const p = placeOf(c, bodies);
    if (!p || p.precision === 'prefecture' || !nearbyCandidate(c.kind, p.precision)) return [];
    return [{ item: { coop: c, precision: p.precision, prefecture: prefectureOf(c, bodies) }, point: p }];
  });
}

function groupBy<T>(items: readonly T[], keys: (item: T) => Array<string | undefined>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    for (const k of keys(item)) {
      if (k === undefined) continue;
      const list = out.get(k);
      if (list) list.push(item);
      else out.set(k, [item]);
    }
  }
  return out;
}

/** Builds the lookups of a directory; lists keep the directory's order. */
export function buildIndex(dir: Directory): DirectoryIndex {
  const bodies = indexById(dir.bodies);
  return {
    coops: indexById(dir.coops),
    bodies,
    categories: indexById(dir.categories),
    childrenByParent: groupBy(dir.coops, (c) => [c.parent]),
    membersByFederation: groupBy(dir.coops, (c) => c.memberOf ?? []),
    contractsByContractor: groupBy(dir.contracts, (c) => [c.contractor]),
    contractsByCommissioner: groupBy(dir.contracts, (c) => [c.commissioner]),
    // Same rule as coopsIn(): a prefecture holds all in it, a municipality its own and its wards'.
    coopsByBody: groupBy(dir.coops, (c) => {
      const muni = c.municipality;
      const keys = new Set([prefectureOf(c, bodies), muni, muni === undefined ? undefined : bodies.get(muni)?.parent]);
      return [...keys];
    }),
    nearCandidates: nearCandidates(dir.coops, bodies),
  };
}

/** coopsIn() answered from the index (no scan of every co-op). */
export function coopsLocatedIn(index: Pick<DirectoryIndex, 'coopsByBody'>, body: Body): Coop[] {
  return body.kind === '国' ? [] : (index.coopsByBody.get(body.id) ?? []);
}

/** The public bodies that commission at least one contract: the ones with a contracts CSV of their own. */
export function commissioningBodies(dir: Pick<Directory, 'bodies' | 'contracts'>): Body[] {
  const commissioners = new Set(dir.contracts.map((c) => c.commissioner));
  return dir.bodies.filter((b) => commissioners.has(b.id));
}
