/**
 * How long lists are split, so no page grows with the directory: the
 * organisations are listed per prefecture, and a prefecture with more than
 * LIST_PAGE_SIZE of them gets further pages; contracts are listed
 * CONTRACT_PAGE_SIZE a page, per combination of programme, prefecture and category, and a
 * category's page shows only its newest CATEGORY_CONTRACTS_SHOWN. Used by
 * /coops/, the per-prefecture lists, the map's list, /contracts/, the
 * category pages and the tests that check them.
 */
import type { Body, Contract, Coop } from '../model/types.ts';
import { prefectureOf } from '../model/directory.ts';
import { sortByReading } from '../model/sort.ts';
import { filterContracts, sortContracts, type ContractFilter } from './contracts.ts';
import { contractListFilters } from './contract-filters.ts';
import { paths } from '../model/paths.ts';

/** Entries on one list page (a table row is about 0.4 kB of HTML: 200 rows stay well under 200 kB). */
export const LIST_PAGE_SIZE = 200;

/** Contracts on one list page: a contract row (body, contractor, period, programme, sources) is about 1 kB of HTML. */
export const CONTRACT_PAGE_SIZE = 100;

/**
 * Contracts a category's page shows (the newest, as sortContracts orders them); all of them are on the category's
 * contract list (/contracts/category/<id>/), which the page links to. Ten rows are about 10 kB of HTML.
 */
export const CATEGORY_CONTRACTS_SHOWN = 10;

/** The key of the organisations whose prefecture is not known, in place of a prefecture code. */
export const NO_PREFECTURE = 'none';

/** Splits a list into pages of at most `size` entries; an empty list is one empty page. */
export function paginate<T>(items: readonly T[], size: number = LIST_PAGE_SIZE): T[][] {
  if (!(size >= 1)) throw new Error(`page size must be at least 1, got ${size}`);
  if (items.length === 0) return [[]];
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}

/** Whether a list of `count` entries is too long for one page. */
export function needsSplit(count: number, size: number = LIST_PAGE_SIZE): boolean {
  return count > size;
}

/** One prefecture's organisations (or those with none known), in 五十音順. */
export interface CoopGroup {
  /** The prefecture's code, or NO_PREFECTURE. */
  prefecture: string;
  name: string;
  coops: Coop[];
}

/** The organisations by prefecture: prefectures in code order (north to south), those without one last; only groups with organisations. */
export function coopGroups(coops: readonly Coop[], bodies: Map<string, Body>): CoopGroup[] {
  const byPref = new Map<string, Coop[]>();
  for (const c of sortByReading(coops)) {
    const key = prefectureOf(c, bodies) ?? NO_PREFECTURE;
    const list = byPref.get(key);
    if (list) list.push(c);
    else byPref.set(key, [c]);
  }
  const keys = [...byPref.keys()].filter((k) => k !== NO_PREFECTURE).sort();
  if (byPref.has(NO_PREFECTURE)) keys.push(NO_PREFECTURE);
  return keys.map((k) => ({
    prefecture: k,
    name: k === NO_PREFECTURE ? '所在地未確認' : (bodies.get(k)?.name ?? k),
    coops: byPref.get(k)!,
  }));
}

/** One page of a prefecture's list. */
export interface CoopListPage extends CoopGroup {
  /** 1-based page number. */
  page: number;
  /** Number of pages of this prefecture. */
  pages: number;
  /** Number of organisations of this prefecture (on every page). */
  total: number;
  /** Position in the prefecture's list of this page's first entry, 1-based. */
  from: number;
}

/** Every page of the per-prefecture lists: each group split into pages of `size`. */
export function coopListPages(
  coops: readonly Coop[],
  bodies: Map<string, Body>,
  size: number = LIST_PAGE_SIZE,
): CoopListPage[] {
  return coopGroups(coops, bodies).flatMap((g) => {
    const pages = paginate(g.coops, size);
    return pages.map((slice, i) => ({
      ...g,
      coops: slice,
      page: i + 1,
      pages: pages.length,
      total: g.coops.length,
      from: i * size + 1,
    }));
  });
}

/** The routes of the prefecture list pages (Japanese and English alike): `[pref]/[...page]`, page 1 without a number. */
export function coopListRoutes(
  coops: readonly Coop[],
  bodies: Map<string, Body>,
): Array<{ params: { pref: string; page: string | undefined }; props: { list: CoopListPage } }> {
  return coopListPages(coops, bodies).map((p) => ({
    params: { pref: p.prefecture, page: p.page > 1 ? String(p.page) : undefined },
    props: { list: p },
  }));
}

/** What a page shows of a longer list of contracts: the first `size` in sortContracts order, and whether that is all of them. */
export function contractPreview(
  contracts: readonly Contract[],
  size: number = CATEGORY_CONTRACTS_SHOWN,
): { shown: Contract[]; total: number; complete: boolean } {
  if (!(size >= 1)) throw new Error(`preview size must be at least 1, got ${size}`);
  const shown = sortContracts(contracts).slice(0, size);
  return { shown, total: contracts.length, complete: shown.length === contracts.length };
}

/**
 * The routes of /contracts/[...filter]: every page of every filtered list, and the later pages of the unfiltered
 * list (its first page is /contracts/ itself), CONTRACT_PAGE_SIZE contracts a page.
 */
export function contractListRoutes(
  contracts: readonly Contract[],
  bodies: ReadonlyMap<string, Body>,
): Array<{ params: { filter: string }; props: ContractFilter & { page: number } }> {
  const filters: ContractFilter[] = [{}, ...contractListFilters(contracts, bodies)];
  return filters.flatMap((f) =>
    paginate(filterContracts(contracts, bodies, f), CONTRACT_PAGE_SIZE)
      .map((_, i) => ({ f, page: i + 1 }))
      .filter(({ f, page }) => page > 1 || f.kind || f.prefecture || f.category)
      .map(({ f, page }) => ({
        params: {
          filter: paths
            .contracts(f, page)
            .replace(/^contracts\//, '')
            .replace(/\/$/, ''),
        },
        props: { ...f, page },
      })),
  );
}
