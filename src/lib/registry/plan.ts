/**
 * What an import of corporate-number records changes in content/: a pure plan
 * (files to write and a summary) computed from the records and the entries we
 * have. Nothing is written here; scripts/lib/houjin-import.ts validates the
 * whole result with the data check and only then writes.
 *
 * Ownership: the importer owns `registry`, its own source (the number's page
 * on the site) and, on drafts it made (`registryOnly: true`), the name,
 * reading, place and dates. On an entry an editor researched it only fills
 * fields that are empty (dissolution, conversion date) and reports what an
 * editor should look at; it never overwrites hand-researched fields.
 */
import { isDeepStrictEqual } from 'node:util';
import { parseDocument, stringify } from 'yaml';
import { corporateNumberUrl } from '../model/corporate-number.ts';
import { CLOSE_CAUSE } from '../model/vocabularies.ts';
import {
  ACT_IN_FORCE,
  addressOf,
  classify,
  draftId,
  houjinSource,
  lgCodeOf,
  mentionsWorkerCoop,
  PROCESS_LABELS,
  readingFromFurigana,
  registryRecordOf,
  type HoujinRow,
} from './houjin.ts';

/** YAML output options: one style for every file the importer writes, so a second run finds nothing to change. */
export const YAML_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/** An organisation entry as it is on disk. */
export interface ExistingCoop {
  id: string;
  /** Path relative to the content folder, e.g. `coops/kifukuto.yaml`. */
  path: string;
  text: string;
  data: Record<string, unknown>;
}

/** The public bodies, as the planner needs them (every body of the official code list has an entry without a file). */
export interface BodyList {
  /** Whether this code names a public body the site has. */
  has(code: string): boolean;
}

export type DatedRow = HoujinRow & { fileDate: string };

export interface SummaryItem {
  corporateNumber: string;
  name: string;
  id?: string | undefined;
  detail?: string | undefined;
}

export interface ImportSummary {
  added: SummaryItem[];
  changed: SummaryItem[];
  closed: SummaryItem[];
  unchanged: SummaryItem[];
  skipped: SummaryItem[];
}

export interface ImportPlan {
  /** Files to write, relative to the content folder, with their whole new text. */
  writes: Array<{ path: string; text: string }>;
  summary: ImportSummary;
}

const clone = <T>(v: T): T => structuredClone(v);

/** The reading of a draft: from the furigana, else from the name when what is left is kana or Latin letters. */
function readingOf(row: HoujinRow): string | undefined {
  return (
    readingFromFurigana(row.furigana) ??
    readingFromFurigana(
      row.name.normalize('NFKC').replace(/特定労働者協同組合|労働者協同組合連合会|労働者協同組合/g, ''),
    )
  );
}

/** Which predecessor form a former name shows (for `origin`). */
function originFromName(name: string): 'converted-kigyo' | 'converted-npo' | undefined {
  if (name.includes('企業組合')) return 'converted-kigyo';
  if (name.includes('特定非営利活動法人') || /NPO法人|ＮＰＯ法人/.test(name)) return 'converted-npo';
  return undefined;
}

/** Upserts the importer's own source (matched by the number's URL), keeping every other source as it is. */
function withSource(sources: unknown, number: string, fileDate: string): unknown[] {
  const list: unknown[] = Array.isArray(sources) ? [...(sources as unknown[])] : [];
  const url = corporateNumberUrl(number);
  const mine = houjinSource(number, fileDate);
  const i = list.findIndex((s) => (s as { url?: string } | null)?.url === url);
  if (i === -1) list.push(mine);
  else list[i] = { ...(list[i] as object), ...mine };
  return list;
}

/** The dates a registry record gives a co-op: registration for a number assigned under the Act, conversion for an older one. */
function registryDates(row: DatedRow): { registered?: string; converted?: string; note?: string } {
  if (row.assignmentDate && row.assignmentDate >= ACT_IN_FORCE) return { registered: row.assignmentDate };
  if (row.assignmentDate && row.assignmentDate < ACT_IN_FORCE) {
    if (row.process === '11' && row.changeDate >= ACT_IN_FORCE) return { converted: row.changeDate };
    return {
      note: `法人番号の指定（${row.assignmentDate}）が労働者協同組合法の施行（${ACT_IN_FORCE}）より前のため、ほかの法人から組織変更したと考えられます（組織変更の日と前の法人格は未確認）。`,
    };
  }
  return {};
}

/** Plans the import of every record (newest per number) against the entries we have. */
export function planImport(
  newest: ReadonlyMap<string, DatedRow>,
  coops: readonly ExistingCoop[],
  bodies: BodyList,
): ImportPlan {
  const summary: ImportSummary = { added: [], changed: [], closed: [], unchanged: [], skipped: [] };
  const writes: ImportPlan['writes'] = [];
  const byNumber = new Map<string, ExistingCoop>();
  for (const c of coops) if (typeof c.data.corporateNumber === 'string') byNumber.set(c.data.corporateNumber, c);
  const takenIds = new Set(coops.map((c) => c.id));

  /** Place fields (prefecture, municipality) from a record: the codes it gives, when the site has those public bodies. */
  const placeOf = (row: DatedRow) => {
    const codes = lgCodeOf(row);
    const out: { prefecture?: string; municipality?: string } = {};
    if (codes.prefecture && bodies.has(codes.prefecture)) out.prefecture = codes.prefecture;
    if (codes.municipality && out.prefecture && bodies.has(codes.municipality)) out.municipality = codes.municipality;
    return out;
  };

  const numbers = [...newest.keys()].sort();
  for (const number of numbers) {
    const row = newest.get(number)!;
    const item: SummaryItem = { corporateNumber: number, name: row.name };
    const existing = byNumber.get(number);
    if (row.process === '99') {
      if (existing || mentionsWorkerCoop(row))
        summary.skipped.push({
          ...item,
          id: existing?.id,
          detail: '処理区分 99（削除）: 法人番号の指定が取り消されました。手で確かめてください',
        });
      continue;
    }
    const cls = classify(row);

    if (!existing) {
      if (!cls.coop) {
        if (mentionsWorkerCoop(row)) summary.skipped.push({ ...item, detail: cls.reason });
        continue;
      }
      if (row.closeDate) {
        summary.skipped.push({
          ...item,
          detail: `登記記録が閉鎖されています（${row.closeDate}、${CLOSE_CAUSE.labels[row.closeCause as keyof typeof CLOSE_CAUSE.labels] ?? row.closeCause}）。掲載していない組合なので追加しません`,
        });
        continue;
      }
      const reading = readingOf(row);
      if (!reading) {
        summary.skipped.push({
          ...item,
          detail: 'フリガナが公表されておらず、よみを作れません（手で追加してください）',
        });
        continue;
      }
      if (!lgCodeOf(row).prefecture) {
        summary.skipped.push({ ...item, detail: '国内所在地（都道府県コード）がありません' });
        continue;
      }
      const id = draftId(number);
      if (takenIds.has(id)) {
        summary.skipped.push({
          ...item,
          detail: `id ${id} のファイルがすでにありますが、法人番号が一致しません（手で確かめてください）`,
        });
        continue;
      }
      const place = placeOf(row);
      const dates = registryDates(row);
      const data: Record<string, unknown> = {
        name: row.name,
        reading,
        kind: cls.kind,
        legalForm: cls.legalForm,
        ...(cls.tokutei ? { tokutei: true } : {}),
        ...place,
        ...(addressOf(row) ? { address: addressOf(row) } : {}),
        ...(row.postCode ? { postalCode: `${row.postCode.slice(0, 3)}-${row.postCode.slice(3)}` } : {}),
        ...(dates.registered ? { registered: dates.registered } : {}),
        ...(dates.converted ? { converted: dates.converted } : {}),
        corporateNumber: number,
        registryOnly: true,
        registry: registryRecordOf(row, row.fileDate),
        ...(dates.note ? { notes: [dates.note] } : {}),
        sources: [houjinSource(number, row.fileDate)],
      };
      writes.push({ path: `coops/${id}.yaml`, text: stringify(data, YAML_OPTIONS) });
      takenIds.add(id);
      summary.added.push({ ...item, id, detail: `${cls.legalForm}、${[data.address].filter(Boolean).join('')}` });
      continue;
    }

    // An entry we have: refresh the registry fields.
    const before = existing.data;
    const after = clone(before);
    const details: string[] = [];
    const previous = (before.registry as { name?: string; address?: string } | undefined) ?? undefined;
    after.registry = registryRecordOf(row, row.fileDate);
    after.sources = withSource(before.sources, number, row.fileDate);

    let newlyClosed = false;
    const dissolved = before.dissolved as { date?: string } | undefined;
    if (row.closeDate && !dissolved) {
      after.dissolved = {
        date: row.closeDate,
        cause: CLOSE_CAUSE.labels[row.closeCause as keyof typeof CLOSE_CAUSE.labels],
      };
      newlyClosed = true;
    } else if (
      !row.closeDate &&
      dissolved &&
      (before.registry as { closed?: string } | undefined)?.closed === dissolved.date
    ) {
      delete after.dissolved;
      details.push('登記記録の閉鎖等が取り消されたため、解散の表示を外しました');
    }

    const formerName = previous?.name ?? (before.name as string);
    const renamed = formerName !== row.name;
    if (before.registryOnly === true) {
      // A draft the importer made: it follows the registry.
      after.name = row.name;
      const reading = readingOf(row);
      if (reading) after.reading = reading;
      if (cls.coop) {
        after.kind = cls.kind;
        after.legalForm = cls.legalForm;
        if (cls.tokutei) after.tokutei = true;
        else delete after.tokutei;
      }
      const place = placeOf(row);
      if (place.prefecture) after.prefecture = place.prefecture;
      if (place.municipality) after.municipality = place.municipality;
      else delete after.municipality;
      const address = addressOf(row);
      if (address) after.address = address;
      if (row.postCode) after.postalCode = `${row.postCode.slice(0, 3)}-${row.postCode.slice(3)}`;
      const dates = registryDates(row);
      if (dates.registered) after.registered = dates.registered;
      if (dates.converted && after.converted === undefined) after.converted = dates.converted;
      if (renamed) details.push(`名称: ${formerName} → ${row.name}`);
      if (previous?.address !== undefined && previous.address !== address)
        details.push(`所在地: ${previous.address} → ${address ?? '（なし）'}`);
    } else {
      // An entry an editor researched: fill what is empty, report the rest.
      if (renamed && row.process === '11' && cls.coop && !classify({ name: formerName, kind: row.kind }).coop) {
        // 組織変更: an 企業組合 or NPO法人 became a worker co-op under the same number.
        if (after.converted === undefined && row.changeDate >= ACT_IN_FORCE && after.registered === undefined)
          after.converted = row.changeDate;
        if (after.convertedFrom === undefined) after.convertedFrom = formerName;
        const origin = originFromName(formerName);
        if (after.origin === undefined && origin) after.origin = origin;
        details.push(
          `組織変更: ${formerName} → ${row.name}（${row.changeDate}）。name・legalForm は手で確かめてください`,
        );
      } else if (renamed) {
        details.push(`登記上の名称: ${formerName} → ${row.name}（name は手で確かめてください）`);
      }
      const address = addressOf(row);
      if (previous?.address !== undefined && previous.address !== address)
        details.push(
          `登記上の所在地: ${previous.address} → ${address ?? '（なし）'}（address・municipality は手で確かめてください）`,
        );
    }

    const entryItem = { ...item, id: existing.id };
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(before)), JSON.parse(JSON.stringify(after)))) {
      summary.unchanged.push(entryItem);
      continue;
    }
    writes.push({ path: existing.path, text: applyChanges(existing.text, before, after) });
    const changedKeys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => !isDeepStrictEqual(before[k], after[k]),
    );
    const detail = [
      ...details,
      `更新: ${changedKeys.join('・')}`,
      `処理区分 ${row.process}（${PROCESS_LABELS[row.process] ?? '不明'}）`,
    ].join('。');
    if (newlyClosed)
      summary.closed.push({
        ...entryItem,
        detail: `${row.closeDate} ${CLOSE_CAUSE.labels[row.closeCause as keyof typeof CLOSE_CAUSE.labels] ?? ''}。${detail}`,
      });
    else summary.changed.push({ ...entryItem, detail });
  }
  return { writes, summary };
}

/** The file's text with only the changed top-level keys replaced (comments and the order of other keys kept). */
export function applyChanges(text: string, before: Record<string, unknown>, after: Record<string, unknown>): string {
  const doc = parseDocument(text);
  for (const key of Object.keys(before)) if (!(key in after)) doc.delete(key);
  for (const [key, value] of Object.entries(after)) {
    if (isDeepStrictEqual(before[key], value)) continue;
    if (key === 'sources' && Array.isArray(value) && Array.isArray(before[key])) {
      value.forEach((s, i) => {
        if (!isDeepStrictEqual((before[key] as unknown[])[i], s)) {
          if (i < (before[key] as unknown[]).length) doc.setIn([key, i], doc.createNode(s));
          else doc.addIn([key], doc.createNode(s));
        }
      });
      continue;
    }
    doc.set(key, doc.createNode(value));
  }
  return doc.toString(YAML_OPTIONS);
}
