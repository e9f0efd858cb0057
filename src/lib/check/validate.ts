/**
 * The data check: every rule a content entry must meet, over plain entries
 * read from files. It returns every problem at once, each naming the file
 * and the field, so an editor can fix a whole batch in one go.
 */
import type { z } from 'astro/zod';
import {
  COLLECTION_NAMES,
  idProblem,
  idRef,
  schemasFor,
  searchSynonymsSchema,
  type CollectionName,
} from '../model/schemas/index.ts';
import { declaredFields, type FieldRule } from '../model/schema-fields.ts';
import { synonymProblems, type SearchSynonyms } from '../../search/synonyms.ts';
import { fiscalYearOf, isFuture, latestDay } from '../model/dates.ts';
import { isNationalBodyId, prefectureCodeOf } from '../model/lgcode.ts';
import { nationalCountProblems } from './national-counts.ts';
import type { NationalCount } from '../model/types.ts';
import { guideBodyProblems } from './guide-body.ts';
import { stringsIn, textProblem } from './text-hygiene.ts';
import { distanceKm, distanceToShapeKm, type MultiPolygon } from '../places/geometry.ts';
import type { OfficialBody } from '../places/official-bodies.ts';

/**
 * Reference data the plausibility rules compare content with: the official
 * code list (names, kinds, representative points) and the prefecture
 * outlines, keyed by 2-digit prefecture number ("01"–"47").
 */
export interface CheckContext {
  officialBodies: ReadonlyMap<string, OfficialBody>;
  outlines: ReadonlyMap<string, MultiPolygon>;
}

/** The day the Workers Co-operative Act took effect: no 労働者協同組合 can be registered before it. */
export const ACT_IN_FORCE = '2022-10-01';

/** Legal forms that exist only under the Act. */
const ACT_LEGAL_FORMS = new Set(['労働者協同組合', '特定労働者協同組合', '労働者協同組合連合会']);

/** How far a point may lie outside its prefecture's simplified outline (coastline simplification, small islands). */
export const OUTLINE_TOLERANCE_KM = 10;

/** How far an organisation's point may lie from its municipality's representative point (the largest municipalities span about 80 km). */
export const MUNICIPALITY_RADIUS_KM = 60;

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
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Japanese names of the value types a schema expects. */
const TYPE_NAMES: Record<string, string> = {
  string: '文字列',
  number: '数値',
  int: '整数',
  boolean: 'true か false',
  array: '一覧（- で始まる行）',
  object: '項目の組（キー: 値）',
  date: '日付',
};

/** What kind of value a YAML file gave, in words. */
function typeNameOf(value: unknown): string {
  if (value === null) return '空の値（null）';
  if (Array.isArray(value)) return '一覧';
  if (value instanceof Date) return '日付';
  const t = typeof value;
  return t === 'string'
    ? `文字列 "${String(value).slice(0, 40)}"`
    : t === 'number'
      ? `数値 ${String(value)}`
      : t === 'boolean'
        ? `真偽値 ${String(value)}`
        : t === 'object'
          ? '項目の組'
          : t;
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
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return [{ file, field: base || '(entry)', message: '必須のフィールドがありません' }];
    return [
      {
        file,
        field: base || '(entry)',
        message: `${TYPE_NAMES[issue.expected] ?? issue.expected}を書いてください（${typeNameOf(issue.input)}が書かれています）`,
      },
    ];
  }
  return [{ file, field: base || '(entry)', message: issue.message }];
}

/** Every problem in a set of entries; an empty array means the content is sound. */
export function validateEntries(entries: RawEntry[], today: string, context?: CheckContext): Problem[] {
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

  // Duplicate names. Public bodies are left out: their code is their identity, and the official
  // list itself repeats names, even within one prefecture (北海道 has two 泊村: 014036 and 016969).
  const names = new Map<string, RawEntry>();
  for (const { entry, data } of parsed) {
    const field = NAME_FIELD[entry.collection];
    if (!field) continue;
    const key = `${entry.collection}\u0000${String(data[field])}`;
    const twin = names.get(key);
    if (twin)
      problems.push({
        file: entry.file,
        field,
        message: `名前 "${String(data[field])}" が ${twin.file} と重複しています`,
      });
    else names.set(key, entry);
  }

  // One 法人番号 belongs to one organisation.
  const numbers = new Map<string, RawEntry>();
  for (const { entry, data } of parsed) {
    if (entry.collection !== 'coops' || typeof data.corporateNumber !== 'string') continue;
    const twin = numbers.get(data.corporateNumber);
    if (twin)
      problems.push({
        file: entry.file,
        field: 'corporateNumber',
        message: `法人番号 ${data.corporateNumber} が ${twin.file} と重複しています`,
      });
    else numbers.set(data.corporateNumber, entry);
  }

  // References, dates and rules that span entries. Which fields are references or past dates, the schemas say.
  const declared = Object.fromEntries(
    COLLECTION_NAMES.map((c) => [c, declaredFields(schemas[c] as z.ZodType)]),
  ) as Record<CollectionName, Array<[string, FieldRule]>>;
  const parsedById = new Map(parsed.map((p) => [`${p.entry.collection}/${p.entry.id}`, p]));
  const byId = (c: CollectionName, id: string) => parsedById.get(`${c}/${id}`);
  for (const { entry, data } of parsed) {
    for (const [path, rule] of declared[entry.collection]) {
      for (const [field, value] of valuesAt(data, path)) {
        if (rule.ref !== undefined && (typeof value !== 'string' || !ids.get(rule.ref)!.has(value))) {
          problems.push({
            file: entry.file,
            field,
            message: `${rule.ref} に "${String(value)}" という id のエントリがありません`,
          });
        }
        if (rule.past && typeof value === 'string' && isFuture(value, today)) {
          problems.push({ file: entry.file, field, message: `日付 ${value} は未来の日付です（今日は ${today}）` });
        }
      }
    }
    problems.push(...ruleProblems(entry, data, byId));
    if (entry.collection === 'nationalCounts') {
      for (const p of nationalCountProblems(entry.id, data as unknown as NationalCount))
        problems.push({ file: entry.file, ...p });
    }
    const sourcesCount = Array.isArray(data.sources) ? data.sources.length : 0;
    for (const [field, index] of sourceIndexesIn({ ...data, sources: undefined })) {
      if (index >= sourcesCount)
        problems.push({
          file: entry.file,
          field,
          message: `sources[${index}] はありません（出典は ${sourcesCount} 件）`,
        });
    }
    problems.push(...modelProjectProblems(entry, data, today, entries));
  }
  for (const entry of entries) {
    if (entry.body === undefined) continue;
    const sources = (entry.data as { sources?: unknown } | null)?.sources;
    const sourceCount = Array.isArray(sources) ? sources.length : undefined;
    for (const p of guideBodyProblems(entry.body, { sourceCount, startLine: entry.bodyStartLine })) {
      problems.push({ file: entry.file, field: `(本文 ${p.line}行目)`, message: p.message });
    }
    entry.body.split(/\r?\n/).forEach((line, i) => {
      const problem = textProblem(line);
      if (problem && !problem.startsWith('見える文字'))
        problems.push({ file: entry.file, field: `(本文 ${(entry.bodyStartLine ?? 1) + i}行目)`, message: problem });
    });
  }
  if (context) problems.push(...plausibilityProblems(parsed, context));
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
  return synonymProblems(result.data as SearchSynonyms, { categories, services }).map((p) => ({ file, ...p }));
}

/** A point as [lng, lat], when the value is a location. */
function pointOf(value: unknown): [number, number] | undefined {
  const v = value as { lat?: unknown; lng?: unknown } | undefined;
  return typeof v?.lat === 'number' && typeof v.lng === 'number' ? [v.lng, v.lat] : undefined;
}

/**
 * Rules that compare content with the official code list and the map:
 * a public body's code exists and its name, kind, prefecture and parent
 * agree with the list; every point lies on Japan's land, inside (or within
 * a few km of) its own prefecture, and an organisation's point near its
 * municipality.
 */
export function plausibilityProblems(
  parsed: ReadonlyArray<{ entry: RawEntry; data: Record<string, unknown> }>,
  context: CheckContext,
): Problem[] {
  const out: Problem[] = [];
  const bodies = new Map(
    parsed.filter((p) => p.entry.collection === 'municipalities').map((p) => [p.entry.id, p.data]),
  );
  const prefectureNumberOf = (code: string) => code.slice(0, 2);
  const checkPoint = (entry: RawEntry, field: string, point: [number, number], prefecture: string | undefined) => {
    let nearest = Infinity;
    let nearestPref = '';
    for (const [code, shape] of context.outlines) {
      const d = distanceToShapeKm(point, shape);
      if (d < nearest) [nearest, nearestPref] = [d, code];
    }
    if (nearest > OUTLINE_TOLERANCE_KM) {
      out.push({
        file: entry.file,
        field,
        message: `座標（北緯${point[1]}・東経${point[0]}）は日本の陸地から約${Math.round(nearest)}km 離れています。緯度と経度を確認してください`,
      });
      return;
    }
    if (prefecture === undefined) return;
    const own = context.outlines.get(prefectureNumberOf(prefecture));
    const d = own ? distanceToShapeKm(point, own) : 0;
    if (d > OUTLINE_TOLERANCE_KM) {
      const there = context.officialBodies.get(prefectureCodeOf(`${nearestPref}0000`));
      out.push({
        file: entry.file,
        field,
        message: `座標は ${context.officialBodies.get(prefecture)?.name ?? prefecture} の外（約${Math.round(d)}km 離れた${there ? `、${there.name}の中` : ''}）です`,
      });
    }
  };
  for (const { entry, data } of parsed) {
    if (entry.collection === 'municipalities' && /^\d{6}$/.test(entry.id)) {
      const official = context.officialBodies.get(entry.id);
      if (!official) {
        out.push({
          file: entry.file,
          field: '(id: ファイル名)',
          message: `コード ${entry.id} は総務省の全国地方公共団体コードにありません（検査数字は合っていますが、存在しない団体です）`,
        });
        continue;
      }
      if (data.name !== official.name)
        out.push({
          file: entry.file,
          field: 'name',
          message: `コード ${entry.id} の団体は「${official.name}」です（「${String(data.name)}」と書かれています）`,
        });
      if (data.reading !== undefined && data.reading !== official.reading)
        out.push({
          file: entry.file,
          field: 'reading',
          message: `${official.name}のよみは「${official.reading}」です（総務省のコード表）`,
        });
      if (data.kind !== official.kind)
        out.push({ file: entry.file, field: 'kind', message: `${official.name}の種類は ${official.kind} です` });
      if (official.parent !== undefined && data.parent !== official.parent)
        out.push({
          file: entry.file,
          field: 'parent',
          message: `${official.name}は ${context.officialBodies.get(official.parent)?.name ?? official.parent}（${official.parent}）の区です`,
        });
      const point = pointOf(data.location);
      // The package's own point (merged into every generated body, src/lib/places/places.ts) is the reference, not an editor's input:
      // the simplified outlines miss small islands and enclaves, so only a point written by hand is checked against them.
      const isPackagePoint =
        point !== undefined &&
        official.point !== undefined &&
        official.point.lng === point[0] &&
        official.point.lat === point[1];
      if (point && !isPackagePoint) checkPoint(entry, 'location', point, official.prefecture);
    }
    if (entry.collection === 'coops') {
      const point = pointOf(data.location);
      if (!point) continue;
      const municipality = typeof data.municipality === 'string' ? data.municipality : undefined;
      const prefecture =
        typeof data.prefecture === 'string'
          ? data.prefecture
          : municipality && /^\d{6}$/.test(municipality)
            ? prefectureCodeOf(municipality)
            : undefined;
      checkPoint(entry, 'location', point, prefecture);
      const center = municipality
        ? (pointOf(bodies.get(municipality)?.location) ??
          (() => {
            const p = context.officialBodies.get(municipality)?.point;
            return p ? ([p.lng, p.lat] as [number, number]) : undefined;
          })())
        : undefined;
      if (center) {
        const d = distanceKm(point, center);
        if (d > MUNICIPALITY_RADIUS_KM)
          out.push({
            file: entry.file,
            field: 'location',
            message: `座標が市区町村 ${context.officialBodies.get(municipality!)?.name ?? municipality} の代表点から約${Math.round(d)}km 離れています（${MUNICIPALITY_RADIUS_KM}km まで）。座標か municipality を確認してください`,
          });
      }
    }
  }
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
function modelProjectProblems(
  entry: RawEntry,
  data: Record<string, unknown>,
  today: string,
  entries: RawEntry[],
): Problem[] {
  if (entry.collection !== 'councils' && entry.collection !== 'programmes') return [];
  const out: Problem[] = [];
  const add = (field: string, message: string) => out.push({ file: entry.file, field, message });
  const period = (field: string, from: unknown, to: unknown) => {
    if (typeof from === 'string' && typeof to === 'string' && latestDay(to) < latestDay(from))
      add(field, `終了 ${to} が開始 ${from} より前です`);
  };
  if (entry.collection === 'programmes') {
    const fy = data.fiscalYears as { from: number; to: number };
    if (fy.to < fy.from) add('fiscalYears.to', `終了年度 ${fy.to} が開始年度 ${fy.from} より前です`);
    // Counted from the files as written, so a council with an unrelated mistake does not also fail its programme.
    const councils = entries.filter(
      (e) => e.collection === 'councils' && (e.data as { programme?: unknown } | null)?.programme === entry.id,
    ).length;
    const selected = (data.selection as { councils: number }).councils;
    if (councils !== selected)
      add(
        'selection.councils',
        `採択数 ${selected} と、programme: ${entry.id} を持つ協議会の数 ${councils} が一致しません`,
      );
    ((data.events ?? []) as Array<{ date: string; status: string }>).forEach((e, i) => {
      if (e.status !== 'planned' && isFuture(e.date, today))
        add(`events[${i}].date`, `日付 ${e.date} は未来の日付です（予定なら status: planned）`);
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
  type Activity = {
    id: string;
    status: string;
    fiscalYear?: number;
    date?: string;
    from?: string;
    to?: string;
    attendance?: { participants?: number };
    figures?: unknown[];
  };
  ((data.activities ?? []) as Activity[]).forEach((a, i) => {
    const at = (f: string) => `activities[${i}].${f}`;
    if (ids.has(a.id)) add(at('id'), `活動の id "${a.id}" が重複しています`);
    ids.add(a.id);
    if (a.date !== undefined && (a.from !== undefined || a.to !== undefined))
      add(at('date'), 'date（1日の催し）と from/to（期間）は同時に指定できません');
    period(at('to'), a.from, a.to);
    if (a.date !== undefined && a.status !== 'planned' && isFuture(a.date, today))
      add(at('date'), `日付 ${a.date} は未来の日付です（予定なら status: planned）`);
    if (a.status === 'planned' && a.attendance?.participants !== undefined)
      add(at('attendance.participants'), '予定の活動に参加者数は書けません');
    if (a.status === 'planned' && a.figures?.length) add(at('figures'), '予定の活動に実績の数値は書けません');
    const start = a.date ?? a.from;
    const fy = start !== undefined ? fiscalYearOf(start) : undefined;
    if (a.fiscalYear !== undefined && fy !== undefined && fy !== a.fiscalYear) {
      add(
        at(a.date !== undefined ? 'date' : 'from'),
        `${start} は ${fy}年度で、fiscalYear ${a.fiscalYear} と合いません（年度は4月始まり）`,
      );
    }
  });
  return out;
}

/**
 * The dates that mean one thing (創立総会, 設立登記, 組織変更), the 法人番号 and
 * the registry-only drafts: rules a single organisation must meet.
 */
export function coopRegistryProblems(entry: RawEntry, data: Record<string, unknown>): Problem[] {
  const out: Problem[] = [];
  const add = (field: string, message: string) => out.push({ file: entry.file, field, message });
  const registryOnly = data.registryOnly === true;
  if (!registryOnly && (!Array.isArray(data.categories) || data.categories.length === 0)) {
    add('categories', 'categories（分野）を一つ以上指定してください（登記情報だけの下書き registryOnly: true を除く）');
  }
  if (registryOnly && data.corporateNumber === undefined)
    add('corporateNumber', '登記情報のみの下書き（registryOnly: true）には corporateNumber が必要です');
  if (registryOnly && data.registry === undefined)
    add('registry', '登記情報のみの下書き（registryOnly: true）には registry（法人番号公表サイトの情報）が必要です');
  if (data.registry !== undefined && data.corporateNumber === undefined)
    add('corporateNumber', 'registry があるときは corporateNumber が必要です');
  const day = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const registered = day(data.registered);
  const converted = day(data.converted);
  const meeting = day(data.foundingMeeting);
  if (typeof data.legalForm === 'string' && ACT_LEGAL_FORMS.has(data.legalForm)) {
    for (const [field, v] of [
      ['registered', registered],
      ['converted', converted],
      ['established', day(data.established)],
    ] as const) {
      if (v !== undefined && latestDay(v) < ACT_IN_FORCE)
        add(
          field,
          `${v} は労働者協同組合法の施行（${ACT_IN_FORCE}）より前です（労協になる前の発足は founded に書きます）`,
        );
    }
  }
  const origin = data.origin as string | undefined;
  if (origin === 'new' && converted !== undefined)
    add('converted', '新規設立（origin: new）の組合に組織変更の日 converted は書けません');
  if (origin?.startsWith('converted-') && registered !== undefined)
    add(
      'registered',
      '組織変更した組合（origin: converted-…）の労協としての日付は registered ではなく converted に書きます',
    );
  if (registered !== undefined && converted !== undefined)
    add('converted', 'registered（新規設立の登記）と converted（組織変更）は同時に書けません');
  if (
    meeting !== undefined &&
    registered !== undefined &&
    meeting.length === 10 &&
    registered.length === 10 &&
    registered < meeting
  ) {
    add('foundingMeeting', `創立総会 ${meeting} が設立登記 ${registered} より後です`);
  }
  const dissolved = data.dissolved as { date?: string } | undefined;
  const start = registered ?? converted;
  if (
    dissolved?.date !== undefined &&
    start !== undefined &&
    dissolved.date.length === 10 &&
    start.length === 10 &&
    dissolved.date < start
  ) {
    add('dissolved.date', `解散 ${dissolved.date} が ${registered ? '設立登記' : '組織変更'} ${start} より前です`);
  }
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
    if (windows.length > 0 && kind !== '都道府県' && kind !== '国')
      add('windows', '窓口（windows）は都道府県と国の機関にだけ書けます');
    if (windows.length > 1) add('windows[1]', `窓口は一つだけにしてください（${windows.length} 件あります）`);
    if (isNationalBodyId(entry.id)) {
      if (kind !== '国') add('kind', `国の機関の id "${entry.id}" には kind: 国 を指定してください`);
    } else if (kind === '国') {
      add('kind', '地方公共団体コードを id に持つエントリに kind: 国 は指定できません');
    } else if (kind === '都道府県') {
      if (prefectureCodeOf(entry.id) !== entry.id) add('kind', `コード ${entry.id} は都道府県のコードではありません`);
    } else if (/^\d{6}$/.test(entry.id)) {
      const pref = prefectureCodeOf(entry.id);
      if (data.prefecture === undefined) add('prefecture', `市区町村には prefecture（${pref}）が必要です`);
      else if (data.prefecture !== pref)
        add(
          'prefecture',
          `コード ${entry.id} の都道府県は ${pref} ですが ${String(data.prefecture)} が指定されています`,
        );
    }
  }
  if (entry.collection === 'coops') {
    const kind = data.kind as string;
    if ((kind === 'hq' || kind === 'site') && data.parent === undefined)
      add('parent', '事業本部・事業所には parent（上位の組織）が必要です');
    if (kind !== 'site' && data.legalForm === undefined)
      add('legalForm', '法人格 legalForm が必要です（不明なら 未確認）');
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
    if (
      typeof data.municipality === 'string' &&
      typeof data.prefecture === 'string' &&
      /^\d{6}$/.test(data.municipality)
    ) {
      const expected = prefectureCodeOf(data.municipality);
      if (expected !== data.prefecture)
        add(
          'prefecture',
          `municipality ${data.municipality} は都道府県 ${expected} に属しますが prefecture は ${data.prefecture} です`,
        );
    }
    if (typeof data.prefecture === 'string') {
      const pref = byId('municipalities', data.prefecture);
      if (pref && pref.data.kind !== '都道府県') add('prefecture', `${data.prefecture} は都道府県ではありません`);
    }
    if (typeof data.municipality === 'string') {
      const m = byId('municipalities', data.municipality);
      if (m && (m.data.kind === '都道府県' || m.data.kind === '国'))
        add('municipality', `${data.municipality} は市区町村ではありません（都道府県は prefecture に書きます）`);
    }
    valuesAt(data, 'areaCodes.prefectures[]').forEach(([field, v]) => {
      const p = typeof v === 'string' ? byId('municipalities', v) : undefined;
      if (p && p.data.kind !== '都道府県')
        add(field, `${String(v)} は都道府県ではありません（市区町村は areaCodes.municipalities に書きます）`);
    });
    valuesAt(data, 'areaCodes.municipalities[]').forEach(([field, v]) => {
      const m = typeof v === 'string' ? byId('municipalities', v) : undefined;
      if (m && (m.data.kind === '都道府県' || m.data.kind === '国'))
        add(field, `${String(v)} は市区町村ではありません（都道府県は areaCodes.prefectures に書きます）`);
    });
    out.push(...coopRegistryProblems(entry, data));
  }
  if (entry.collection === 'contracts') {
    if (typeof data.from === 'string' && typeof data.to === 'string' && latestDay(data.to) < latestDay(data.from)) {
      add('to', `終了 ${data.to} が開始 ${data.from} より前です`);
    }
    const fy = data.fiscalYears as { from?: unknown; to?: unknown } | undefined;
    if (fy && typeof fy.from === 'number' && typeof fy.to === 'number' && fy.to < fy.from) {
      add('fiscalYears.to', `最後の年度 ${fy.to} が最初の年度 ${fy.from} より前です`);
    }
    if ((data.from !== undefined || data.to !== undefined) && fy !== undefined) {
      add('fiscalYears', '期間は from/to か fiscalYears のどちらか一方で書いてください');
    }
  }
  return out;
}
