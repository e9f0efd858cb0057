/** What a co-op's page shows, as plain data (pure, unit-tested): the route only renders it. */
import type { Body, Coop, Directory } from '../model/types.ts';
import { ancestorsOf, placeName, placeOf, whereIs, type DirectoryIndex } from '../model/directory.ts';
import { sortByReading } from '../model/sort.ts';
import { paths } from '../model/paths.ts';
import { windowsFor, type SourcedWindow } from './place.ts';

/** An organisation's 連絡先: the public contact its sources state, or — when none is known — where to ask instead. */
export interface ContactView {
  website?: string | undefined;
  phone?: string | undefined;
  fax?: string | undefined;
  email?: string | undefined;
  /** When the contact was checked. */
  asOf?: string | undefined;
  /** Whether any public contact (website, phone, fax or e-mail) is known. */
  known: boolean;
  /**
   * Only when none is known: its prefecture (when known) and the window to ask about worker co-ops there — the
   * prefecture's own, else (`ministry`) the ministry's line; `window` is undefined when neither is sourced.
   */
  ask?: {
    prefecture: Body | undefined;
    window: SourcedWindow | undefined;
    ministry: boolean;
    /** The prefecture's page, whose 相談・届出の窓口 section shows both windows with their sources. */
    windowsPage: string | undefined;
  };
}

/** The 連絡先 row of an organisation's page (Japanese and English alike), from its entry and its prefecture. */
export function contactView(coop: Coop, prefecture: Body | undefined, bodies: ReadonlyMap<string, Body>): ContactView {
  const { website, phone, fax, email, asOf } = coop.contact ?? {};
  const known = [website, phone, fax, email].some((v) => v !== undefined);
  if (known) return { website, phone, fax, email, asOf, known };
  const { prefectureWindow, ministryWindow } = windowsFor(prefecture, bodies);
  return {
    known,
    ask: {
      prefecture,
      window: prefectureWindow ?? ministryWindow,
      ministry: prefectureWindow === undefined,
      windowsPage: prefecture && paths.body(prefecture.id),
    },
  };
}

/** Everything a co-op's page shows beyond the entry itself, computed once. */
export function coopPage(coop: Coop, dir: Directory, index: DirectoryIndex) {
  const { bodies, coops } = index;
  const ancestors = ancestorsOf(coop, coops);
  const where = whereIs(coop, bodies);
  return {
    ...where,
    /** Its point on the map and how exact it is, when known. */
    place: placeOf(coop, bodies),
    /** Its 連絡先, or where to ask when none is known. */
    contact: contactView(coop, where.prefecture, bodies),
    /** Its parent organisations, nearest first. */
    ancestors,
    /** Its offices and sites, in 五十音順. */
    children: sortByReading(index.childrenByParent.get(coop.id) ?? []),
    /** A federation's members, in 五十音順. */
    members: sortByReading(index.membersByFederation.get(coop.id) ?? []),
    /** The federations it belongs to (as listed). */
    memberOf: (coop.memberOf ?? []).map((id) => coops.get(id)).filter((c): c is Coop => c !== undefined),
    contracts: index.contractsByContractor.get(coop.id) ?? [],
    /** The model-project councils that name it as a member. */
    councils: dir.councils.filter((c) => c.members?.some((m) => m.coop === coop.id)),
    trail: [
      { label: '組合の一覧', path: paths.coops() },
      ...[...ancestors].reverse().map((a) => ({ label: a.name, path: paths.coop(a.id) })),
      { label: coop.name },
    ],
    /** The page's meta description: name, where, summary. */
    description: `${coop.name}（${placeName(coop, bodies) ?? '所在地未確認'}）${coop.summary ?? ''}`,
  };
}
