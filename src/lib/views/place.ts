/**
 * What a place page answers, as plain data (pure, unit-tested): co-ops whose
 * stated area covers the place, the nearest co-ops by straight-line distance,
 * and where to ask (the prefecture's window, the ministry's, the model-project
 * council's); `placePage` gathers all a public body's page shows.
 */
import type { Body, BodyWindow, Coop, Council, Directory, Source } from '../model/types.ts';
import { bodyFactSources, coopsLocatedIn, type DirectoryIndex, type NearCandidate } from '../model/directory.ts';
import { compareReading } from '../model/sort.ts';
import { paths } from '../model/paths.ts';
import { rememberedPer } from '../model/remember.ts';
import { referencePoint, type ReferencePoint } from '../places/nearest.ts';
import { isOwnOf, nearby, type Nearby, type NearbyEntry, type OwnArea } from '../places/nearby.ts';

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
      (c.areaCodes.municipalities?.includes(body.id) ||
        (body.parent !== undefined && c.areaCodes.municipalities?.includes(body.parent)))
    ) {
      out.push({ coop: c, scope: 'municipality' });
    } else if (pref !== undefined && c.areaCodes.prefectures?.includes(pref)) {
      out.push({ coop: c, scope: 'prefecture' });
    }
  }
  return out;
}

/** One entry of the nearby list: the co-op, the distance, and whether its own point is its address or its municipality's point. */
export interface NearCoop extends NearbyEntry<Coop> {
  precision: 'address' | 'municipality';
}

/** A place page's nearby list, and the point it is measured from. */
export interface NearbyCoops extends Omit<Nearby<Coop>, 'within' | 'beyond'> {
  from: ReferencePoint;
  within: NearCoop[];
  beyond: NearCoop[];
}

/** A body's own area: itself, a city's wards, or (a prefecture) all of it; its organisations are never "nearby". */
export function ownArea(body: Body, bodies: ReadonlyMap<string, Body>): OwnArea {
  const wards = new Set<string>();
  for (const b of bodies.values()) if (b.parent === body.id) wards.add(b.id);
  return { id: body.id, prefecture: body.kind === '都道府県', wards };
}

/** The nearby organisations (the rule of places/nearby.ts) from a body's representative point, or undefined when no point is known. */
export function nearestCoops(
  body: Body,
  index: Pick<DirectoryIndex, 'bodies' | 'nearCandidates'>,
): NearbyCoops | undefined {
  const from = referencePoint(body, index.bodies);
  if (!from) return undefined;
  const area = ownArea(body, index.bodies);
  const r = nearby(from, index.nearCandidates, {
    isOwn: (c) => isOwnOf(area, { municipality: c.coop.municipality, prefecture: c.prefecture }),
  });
  const entry = (n: NearbyEntry<NearCandidate['item']>): NearCoop => ({
    item: n.item.coop,
    km: n.km,
    precision: n.item.precision,
  });
  return { ...r, from, within: r.within.map(entry), beyond: r.beyond.map(entry) };
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

/** A prefecture's 労働者協同組合 window and the ministry's consultation line, each with its source (undefined where none is sourced). */
export function windowsFor(prefecture: Body | undefined, bodies: ReadonlyMap<string, Body>) {
  return {
    prefectureWindow: windowOf(prefecture),
    ministryWindow: ministryWindowOf(bodies),
  };
}

// Every organisation's contact row asks (contactView): the bodies are searched once per map of them.
const ministryWindowOf = rememberedPer((bodies: ReadonlyMap<string, Body>) =>
  windowOf([...bodies.values()].find((b) => b.kind === '国' && b.windows?.length)),
);

/** Where a resident of a body asks: its prefecture's window, the ministry's, and the councils of its prefecture that publish a window. */
export function whereToAsk(body: Body, bodies: ReadonlyMap<string, Body>, councils: readonly Council[]) {
  const prefId = body.kind === '都道府県' ? body.id : body.prefecture;
  const prefecture = prefId ? bodies.get(prefId) : undefined;
  return {
    prefecture,
    ...windowsFor(prefecture, bodies),
    councils: prefId ? councils.filter((c) => c.prefecture === prefId) : [],
  };
}

/** Whether a body has something to embed elsewhere (/embed/<code>/): organisations located in it or contracts it gives. */
export function embeddable(
  body: Body,
  index: Pick<DirectoryIndex, 'coopsByBody' | 'contractsByCommissioner'>,
): boolean {
  return coopsLocatedIn(index, body).length > 0 || (index.contractsByCommissioner.get(body.id)?.length ?? 0) > 0;
}

/** Everything a public body's page shows, computed once (the route only renders it). */
export function placePage(body: Body, dir: Directory, index: DirectoryIndex) {
  const { bodies } = index;
  const pref = body.prefecture ? bodies.get(body.prefecture) : undefined;
  const parent = body.parent ? bodies.get(body.parent) : undefined;
  const located = coopsLocatedIn(index, body);
  const contracts = index.contractsByCommissioner.get(body.id) ?? [];
  // A place is anything but a national body (the ministry): it has nearest co-ops, windows and an area.
  const place = body.kind !== '国';
  return {
    pref,
    parent,
    located,
    contracts,
    /** The sources the page's facts rest on: its contracts' and its own (not the code list's check date). */
    factSources: bodyFactSources(body, contracts),
    /** A prefecture's municipalities (wards under their city's page), a designated city's wards: 五十音順, with their co-op counts. */
    locals: dir.bodies
      .filter((b) =>
        body.kind === '都道府県' ? b.prefecture === body.id && b.parent === undefined : b.parent === body.id,
      )
      .sort((a, b) => compareReading(a.reading, b.reading))
      .map((b) => ({ body: b, count: coopsLocatedIn(index, b).length })),
    place,
    covering: place ? coopsCovering(body, dir.coops, new Set(located.map((c) => c.id))) : [],
    near: place && body.kind !== '都道府県' ? nearestCoops(body, index) : undefined,
    ask: place ? whereToAsk(body, bodies, dir.councils) : undefined,
    /** The count a model-project council's report gives for its prefecture (listed against it). */
    reported:
      body.kind === '都道府県' ? dir.councils.find((c) => c.prefecture === body.id && c.prefectureCoops) : undefined,
    /** Of those located here, the 労働者協同組合 themselves (not HQs, sites or federations). */
    listedCoops: located.filter(
      (c) => c.kind === 'coop' && (c.legalForm === '労働者協同組合' || c.legalForm === '特定労働者協同組合'),
    ),
    councils: dir.councils.filter((c) => c.prefecture === body.id || c.members?.some((m) => m.body === body.id)),
    trail: [
      { label: '自治体・委託元', path: paths.bodies() },
      ...(pref ? [{ label: pref.name, path: paths.body(pref.id) }] : []),
      ...(parent ? [{ label: parent.name, path: paths.body(parent.id) }] : []),
      { label: body.name },
    ],
    /** Whether the page offers an embed (only when there is something to show in it). */
    embed: located.length > 0 || contracts.length > 0,
    /** The 全国地方公共団体コード shown on the page (a national body's id is not one). */
    codeLabel: /^\d{6}$/.test(body.id) ? body.id : undefined,
  };
}
