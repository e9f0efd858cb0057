/** What the data check reads and reports: entries as read from files, problems, and the reference data it compares with. */
import type { CollectionName } from '../model/schemas/index.ts';
import type { OfficialBody } from '../places/official-bodies.ts';
import type { MultiPolygon } from '../places/geometry.ts';

/**
 * Reference data the plausibility rules compare content with: the official
 * code list (names, kinds, representative points) and the prefecture
 * outlines, keyed by 2-digit prefecture number ("01"–"47").
 */
export interface CheckContext {
  officialBodies: ReadonlyMap<string, OfficialBody>;
  outlines: ReadonlyMap<string, MultiPolygon>;
}

/** One file's entry before validation. */
export interface RawEntry {
  collection: CollectionName;
  id: string;
  /** Path of the file, relative to the repository root. */
  file: string;
  data: unknown;
  /** Markdown/MDX body (guides only). */
  body?: string | undefined;
  /** Line of the file where the body starts (1-based), for messages. */
  bodyStartLine?: number | undefined;
}

/** One thing wrong with the content. */
export interface Problem {
  file: string;
  field: string;
  message: string;
}

/** An entry whose data passed its schema, as the rules see it. */
export interface Parsed {
  entry: RawEntry;
  data: Record<string, unknown>;
}

/** Finds a parsed entry of a collection by id. */
export type Lookup = (collection: CollectionName, id: string) => Parsed | undefined;

/** What a rule over one entry is given. */
export interface RuleInput extends Parsed {
  /** Other parsed entries, by collection and id. */
  byId: Lookup;
  /** Every entry as read, parsed or not (to count, without blaming one entry for another's mistake). */
  entries: readonly RawEntry[];
  /** Today in Japan ('YYYY-MM-DD'): no past date may lie after it. */
  today: string;
}

/** A rule that one entry of a collection must meet; returns every problem it finds. */
export type EntryRule = (input: RuleInput) => Problem[];

/** A list of problems for one file, and `add(field, message)` to grow it. */
export function problemList(file: string): { out: Problem[]; add: (field: string, message: string) => void } {
  const out: Problem[] = [];
  return { out, add: (field, message) => void out.push({ file, field, message }) };
}
