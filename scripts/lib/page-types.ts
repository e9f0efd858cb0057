/**
 * One page of every type, for the accessibility test and the benchmarks.
 * Entity pages are chosen from the content, never hard-coded.
 */
import { paths } from '../../src/lib/model/paths.ts';
import { enPaths } from '../../src/lib/views/i18n.ts';
import type { Directory } from '../../src/lib/model/types.ts';
import { coopListPages } from '../../src/lib/views/lists.ts';
import { indexById } from '../../src/lib/model/directory.ts';

/** [name, route relative to the base] for each page type. */
export function pageTypes(dir: Directory): Array<[string, string]> {
  const contractsOf = (id: string) => dir.contracts.filter((c) => c.commissioner === id).length;
  const busiestBody = [...dir.bodies].sort(
    (a, b) => contractsOf(b.id) - contractsOf(a.id) || (a.id < b.id ? -1 : 1),
  )[0];
  const contractsTo = (id: string) => dir.contracts.filter((c) => c.contractor === id).length;
  const busiestContractor = [...dir.coops].sort(
    (a, b) => contractsTo(b.id) - contractsTo(a.id) || (a.id < b.id ? -1 : 1),
  )[0];
  // The category with the most contracts (its page shows the bounded contract table and the link to all of them).
  const contractsIn = (id: string) => dir.contracts.filter((c) => c.category === id).length;
  const busiestCategory = [...dir.categories].sort((a, b) => contractsIn(b.id) - contractsIn(a.id))[0];
  const busiestCategoryWithContracts =
    busiestCategory && contractsIn(busiestCategory.id) > 0 ? busiestCategory : undefined;
  const richestCoop = [...dir.coops].sort(
    (a, b) => JSON.stringify(b).length - JSON.stringify(a).length || (a.id < b.id ? -1 : 1),
  )[0];
  // An organisation whose page says 「連絡先は確認できていません」 and where to ask instead.
  const coopWithoutContact = dir.coops.find((c) => !c.contact && c.id !== richestCoop?.id);
  // The prefecture with the most municipalities (the longest list), and a municipality with no hand-kept facts.
  const localsOf = (id: string) => dir.bodies.filter((b) => b.prefecture === id).length;
  const biggestPrefecture = dir.bodies
    .filter((b) => b.kind === '都道府県')
    .sort((a, b) => localsOf(b.id) - localsOf(a.id) || (a.id < b.id ? -1 : 1))[0];
  const plainMunicipality = dir.bodies.find(
    (b) => b.kind === '町' && contractsOf(b.id) === 0 && !dir.coops.some((c) => c.municipality === b.id),
  );
  // The prefecture list with the most organisations, on its last page (the longest list page there is).
  const lists = coopListPages(dir.coops, indexById(dir.bodies));
  const longestList = [...lists].sort((a, b) => b.total - a.total || (a.prefecture < b.prefecture ? -1 : 1))[0];
  const lastOfLongest = longestList && lists.filter((p) => p.prefecture === longestList.prefecture).at(-1);
  const types: Array<[string, string | undefined]> = [
    ['home', paths.home()],
    ['co-op list', paths.coops()],
    ['co-op list of one prefecture', longestList && paths.coopsIn(longestList.prefecture)],
    [
      'co-op list, a later page',
      lastOfLongest && lastOfLongest.page > 1 ? paths.coopsIn(lastOfLongest.prefecture, lastOfLongest.page) : undefined,
    ],
    ['co-op', richestCoop && paths.coop(richestCoop.id)],
    [
      'co-op with the most contracts',
      busiestContractor && busiestContractor.id !== richestCoop?.id ? paths.coop(busiestContractor.id) : undefined,
    ],
    ['co-op without a known contact', coopWithoutContact && paths.coop(coopWithoutContact.id)],
    ['category list', paths.categories()],
    ['category', busiestCategory && paths.category(busiestCategory.id)],
    ['public-body list', paths.bodies()],
    ['public body', busiestBody && paths.body(busiestBody.id)],
    ['contracts', dir.contracts.length > 0 ? paths.contracts() : undefined],
    ['contracts of one programme', dir.contracts[0] && paths.contracts({ kind: dir.contracts[0].kind })],
    [
      'contracts of one category',
      busiestCategoryWithContracts && paths.contracts({ category: busiestCategoryWithContracts.id }),
    ],
    ['prefecture', biggestPrefecture && paths.body(biggestPrefecture.id)],
    ['municipality', plainMunicipality && paths.body(plainMunicipality.id)],
    ['model project', paths.modelProject()],
    ['council', dir.councils[0] && paths.council(dir.councils[0].id)],
    ['guide list', paths.guides()],
    ['guide', dir.guides[0] && paths.guide(dir.guides[0].id)],
    ['map', paths.map()],
    ['search', paths.search()],
    ['statistics', paths.stats()],
    ['open data', paths.data()],
    ['about', paths.about()],
    ['for listed co-ops', paths.forCoops()],
    ['en home', enPaths.home()],
    ['en organisation list', enPaths.coops()],
    ['en organisation list of one prefecture', longestList && enPaths.coopsIn(longestList.prefecture)],
    ['en organisation', richestCoop && enPaths.coop(richestCoop.id)],
    ['en organisation without a known contact', coopWithoutContact && enPaths.coop(coopWithoutContact.id)],
    ['en about', enPaths.about()],
    ['en model project', enPaths.modelProject()],
    ['en statistics', enPaths.stats()],
    ['en open data', enPaths.data()],
  ];
  return types.filter((t): t is [string, string] => t[1] !== undefined);
}

/** The page types that may ship JavaScript (islands). */
export const ISLAND_ROUTES = [paths.map(), paths.search()];
