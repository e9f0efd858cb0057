/**
 * The data check: every rule a content entry must meet, over plain entries
 * read from files. It returns every problem at once, each naming the file
 * and the field, so an editor can fix a whole batch in one go.
 */
import type { z } from 'astro/zod';
import { COLLECTION_NAMES, idProblem, idRef, schemasFor, type CollectionName } from './schema.ts';
import { fiscalYearOf, isFuture, latestDay } from './dates.ts';
import { isNationalBodyId, prefectureCodeOf } from './lgcode.ts';
import { nationalCountProblems } from './nationalCounts.ts';
import type { NationalCount } from './types.ts';

/** One file's entry before validation. */
export interface RawEntry {
  collection: CollectionName;
  id: string;
  /** Path of the file, relative to the repository root. */
  file: string;
  data: unknown;
  /** Markdown/MDX body (guides only). */
  body?: string;
  /** Line of the file where the body starts (1-based), for messages. */
  bodyStartLine?: number;
}

/** One thing wrong with the content. */
export interface Problem {
  file: string;
  field: string;
  message: string;
}

/** A parsed entry, as the checks below see it. */
interface Parsed {
  entry: RawEntry;
  data: Record<string, unknown>;
}

/** Which fields refer to which collection; `[]` steps into every element of an array. */
const REFERENCES: Record<CollectionName, Array<[path: string, target: CollectionName]>> = {
  coops: [
    ['parent', 'coops'],
    ['memberOf[]', 'coops'],
    ['prefecture', 'municipalities'],
    ['municipality', 'municipalities'],
    ['categories[]', 'categories'],
    ['services[].category', 'categories'],
    ['areaCodes.prefectures[]', 'municipalities'],
    ['areaCodes.municipalities[]', 'municipalities'],
  ],
  categories: [['parent', 'categories']],
  municipalities: [
    ['prefecture', 'municipalities'],
    ['parent', 'municipalities'],
  ],
  contracts: [
    ['commissioner', 'municipalities'],
    ['contractor', 'coops'],
    ['category', 'categories'],
  ],
  councils: [
    ['prefecture', 'municipalities'],
    ['programme', 'programmes'],
    ['members[].coop', 'coops'],
    ['members[].body', 'municipalities'],
    ['secretariat.coop', 'coops'],
    ['secretariat.body', 'municipalities'],
    ['windows[].operatorCoop', 'coops'],
    ['windows[].operatorBody', 'municipalities'],
    ['activities[].bodies[]', 'municipalities'],
    ['activities[].coops[]', 'coops'],
    ['prefectureCoops.items[].coop', 'coops'],
  ],
  programmes: [['ministry', 'municipalities']],
  guides: [],
  nationalCounts: [],
};

/** Keys whose values are dates that must not lie in the future (a contract's `to` may). */
const PAST_DATE_KEYS = new Set(['asOf', 'published', 'seen', 'founded', 'established', 'from', 'updated', 'servicesAsOf', 'membersAsOf']);

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

/** Values at a path such as `services[].category`, with the concrete path of each. */
export function valuesAt(data: unknown, path: string): Array<[string, unknown]> {
  const steps = path.split('.');
  let current: Array<[string, unknown]> = [['', data]];
  for (const step of steps) {
    const isArray = step.endsWith('[]');
    const key = isArray ? step.slice(0, -2) : step;
    const next: Array<[string, unknown]> = [];
    for (const [p, value] of current) {
      if (value === null || typeof value !== 'object') continue;
      const child = (value as Record<string, unknown>)[key];
      const childPath = p ? `${p}.${key}` : key;
      if (child === undefined) continue;
      if (isArray) {
        if (Array.isArray(child)) child.forEach((c, i) => next.push([`${childPath}[${i}]`, c]));
      } else {
        next.push([childPath, child]);
      }
    }
    current = next;
  }
  return current;
}

/** Formats a zod issue path as `sources[0].url`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

function issueProblems(file: string, issue: z.core.$ZodIssue): Problem[] {
  const base = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => ({
      file,
      field: base ? `${base}.${k}` : k,
      message: '定義されていないフィールドです（綴りを確認してください）',
    }));
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [{ file, field: base || '(entry)', message: '必須のフィールドがありません' }];
  }
  return [{ file, field: base || '(entry)', message: issue.message }];
}

function walkDates(value: unknown, path: string, visit: (path: string, key: string, v: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walkDates(v, `${path}[${i}]`, visit));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (typeof v === 'string' && PAST_DATE_KEYS.has(k)) visit(p, k, v);
      else walkDates(v, p, visit);
    }
  }
}

/** Every problem in a set of entries; an empty array means the content is sound. */
export function validateEntries(entries: RawEntry[], today: string): Problem[] {
  const problems: Problem[] = [];
  const schemas = schemasFor(idRef);
  const parsed: Parsed[] = [];
  const ids = new Map<CollectionName, Map<string, RawEntry>>(COLLECTION_NAMES.map((c) => [c, new Map()]));

  for (const entry of entries) {
    const idIssue = idProblem(entry.collection, entry.id);
    if (idIssue) problems.push({ file: entry.file, field: '(id: ファイル名)', message: idIssue });
    const seen = ids.get(entry.collection)!;
    const twin = seen.get(entry.id);
    if (twin) {
      problems.push({ file: entry.file, field: '(id: ファイル名)', message: `id "${entry.id}" が ${twin.file} と重複しています` });
    } else {
      seen.set(entry.id, entry);
    }
    const result = (schemas[entry.collection] as z.ZodType).safeParse(entry.data);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(...issueProblems(entry.file, issue));
      continue;
    }
    parsed.push({ entry, data: result.data as Record<string, unknown> });
  }

  // Duplicate names. Public bodies are left out: their code is their identity, and the official
  // list itself repeats names, even within one prefecture (北海道 has two 泊村: 014036 and 016969).
  const names = new Map<string, RawEntry>();
  for (const { entry, data } of parsed) {
    const field = NAME_FIELD[entry.collection];
    if (!field) continue;
    const key = `${entry.collection}\u0000${String(data[field])}`;
    const twin = names.get(key);
    if (twin) problems.push({ file: entry.file, field, message: `名前 "${String(data[field])}" が ${twin.file} と重複しています` });
    else names.set(key, entry);
  }

  // References, dates and rules that span entries.
  const parsedById = new Map(parsed.map((p) => [`${p.entry.collection}/${p.entry.id}`, p]));
  const byId = (c: CollectionName, id: string) => parsedById.get(`${c}/${id}`);
  for (const { entry, data } of parsed) {
    for (const [path, target] of REFERENCES[entry.collection]) {
      for (const [field, value] of valuesAt(data, path)) {
        const id = typeof value === 'string' ? value : undefined;
        if (id === undefined || !ids.get(target)!.has(id)) {
          problems.push({ file: entry.file, field, message: `${target} に "${String(value)}" という id のエントリがありません` });
        }
      }
    }
    walkDates(data, '', (field, _key, value) => {
      if (isFuture(value, today)) problems.push({ file: entry.file, field, message: `日付 ${value} は未来の日付です（今日は ${today}）` });
    });
    problems.push(...ruleProblems(entry, data, byId));
    if (entry.collection === 'nationalCounts') {
      for (const p of nationalCountProblems(entry.id, data as unknown as NationalCount)) problems.push({ file: entry.file, ...p });
    }
    problems.push(...modelProjectProblems(entry, data, today, parsed));
  }
  for (const entry of entries) {
    if (entry.body !== undefined) problems.push(...bodyProblems(entry.body, entry.bodyStartLine).map((p) => ({ file: entry.file, ...p })));
  }
  return problems;
}

/** Elements that must never come from content: they run code, load other origins or change the page's behaviour. */
const FORBIDDEN_ELEMENTS = /<\s*(script|style|iframe|frame|object|embed|form|input|button|link|meta|base|svg|math|template)\b/i;
const EVENT_HANDLER = /<[^>]*\son[a-z]+\s*=/i;
const URL_IN_MARKUP = /\b(?:href|src|action|formaction|poster|data)\s*=\s*["'{]?\s*([^"'\s}>]+)/gi;
const MARKDOWN_LINK = /\]\(\s*<?([^)\s>]+)/g;

/** Only http(s), mailto and tel URLs, and paths or fragments within the site. */
export function isAllowedContentUrl(url: string): boolean {
  if (/^(https?:\/\/|mailto:|tel:)/i.test(url)) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(url.replace(/[\u0000-\u0020]/g, ''));
}

/**
 * Raw HTML in a guide's Markdown/MDX body is rejected, except harmless
 * formatting: no scripts, styles, frames, forms, event handlers, imports
 * from outside src/components/, or URLs other than http(s)/mailto/tel.
 */
export function bodyProblems(body: string, startLine = 1): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  body.split('\n').forEach((line, i) => {
    const field = `(本文 ${startLine + i}行目)`;
    if (FORBIDDEN_ELEMENTS.test(line)) out.push({ field, message: `本文に使えない HTML 要素があります: ${line.trim().slice(0, 60)}` });
    if (EVENT_HANDLER.test(line)) out.push({ field, message: 'on… のイベント属性は使えません' });
    if (/dangerouslySetInnerHTML|\{\s*@html/.test(line)) out.push({ field, message: '生の HTML を差し込む構文は使えません' });
    if (/^\s*export\s/.test(line)) out.push({ field, message: 'MDX の export 文は使えません' });
    const imp = /^\s*import\s.*from\s+["']([^"']+)["']/.exec(line);
    if (imp && !/^(\.\.\/)+src\/components\/[A-Za-z0-9]+\.astro$/.test(imp[1]!)) out.push({ field, message: `import は src/components/ のコンポーネントだけにしてください（${imp[1]}）` });
    for (const m of [...line.matchAll(URL_IN_MARKUP), ...line.matchAll(MARKDOWN_LINK)]) {
      if (!isAllowedContentUrl(m[1]!)) out.push({ field, message: `URL "${m[1]}" は使えません（http(s)・mailto・tel のみ）` });
    }
  });
  return out;
}

/** Every numeric `source` / `…Source` index inside an entry, with its field path. */
export function sourceIndexesIn(value: unknown, path = ''): Array<[string, number]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => sourceIndexesIn(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const p = path ? `${path}.${k}` : k;
    if (typeof v === 'number' && (k === 'source' || k.endsWith('Source'))) return [[p, v] as [string, number]];
    return sourceIndexesIn(v, p);
  });
}

/**
 * Rules for the model project (councils and the national programme): every
 * source index exists, activity ids are unique, dates agree with their fiscal
 * year and status, periods run forwards, the number of selected councils
 * matches the councils that name the programme.
 */
function modelProjectProblems(entry: RawEntry, data: Record<string, unknown>, today: string, parsed: Parsed[]): Problem[] {
  if (entry.collection !== 'councils' && entry.collection !== 'programmes') return [];
  const out: Problem[] = [];
  const add = (field: string, message: string) => out.push({ file: entry.file, field, message });
  const sourcesCount = Array.isArray(data.sources) ? data.sources.length : 0;
  for (const [field, index] of sourceIndexesIn({ ...data, sources: undefined })) {
    if (index >= sourcesCount) add(field, `sources[${index}] はありません（出典は ${sourcesCount} 件）`);
  }
  const period = (field: string, from: unknown, to: unknown) => {
    if (typeof from === 'string' && typeof to === 'string' && latestDay(to) < latestDay(from)) add(field, `終了 ${to} が開始 ${from} より前です`);
  };
  if (entry.collection === 'programmes') {
    const fy = data.fiscalYears as { from: number; to: number };
    if (fy.to < fy.from) add('fiscalYears.to', `終了年度 ${fy.to} が開始年度 ${fy.from} より前です`);
    const councils = parsed.filter((p) => p.entry.collection === 'councils' && p.data.programme === entry.id).length;
    const selected = (data.selection as { councils: number }).councils;
    if (councils !== selected) add('selection.councils', `採択数 ${selected} と、programme: ${entry.id} を持つ協議会の数 ${councils} が一致しません`);
    ((data.events ?? []) as Array<{ date: string; status: string }>).forEach((e, i) => {
      if (e.status !== 'planned' && isFuture(e.date, today)) add(`events[${i}].date`, `日付 ${e.date} は未来の日付です（予定なら status: planned）`);
    });
    return out;
  }
  const p = data.period as { from: string; to: string } | undefined;
  if (p) period('period.to', p.from, p.to);
  ((data.members ?? []) as Array<{ coop?: string; body?: string }>).forEach((m, i) => {
    if (m.coop !== undefined && m.body !== undefined) add(`members[${i}]`, 'coop と body は同時に指定できません');
  });
  const years = new Set<number>();
  ((data.plans ?? []) as Array<{ fiscalYear: number }>).forEach((plan, i) => {
    if (years.has(plan.fiscalYear)) add(`plans[${i}].fiscalYear`, `${plan.fiscalYear}年度の計画が重複しています`);
    years.add(plan.fiscalYear);
  });
  const ids = new Set<string>();
  type Activity = { id: string; status: string; fiscalYear?: number; date?: string; from?: string; to?: string; attendance?: { participants?: number }; figures?: unknown[] };
  ((data.activities ?? []) as Activity[]).forEach((a, i) => {
    const at = (f: string) => `activities[${i}].${f}`;
    if (ids.has(a.id)) add(at('id'), `活動の id "${a.id}" が重複しています`);
    ids.add(a.id);
    if (a.date !== undefined && (a.from !== undefined || a.to !== undefined)) add(at('date'), 'date（1日の催し）と from/to（期間）は同時に指定できません');
    period(at('to'), a.from, a.to);
    if (a.date !== undefined && a.status !== 'planned' && isFuture(a.date, today)) add(at('date'), `日付 ${a.date} は未来の日付です（予定なら status: planned）`);
    if (a.status === 'planned' && a.attendance?.participants !== undefined) add(at('attendance.participants'), '予定の活動に参加者数は書けません');
    if (a.status === 'planned' && a.figures?.length) add(at('figures'), '予定の活動に実績の数値は書けません');
    const start = a.date ?? a.from;
    const fy = start !== undefined ? fiscalYearOf(start) : undefined;
    if (a.fiscalYear !== undefined && fy !== undefined && fy !== a.fiscalYear) {
      add(at(a.date !== undefined ? 'date' : 'from'), `${start} は ${fy}年度で、fiscalYear ${a.fiscalYear} と合いません（年度は4月始まり）`);
    }
  });
  return out;
}

function ruleProblems(
  entry: RawEntry,
  data: Record<string, unknown>,
  byId: (c: CollectionName, id: string) => Parsed | undefined,
): Problem[] {
  const out: Problem[] = [];
  const add = (field: string, message: string) => out.push({ file: entry.file, field, message });
  if (entry.collection === 'municipalities') {
    const kind = data.kind as string;
    const windows = (data.windows ?? []) as Array<{ source: number }>;
    if (windows.length > 0 && kind !== '都道府県' && kind !== '国') add('windows', '窓口（windows）は都道府県と国の機関にだけ書けます');
    if (windows.length > 1) add('windows[1]', `窓口は一つだけにしてください（${windows.length} 件あります）`);
    const sourcesCount = Array.isArray(data.sources) ? data.sources.length : 0;
    windows.forEach((w, i) => {
      if (w.source >= sourcesCount) add(`windows[${i}].source`, `sources[${w.source}] はありません（出典は ${sourcesCount} 件）`);
    });
    if (isNationalBodyId(entry.id)) {
      if (kind !== '国') add('kind', `国の機関の id "${entry.id}" には kind: 国 を指定してください`);
    } else if (kind === '国') {
      add('kind', '地方公共団体コードを id に持つエントリに kind: 国 は指定できません');
    } else if (kind === '都道府県') {
      if (prefectureCodeOf(entry.id) !== entry.id) add('kind', `コード ${entry.id} は都道府県のコードではありません`);
    } else if (/^\d{6}$/.test(entry.id)) {
      const pref = prefectureCodeOf(entry.id);
      if (data.prefecture === undefined) add('prefecture', `市区町村には prefecture（${pref}）が必要です`);
      else if (data.prefecture !== pref) add('prefecture', `コード ${entry.id} の都道府県は ${pref} ですが ${String(data.prefecture)} が指定されています`);
    }
  }
  if (entry.collection === 'coops') {
    const kind = data.kind as string;
    if ((kind === 'hq' || kind === 'site') && data.parent === undefined) add('parent', '事業本部・事業所には parent（上位の組織）が必要です');
    if (kind !== 'site' && data.legalForm === undefined) add('legalForm', '法人格 legalForm が必要です（不明なら 未確認）');
    if (data.parent === entry.id) add('parent', '自分自身を parent にはできません');
    // A chain of parents must end (no cycles).
    const chain = new Set([entry.id]);
    let cursor = data.parent as string | undefined;
    while (cursor !== undefined) {
      if (chain.has(cursor)) {
        add('parent', `parent をたどると循環しています（${[...chain].join(' → ')} → ${cursor}）`);
        break;
      }
      chain.add(cursor);
      cursor = byId('coops', cursor)?.data.parent as string | undefined;
    }
    if (typeof data.municipality === 'string' && typeof data.prefecture === 'string' && /^\d{6}$/.test(data.municipality)) {
      const expected = prefectureCodeOf(data.municipality);
      if (expected !== data.prefecture) add('prefecture', `municipality ${data.municipality} は都道府県 ${expected} に属しますが prefecture は ${data.prefecture} です`);
    }
    if (typeof data.prefecture === 'string') {
      const pref = byId('municipalities', data.prefecture);
      if (pref && pref.data.kind !== '都道府県') add('prefecture', `${data.prefecture} は都道府県ではありません`);
    }
    if (typeof data.municipality === 'string') {
      const m = byId('municipalities', data.municipality);
      if (m && (m.data.kind === '都道府県' || m.data.kind === '国')) add('municipality', `${data.municipality} は市区町村ではありません（都道府県は prefecture に書きます）`);
    }
    const sourcesCount = Array.isArray(data.sources) ? data.sources.length : 0;
    valuesAt(data, 'areaCodes.source').forEach(([field, v]) => {
      if (typeof v === 'number' && v >= sourcesCount) add(field, `sources[${v}] はありません（出典は ${sourcesCount} 件）`);
    });
    valuesAt(data, 'areaCodes.prefectures[]').forEach(([field, v]) => {
      const p = typeof v === 'string' ? byId('municipalities', v) : undefined;
      if (p && p.data.kind !== '都道府県') add(field, `${String(v)} は都道府県ではありません（市区町村は areaCodes.municipalities に書きます）`);
    });
    valuesAt(data, 'areaCodes.municipalities[]').forEach(([field, v]) => {
      const m = typeof v === 'string' ? byId('municipalities', v) : undefined;
      if (m && (m.data.kind === '都道府県' || m.data.kind === '国')) add(field, `${String(v)} は市区町村ではありません（都道府県は areaCodes.prefectures に書きます）`);
    });
    valuesAt(data, 'figures[].source').forEach(([field, v]) => {
      if (typeof v === 'number' && v >= sourcesCount) add(field, `sources[${v}] はありません（出典は ${sourcesCount} 件）`);
    });
  }
  if (entry.collection === 'contracts') {
    if (typeof data.from === 'string' && typeof data.to === 'string' && latestDay(data.to) < latestDay(data.from)) {
      add('to', `終了 ${data.to} が開始 ${data.from} より前です`);
    }
  }
  return out;
}
