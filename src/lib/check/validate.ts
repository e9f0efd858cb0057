/**
 * The data check: every rule a content entry must meet, over plain entries
 * read from files. It returns every problem at once, each naming the file
 * and the field, so an editor can fix a whole batch in one go. The steps
 * are below; the rules of each collection are in rules/, one file each.
 */
import type { z } from 'astro/zod';
import { COLLECTION_NAMES, idProblem, idRef, schemasFor, type CollectionName } from '../model/schemas/index.ts';
import { declaredFields, type FieldRule } from '../model/schema-fields.ts';
import { isFuture } from '../model/dates.ts';
import { guideBodyProblems } from './guide-body.ts';
import { stringsIn, textProblem } from './text-hygiene.ts';
import { issueProblems } from './issues.ts';
import { sourceIndexesIn, valuesAt } from './paths.ts';
import { plausibilityProblems } from './plausibility.ts';
import { coopRules } from './rules/coops.ts';
import { contractRules } from './rules/contracts.ts';
import { councilRules, programmeRules } from './rules/model-project.ts';
import { municipalityRules } from './rules/municipalities.ts';
import { nationalCountRules } from './rules/national-counts.ts';
import type { CheckContext, EntryRule, Parsed, Problem, RawEntry, RuleInput } from './types.ts';

export type { CheckContext, Problem, RawEntry } from './types.ts';

/** The rules of each collection beyond its schema (rules/, one file per collection). */
const RULES: Partial<Record<CollectionName, EntryRule[]>> = {
  municipalities: [municipalityRules],
  coops: [coopRules],
  contracts: [contractRules],
  councils: [councilRules],
  programmes: [programmeRules],
  nationalCounts: [nationalCountRules],
};

/** Which field holds an entry's display name, for the duplicate-name check. */
const NAME_FIELD: Record<CollectionName, string> = {
  coops: 'name',
  categories: 'name',
  municipalities: '',
  contracts: '',
  councils: 'name',
  programmes: 'name',
  guides: 'title',
  nationalCounts: '',
};

/** Each entry's id (valid, unique in its collection), its text hygiene and its schema; the entries that parsed. */
function parseEntries(entries: readonly RawEntry[], problems: Problem[]) {
  const schemas = schemasFor(idRef);
  const parsed: Parsed[] = [];
  const ids = new Map<CollectionName, Map<string, RawEntry>>(COLLECTION_NAMES.map((c) => [c, new Map()]));
  for (const entry of entries) {
    const idIssue = idProblem(entry.collection, entry.id);
    if (idIssue) problems.push({ file: entry.file, field: '(id: ファイル名)', message: idIssue });
    const seen = ids.get(entry.collection)!;
    const twin = seen.get(entry.id);
    if (twin) {
      problems.push({
        file: entry.file,
        field: '(id: ファイル名)',
        message: `id "${entry.id}" が ${twin.file} と重複しています`,
      });
    } else {
      seen.set(entry.id, entry);
    }
    // Hidden, control and bidi characters anywhere in the entry, named with their position.
    for (const [field, value] of stringsIn(entry.data)) {
      const problem = textProblem(value);
      if (problem) problems.push({ file: entry.file, field: field || '(entry)', message: problem });
    }
    const result = (schemas[entry.collection] as z.ZodType).safeParse(entry.data, { reportInput: true });
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(...issueProblems(entry.file, issue));
      continue;
    }
    parsed.push({ entry, data: result.data as Record<string, unknown> });
  }
  return { parsed, ids };
}

/** A value that must be unique across entries (a display name, a 法人番号): every later twin names the first. */
function duplicates(
  parsed: readonly Parsed[],
  keyOf: (p: Parsed) => string | undefined,
  problemOf: (p: Parsed, twin: RawEntry) => Problem,
) {
  const seen = new Map<string, RawEntry>();
  return parsed.flatMap((p) => {
    const key = keyOf(p);
    if (key === undefined) return [];
    const twin = seen.get(key);
    if (twin) return [problemOf(p, twin)];
    seen.set(key, p.entry);
    return [];
  });
}

/** Duplicate names and 法人番号. Public bodies are left out of names: their code is their identity (北海道 has two 泊村). */
function duplicateProblems(parsed: readonly Parsed[]): Problem[] {
  const names = duplicates(
    parsed,
    ({ entry, data }) =>
      NAME_FIELD[entry.collection]
        ? `${entry.collection}\u0000${String(data[NAME_FIELD[entry.collection]])}`
        : undefined,
    ({ entry, data }, twin) => {
      const field = NAME_FIELD[entry.collection];
      return { file: entry.file, field, message: `名前 "${String(data[field])}" が ${twin.file} と重複しています` };
    },
  );
  const numbers = duplicates(
    parsed,
    ({ entry, data }) =>
      entry.collection === 'coops' && typeof data.corporateNumber === 'string' ? data.corporateNumber : undefined,
    ({ entry, data }, twin) => ({
      file: entry.file,
      field: 'corporateNumber',
      message: `法人番号 ${String(data.corporateNumber)} が ${twin.file} と重複しています`,
    }),
  );
  return [...names, ...numbers];
}

/** References that resolve and past dates that are not in the future, on the fields the schemas declare as such. */
function declaredFieldProblems(
  { entry, data }: Parsed,
  declared: ReadonlyArray<[string, FieldRule]>,
  ids: ReadonlyMap<CollectionName, ReadonlyMap<string, RawEntry>>,
  today: string,
): Problem[] {
  const out: Problem[] = [];
  for (const [path, rule] of declared) {
    for (const [field, value] of valuesAt(data, path)) {
      if (rule.ref !== undefined && (typeof value !== 'string' || !ids.get(rule.ref)!.has(value)))
        out.push({
          file: entry.file,
          field,
          message: `${rule.ref} に "${String(value)}" という id のエントリがありません`,
        });
      if (rule.past && typeof value === 'string' && isFuture(value, today))
        out.push({ file: entry.file, field, message: `日付 ${value} は未来の日付です（今日は ${today}）` });
    }
  }
  return out;
}

/** Every numbered source an entry cites exists in its `sources`. */
function sourceIndexProblems({ entry, data }: Parsed): Problem[] {
  const count = Array.isArray(data.sources) ? data.sources.length : 0;
  return sourceIndexesIn({ ...data, sources: undefined })
    .filter(([, index]) => index >= count)
    .map(([field, index]) => ({
      file: entry.file,
      field,
      message: `sources[${index}] はありません（出典は ${count} 件）`,
    }));
}

/** A guide's body: only the allowed MDX, citations that exist, and no hidden characters on any line. */
function bodyProblems(entry: RawEntry): Problem[] {
  if (entry.body === undefined) return [];
  const sources = (entry.data as { sources?: unknown } | null)?.sources;
  const sourceCount = Array.isArray(sources) ? sources.length : undefined;
  const out = guideBodyProblems(entry.body, { sourceCount, startLine: entry.bodyStartLine }).map((p) => ({
    file: entry.file,
    field: `(本文 ${p.line}行目)`,
    message: p.message,
  }));
  entry.body.split(/\r?\n/).forEach((line, i) => {
    const problem = textProblem(line);
    if (problem && !problem.startsWith('見える文字'))
      out.push({ file: entry.file, field: `(本文 ${(entry.bodyStartLine ?? 1) + i}行目)`, message: problem });
  });
  return out;
}

/** Every problem in a set of entries; an empty array means the content is sound. */
export function validateEntries(entries: RawEntry[], today: string, context?: CheckContext): Problem[] {
  const problems: Problem[] = [];
  const { parsed, ids } = parseEntries(entries, problems);
  problems.push(...duplicateProblems(parsed));
  // Which fields are references or past dates, the schemas say.
  const schemas = schemasFor(idRef);
  const declared = Object.fromEntries(
    COLLECTION_NAMES.map((c) => [c, declaredFields(schemas[c] as z.ZodType)]),
  ) as Record<CollectionName, Array<[string, FieldRule]>>;
  const parsedById = new Map(parsed.map((p) => [`${p.entry.collection}/${p.entry.id}`, p]));
  const byId: RuleInput['byId'] = (c, id) => parsedById.get(`${c}/${id}`);
  for (const p of parsed) {
    problems.push(...declaredFieldProblems(p, declared[p.entry.collection], ids, today));
    problems.push(...sourceIndexProblems(p));
    const input: RuleInput = { ...p, byId, entries, today };
    for (const rule of RULES[p.entry.collection] ?? []) problems.push(...rule(input));
  }
  for (const entry of entries) problems.push(...bodyProblems(entry));
  if (context) problems.push(...plausibilityProblems(parsed, context));
  return problems;
}
