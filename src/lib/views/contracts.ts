/**
 * Contracts as officials read them: the period (or, when no source gives one,
 * the date of the document that lists the contract), the programme kind, and
 * the groupings the pages use — by programme on a contractor's page, and the
 * programme × prefecture lists of /contracts/.
 */
import type { Body, Contract, ContractKind } from '../model/types.ts';
import { CONTRACT_KIND } from '../model/vocabularies.ts';
import { earliestDay, formatDate, latestDay } from '../model/dates.ts';
import { newestDay } from '../model/as-of.ts';
import { bodyPrefecture } from '../model/directory.ts';
import { rememberedPer } from '../model/remember.ts';

/** The first and last day of a contract's period, when a source gives one ('YYYY-MM-DD'). */
export function periodDays(c: Contract): { from?: string | undefined; to?: string | undefined } | undefined {
  if (c.fiscalYears) return { from: `${c.fiscalYears.from}-04-01`, to: `${c.fiscalYears.to + 1}-03-31` };
  if (c.from || c.to) return { from: c.from && earliestDay(c.from), to: c.to && latestDay(c.to) };
  return undefined;
}

/** Whether a source gives the contract's period (from/to or fiscal years). */
export function hasPeriod(c: Contract): boolean {
  return periodDays(c) !== undefined;
}

/** The date the contract is known to hold at when no period is given: its as-of date, or its newest source date. */
export function documentDate(c: Contract): string | undefined {
  return c.asOf ?? newestDay(c.sources);
}

/**
 * The period as one line of text: 「2023年4月1日〜2028年3月31日」, 「2024年度〜2026年度」,
 * or 「期間不明（資料の時点 2017年4月1日）」 when no source gives it.
 */
export function periodText(c: Contract): string {
  if (c.fiscalYears) {
    const { from, to } = c.fiscalYears;
    return from === to ? `${from}年度` : `${from}年度〜${to}年度`;
  }
  if (c.from || c.to) return `${c.from ? formatDate(c.from) : '開始不明'}〜${c.to ? formatDate(c.to) : '終了不明'}`;
  const d = documentDate(c);
  return d ? `期間不明（資料の時点 ${formatDate(d)}）` : '期間不明';
}

/** Whether the contract's known period covers `today` ('YYYY-MM-DD'). Contracts without a period are never current. */
export function isCurrent(c: Contract, today: string): boolean {
  const p = periodDays(c);
  if (!p) return false;
  return (p.from === undefined || p.from <= today) && (p.to === undefined || today <= p.to);
}

/** Contracts with a known period first (newest start first), then the rest by document date (newest first), then id. */
export function sortContracts(list: readonly Contract[]): Contract[] {
  const key = (c: Contract) => periodDays(c)?.from ?? documentDate(c) ?? '';
  return [...list].sort(
    (a, b) =>
      Number(hasPeriod(b)) - Number(hasPeriod(a)) ||
      (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0) ||
      (a.id < b.id ? -1 : 1),
  );
}

/** One programme on a contractor's page: the bodies that commission it, and what their contracts share. */
export interface ProgrammeGroup {
  kind: ContractKind;
  programme: string;
  contracts: Contract[];
  /** Services, note and sources when every contract of the group has the same ones (shown once), else undefined. */
  shared: { services?: string[] | undefined; note?: string | undefined; sources?: Contract['sources'] | undefined };
}

const same = <T>(values: T[]): T | undefined => {
  const first = JSON.stringify(values[0]);
  return values.every((v) => JSON.stringify(v) === first) ? values[0] : undefined;
};

/** A contractor's contracts grouped by programme (kind order, then programme name); within a group, sorted by `sortContracts`. */
export function groupByProgramme(list: readonly Contract[]): ProgrammeGroup[] {
  const groups = new Map<string, Contract[]>();
  for (const c of list) {
    const key = `${CONTRACT_KIND.values.indexOf(c.kind)}\u0000${c.programme}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.keys()].sort().map((key) => {
    const contracts = sortContracts(groups.get(key)!);
    const shared = {
      services: same(contracts.map((c) => c.services)),
      note: same(contracts.map((c) => c.note)),
      sources: same(contracts.map((c) => c.sources)),
    };
    return { kind: contracts[0]!.kind, programme: contracts[0]!.programme, contracts, shared };
  });
}

/**
 * A filter of the contract lists: any combination of a programme kind, a prefecture ('national' for bodies of the
 * state) and a category (see contract-filters.ts).
 */
export interface ContractFilter {
  kind?: ContractKind | undefined;
  prefecture?: string | undefined;
  category?: string | undefined;
}

/** Programme kinds, prefectures and categories (ids, sorted) that have at least one contract, for the filter links of /contracts/. */
export function contractFacets(contracts: readonly Contract[], bodies: ReadonlyMap<string, Body>): ContractFacets {
  return facetsOf(contracts, bodies);
}

/** What contractFacets gives (the same object for the same contracts and bodies: not to be changed). */
export interface ContractFacets {
  readonly kinds: ContractKind[];
  readonly prefectures: string[];
  readonly national: boolean;
  readonly categories: string[];
}

type OfContracts<T> = (contracts: readonly Contract[], bodies: ReadonlyMap<string, Body>) => T;
/** `make` once per list of contracts and map of bodies: every list page and each of its ~70 filter chips asks again. */
function perContractsAndBodies<T>(make: OfContracts<T>): OfContracts<T> {
  const byContracts = rememberedPer((contracts: readonly Contract[]) =>
    rememberedPer((bodies: ReadonlyMap<string, Body>) => make(contracts, bodies)),
  );
  return (contracts, bodies) => byContracts(contracts)(bodies);
}
const facetsOf = perContractsAndBodies(facetsFrom);
const groupsOf = perContractsAndBodies(groupByFilter);

function facetsFrom(contracts: readonly Contract[], bodies: ReadonlyMap<string, Body>): ContractFacets {
  const kinds = CONTRACT_KIND.values.filter((k) => contracts.some((c) => c.kind === k));
  const prefs = new Set<string>();
  let national = false;
  for (const c of contracts) {
    const p = bodyPrefecture(bodies.get(c.commissioner));
    if (p) prefs.add(p);
    else national = true;
  }
  return {
    kinds,
    prefectures: [...prefs].sort(),
    national,
    categories: [...new Set(contracts.map((c) => c.category))].sort(),
  };
}

/** A filter as a key: its three parts, an absent one empty. */
const filterKey = (kind: string | undefined, prefecture: string | undefined, category: string | undefined) =>
  `${kind ?? ''}\0${prefecture ?? ''}\0${category ?? ''}`;

/** The contracts grouped by every combination of their kind, prefecture and category, each group in their order. */
function groupByFilter(contracts: readonly Contract[], bodies: ReadonlyMap<string, Body>): Map<string, Contract[]> {
  const groups = new Map<string, Contract[]>();
  for (const c of contracts) {
    const p = bodyPrefecture(bodies.get(c.commissioner)) ?? 'national';
    for (let mask = 0; mask < 8; mask++) {
      const key = filterKey(mask & 1 ? c.kind : undefined, mask & 2 ? p : undefined, mask & 4 ? c.category : undefined);
      const list = groups.get(key);
      if (list) list.push(c);
      else groups.set(key, [c]);
    }
  }
  return groups;
}

/** The contracts that pass every part of the filter given (a new array, in the contracts' order). */
export function filterContracts(
  contracts: readonly Contract[],
  bodies: ReadonlyMap<string, Body>,
  f: ContractFilter,
): Contract[] {
  return [...(groupsOf(contracts, bodies).get(filterKey(f.kind, f.prefecture, f.category)) ?? [])];
}

/** How many contracts pass every part of the filter given (filterContracts(…).length, without the list). */
export function countContracts(
  contracts: readonly Contract[],
  bodies: ReadonlyMap<string, Body>,
  f: ContractFilter,
): number {
  return groupsOf(contracts, bodies).get(filterKey(f.kind, f.prefecture, f.category))?.length ?? 0;
}

/** Figures for the closing note and the contracts page: all, with a period, current at `today`, and the public bodies with a current one. */
export function contractCounts(
  contracts: readonly Contract[],
  today: string,
): { total: number; withPeriod: number; current: number; bodiesWithCurrent: number } {
  const current = contracts.filter((c) => isCurrent(c, today));
  return {
    total: contracts.length,
    withPeriod: contracts.filter(hasPeriod).length,
    current: current.length,
    bodiesWithCurrent: new Set(current.map((c) => c.commissioner)).size,
  };
}
