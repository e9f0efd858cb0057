/** What a co-op's page shows, as plain data (pure, unit-tested): the route only renders it. */
import type { Coop, Directory } from '../model/types.ts';
import { ancestorsOf, placeName, placeOf, whereIs, type DirectoryIndex } from '../model/directory.ts';
import { sortByReading } from '../model/sort.ts';
import { paths } from '../model/paths.ts';

/** Everything a co-op's page shows beyond the entry itself, computed once. */
export function coopPage(coop: Coop, dir: Directory, index: DirectoryIndex) {
  const { bodies, coops } = index;
  const ancestors = ancestorsOf(coop, coops);
  return {
    ...whereIs(coop, bodies),
    /** Its point on the map and how exact it is, when known. */
    place: placeOf(coop, bodies),
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
