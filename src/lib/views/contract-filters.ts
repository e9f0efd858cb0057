/**
 * The filters of /contracts/ as plain links: programme kind × prefecture × category combine (a chip keeps the other
 * groups' choices), each chip says how many contracts its combination has and whether it is chosen, and a chip whose
 * combination has none is no link. Only combinations with contracts get a page, so the pages grow with the contracts
 * (at most seven per contract), not with the product of the groups. Also what rows of one list share (a note, the
 * same sources), said once above the list.
 */
import type { Body, Contract, ContractKind, Source } from '../model/types.ts';
import { CONTRACT_KIND } from '../model/vocabularies.ts';
import { paths } from '../model/paths.ts';
import { contractFacets, countContracts, type ContractFilter } from './contracts.ts';
import { bodyPrefecture } from '../model/directory.ts';

/** The filter groups, in the order they combine in a URL (programme/…/prefecture/…/category/…). */
export const FILTER_KEYS = ['kind', 'prefecture', 'category'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** One chip: a value of a group (or すべて), its count in combination with the other groups' choices. */
export interface FilterChip {
  /** The value (undefined for すべて). */
  value: string | undefined;
  label: string;
  count: number;
  selected: boolean;
  /** The list's path; undefined when the combination has no contract (the chip is shown as empty, not linked). */
  path: string | undefined;
}

/** A group of chips (すべて first). */
export interface FilterGroup {
  key: FilterKey;
  heading: string;
  chips: FilterChip[];
}

/** The filter of one contract: its kind, its commissioner's prefecture ('national' for the state's bodies), its category. */
function filterOf(c: Contract, bodies: ReadonlyMap<string, Body>): Required<ContractFilter> {
  return { kind: c.kind, prefecture: bodyPrefecture(bodies.get(c.commissioner)) ?? 'national', category: c.category };
}

/** A filter with only the parts given (no undefined keys), so it compares and serialises alike. */
function compact(f: ContractFilter): ContractFilter {
  return Object.fromEntries(FILTER_KEYS.filter((k) => f[k] !== undefined).map((k) => [k, f[k]]));
}

/**
 * Every filter that has contracts, each once, in a stable order: every non-empty combination of a contract's kind,
 * prefecture and category (seven per contract at most).
 */
export function contractListFilters(
  contracts: readonly Contract[],
  bodies: ReadonlyMap<string, Body>,
): ContractFilter[] {
  const seen = new Map<string, ContractFilter>();
  for (const c of contracts) {
    const full = filterOf(c, bodies);
    for (let mask = 1; mask < 8; mask++) {
      const f = compact(Object.fromEntries(FILTER_KEYS.filter((_, i) => mask & (1 << i)).map((k) => [k, full[k]])));
      seen.set(paths.contracts(f), f);
    }
  }
  return [...seen.keys()].sort().map((k) => seen.get(k)!);
}

/** Labels of the groups' values. */
export interface FilterLabels {
  prefecture: (id: string) => string;
  category: (id: string) => string;
}

/** The three groups of chips for the list `current` shows; values in the site's order (categories as given). */
export function contractFilterGroups(
  contracts: readonly Contract[],
  bodies: ReadonlyMap<string, Body>,
  current: ContractFilter,
  labels: FilterLabels,
  categoryOrder: readonly string[],
): FilterGroup[] {
  const facets = contractFacets(contracts, bodies);
  const values: Record<FilterKey, string[]> = {
    kind: facets.kinds,
    prefecture: [...facets.prefectures, ...(facets.national ? ['national'] : [])],
    category: categoryOrder.filter((id) => facets.categories.includes(id)),
  };
  const label: Record<FilterKey, (v: string) => string> = {
    kind: (v) => CONTRACT_KIND.labels[v as ContractKind],
    prefecture: labels.prefecture,
    category: labels.category,
  };
  const heading: Record<FilterKey, string> = { kind: '事業の種類', prefecture: '委託元の都道府県', category: '分野' };
  const chip = (key: FilterKey, value: string | undefined): FilterChip => {
    const f = compact({ ...current, [key]: value });
    const count = countContracts(contracts, bodies, f);
    return {
      value,
      label: value === undefined ? 'すべて' : label[key](value),
      count,
      selected: current[key] === value,
      path: count > 0 ? paths.contracts(f) : undefined,
    };
  };
  return FILTER_KEYS.map((key) => ({
    key,
    heading: heading[key],
    chips: [chip(key, undefined), ...values[key].map((v) => chip(key, v))],
  }));
}

/** What several rows of one list share, said once: a note, a set of sources; each numbered from 1. */
export interface SharedParts {
  notes: Array<{ n: number; text: string; count: number }>;
  sources: Array<{ n: number; sources: Source[]; count: number }>;
  /** The number of a contract's shared note / sources, when shared. */
  noteOf: (c: Contract) => number | undefined;
  sourcesOf: (c: Contract) => number | undefined;
}

/** Notes and source lists that at least two of the contracts share (in the order they first appear). */
export function sharedParts(contracts: readonly Contract[]): SharedParts {
  const count = <T>(key: (c: Contract) => T | undefined, id: (v: T) => string) => {
    const byId = new Map<string, { value: T; count: number }>();
    for (const c of contracts) {
      const v = key(c);
      if (v === undefined) continue;
      const k = id(v);
      byId.set(k, { value: v, count: (byId.get(k)?.count ?? 0) + 1 });
    }
    const shared = [...byId.entries()].filter(([, x]) => x.count >= 2);
    const numbers = new Map(shared.map(([k], i) => [k, i + 1]));
    return {
      shared: shared.map(([, x], i) => ({ n: i + 1, ...x })),
      number: (c: Contract) => numbers.get(id(key(c)!)),
    };
  };
  const notes = count(
    (c) => c.note,
    (v) => v,
  );
  const sources = count(
    (c) => c.sources,
    (v) => JSON.stringify(v),
  );
  return {
    notes: notes.shared.map(({ n, value, count }) => ({ n, text: value, count })),
    sources: sources.shared.map(({ n, value, count }) => ({ n, sources: value, count })),
    noteOf: (c) => (c.note === undefined ? undefined : notes.number(c)),
    sourcesOf: (c) => sources.number(c),
  };
}
