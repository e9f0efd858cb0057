/**
 * Rules for the search's everyday-words table (content/search-synonyms.yaml):
 * its schema, and each group's category and service against content/.
 */
import { idRef, searchSynonymsSchema, type CollectionName } from '../../model/schemas/index.ts';
import { normalizeForSearch } from '../../model/normal-form.ts';
import type { SearchSynonyms } from '../../model/types.ts';
import { issueProblems } from '../issues.ts';
import type { Problem, RawEntry } from '../types.ts';

/** What the rule needs from content/: category ids and every service text organisations and contracts list. */
export interface SynonymContext {
  categories: ReadonlySet<string>;
  services: readonly string[];
}

/**
 * Problems of the table against content/: each group's category must exist
 * and its service must be written (in search normal form) in some
 * organisation's business or services or some contract; a word may belong to
 * one group only.
 */
export function synonymProblems(data: SearchSynonyms, ctx: SynonymContext): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const services = ctx.services.map(normalizeForSearch);
  const owner = new Map<string, number>();
  data.groups.forEach((g, i) => {
    if (!ctx.categories.has(g.category))
      problems.push({
        field: `groups[${i}].category`,
        message: `categories に "${g.category}" という id のエントリがありません`,
      });
    if (g.service !== undefined && !services.some((s) => s.includes(normalizeForSearch(g.service!)))) {
      problems.push({
        field: `groups[${i}].service`,
        message: `事業 "${g.service}" は content/ のどの組合の事業・事業一覧・委託事業にも書かれていません`,
      });
    }
    const normal = g.words.map(normalizeForSearch);
    normal.forEach((w, j) => {
      if (!w) problems.push({ field: `groups[${i}].words[${j}]`, message: '検索できる文字が含まれていません' });
      else if (owner.has(w) && owner.get(w) !== i)
        problems.push({
          field: `groups[${i}].words[${j}]`,
          message: `"${g.words[j]}" は groups[${owner.get(w)}] にもあります（語は一つのグループにだけ書いてください）`,
        });
      else owner.set(w, i);
    });
    if (new Set(normal.filter(Boolean)).size < 2)
      problems.push({
        field: `groups[${i}].words`,
        message: '検索上は同じ語になります（ひらがな・カタカナ、全角・半角の違いは言い換え不要です）',
      });
  });
  return problems;
}

/**
 * Problems of content/search-synonyms.yaml (`data` as parsed from YAML; the
 * file is optional) against the entries: schema, then each group's category
 * and service must exist in content/.
 */
export function validateSearchSynonyms(file: string, data: unknown, entries: RawEntry[]): Problem[] {
  const result = searchSynonymsSchema(idRef).safeParse(data);
  if (!result.success) return result.error.issues.flatMap((issue) => issueProblems(file, issue));
  const of = (c: CollectionName) => entries.filter((e) => e.collection === c);
  const texts = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const services = [
    ...of('coops').flatMap(({ data }) => {
      const d = (data ?? {}) as { business?: unknown; services?: Array<{ group?: unknown; items?: unknown }> };
      return [
        ...texts(d.business),
        ...(Array.isArray(d.services) ? d.services.flatMap((g) => [...texts([g.group]), ...texts(g.items)]) : []),
      ];
    }),
    ...of('contracts').flatMap(({ data }) => {
      const d = (data ?? {}) as { programme?: unknown; services?: unknown };
      return [...texts([d.programme]), ...texts(d.services)];
    }),
  ];
  const categories = new Set(of('categories').map((e) => e.id));
  return synonymProblems(result.data, { categories, services }).map((p) => ({ file, ...p }));
}
