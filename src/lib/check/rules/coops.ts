/**
 * Rules an organisation must meet beyond its schema: where it sits in the
 * tree of organisations and of places, and the dates that mean one thing
 * (創立総会, 設立登記, 組織変更), the 法人番号 and the registry-only drafts.
 */
import { ACT_IN_FORCE, latestDay } from '../../model/dates.ts';
import { prefectureCodeOf } from '../../places/lgcode.ts';
import { valuesAt } from '../paths.ts';
import { problemList, type EntryRule, type Lookup, type Problem, type RawEntry } from '../types.ts';

/** Legal forms that exist only under the Act. */
const ACT_LEGAL_FORMS = new Set(['労働者協同組合', '特定労働者協同組合', '労働者協同組合連合会']);

/** A chain of parents that comes back to an organisation on it, as a message; undefined when the chain ends. */
function parentCycle(id: string, parent: string | undefined, byId: Lookup): string | undefined {
  const chain = new Set([id]);
  let cursor = parent;
  while (cursor !== undefined) {
    if (chain.has(cursor)) return `parent をたどると循環しています（${[...chain].join(' → ')} → ${cursor}）`;
    chain.add(cursor);
    cursor = byId('coops', cursor)?.data.parent as string | undefined;
  }
  return undefined;
}

/** Kind, parent and legal form: a HQ or site has a parent, everything but a site a legal form, no parent cycles. */
const treeRules: EntryRule = ({ entry, data, byId }) => {
  const { out, add } = problemList(entry.file);
  const kind = data.kind as string;
  if ((kind === 'hq' || kind === 'site') && data.parent === undefined)
    add('parent', '事業本部・事業所には parent（上位の組織）が必要です');
  if (kind !== 'site' && data.legalForm === undefined)
    add('legalForm', '法人格 legalForm が必要です（不明なら 未確認）');
  if (data.parent === entry.id) add('parent', '自分自身を parent にはできません');
  const cycle = parentCycle(entry.id, data.parent as string | undefined, byId);
  if (cycle) add('parent', cycle);
  return out;
};

/** prefecture and municipality agree and are of the right kind; so are the area codes. */
const placeRules: EntryRule = ({ entry, data, byId }) => {
  const { out, add } = problemList(entry.file);
  const kindOf = (id: unknown) => (typeof id === 'string' ? byId('municipalities', id)?.data.kind : undefined);
  const isLocal = (id: unknown) => {
    const kind = kindOf(id);
    return kind === undefined || (kind !== '都道府県' && kind !== '国');
  };
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
  if (typeof data.prefecture === 'string' && ![undefined, '都道府県'].includes(kindOf(data.prefecture) as string))
    add('prefecture', `${data.prefecture} は都道府県ではありません`);
  if (typeof data.municipality === 'string' && !isLocal(data.municipality))
    add('municipality', `${data.municipality} は市区町村ではありません（都道府県は prefecture に書きます）`);
  for (const [field, v] of valuesAt(data, 'areaCodes.prefectures[]')) {
    if (![undefined, '都道府県'].includes(kindOf(v) as string))
      add(field, `${String(v)} は都道府県ではありません（市区町村は areaCodes.municipalities に書きます）`);
  }
  for (const [field, v] of valuesAt(data, 'areaCodes.municipalities[]')) {
    if (!isLocal(v)) add(field, `${String(v)} は市区町村ではありません（都道府県は areaCodes.prefectures に書きます）`);
  }
  return out;
};

/** Categories unless a registry-only draft; a draft and a registry record carry their 法人番号. */
function draftProblems(file: string, data: Record<string, unknown>): Problem[] {
  const { out, add } = problemList(file);
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
  return out;
}

/** A date string, when the value is one. */
const day = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** A full day ('YYYY-MM-DD'), which alone can be ordered against another. */
const isDay = (v: string | undefined): v is string => v?.length === 10;

/** No date of becoming a worker co-op (registered, converted, established) before the Act took effect. */
function actDateProblems(file: string, data: Record<string, unknown>): Problem[] {
  const { out, add } = problemList(file);
  if (typeof data.legalForm !== 'string' || !ACT_LEGAL_FORMS.has(data.legalForm)) return out;
  for (const field of ['registered', 'converted', 'established'] as const) {
    const v = day(data[field]);
    if (v !== undefined && latestDay(v) < ACT_IN_FORCE)
      add(
        field,
        `${v} は労働者協同組合法の施行（${ACT_IN_FORCE}）より前です（労協になる前の発足は founded に書きます）`,
      );
  }
  return out;
}

/** How it became a co-op (origin) agrees with the date given: registered for a new one, converted for a conversion. */
function originProblems(file: string, data: Record<string, unknown>): Problem[] {
  const { out, add } = problemList(file);
  const registered = day(data.registered);
  const converted = day(data.converted);
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
  return out;
}

/** The founding meeting before registration, and dissolution after the start. */
function orderProblems(file: string, data: Record<string, unknown>): Problem[] {
  const { out, add } = problemList(file);
  const registered = day(data.registered);
  const meeting = day(data.foundingMeeting);
  if (isDay(meeting) && isDay(registered) && registered < meeting)
    add('foundingMeeting', `創立総会 ${meeting} が設立登記 ${registered} より後です`);
  const dissolved = (data.dissolved as { date?: string } | undefined)?.date;
  const start = registered ?? day(data.converted);
  if (isDay(dissolved) && isDay(start) && dissolved < start)
    add('dissolved.date', `解散 ${dissolved} が ${registered ? '設立登記' : '組織変更'} ${start} より前です`);
  return out;
}

/** The registry-only drafts' requirements and the dates of becoming a co-op, for one organisation. */
export function coopRegistryProblems(entry: RawEntry, data: Record<string, unknown>): Problem[] {
  return [
    ...draftProblems(entry.file, data),
    ...actDateProblems(entry.file, data),
    ...originProblems(entry.file, data),
    ...orderProblems(entry.file, data),
  ];
}

/** Every rule an organisation must meet beyond its schema. */
export const coopRules: EntryRule = (input) => [
  ...treeRules(input),
  ...placeRules(input),
  ...coopRegistryProblems(input.entry, input.data),
];
