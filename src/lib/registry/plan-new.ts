/**
 * A record of a number the directory does not have: a draft 「登記情報のみ」 when
 * it is a worker co-op we can place and read, or a reason why not. The reasons
 * are named rules, tried in order; the first that applies holds the record.
 */
import { stringify } from 'yaml';
import { classify, draftId, lgCodeOf, mentionsWorkerCoop, addressOf, type Classification } from './houjin.ts';
import {
  addressProblem,
  closeCauseLabel,
  placeOf,
  postalCodeOf,
  readingOf,
  registryDates,
  registryRecordOf,
  registrySource,
  YAML_OPTIONS,
} from './plan-fields.ts';
import type { Outcome, PlanContext } from './plan-types.ts';
import type { DatedRow } from './record-set.ts';

type CoopClass = Extract<Classification, { coop: true }>;

/** A rule that holds a new record back: the reason, or undefined when it does not apply. */
type HoldRule = (row: DatedRow, ctx: PlanContext) => string | undefined;

/** Why a new worker co-op's record does not become a draft, in the order they are tried. */
const HOLD_RULES: Record<string, HoldRule> = {
  closed: (row) =>
    row.closeDate
      ? `登記記録が閉鎖されています（${row.closeDate}、${closeCauseLabel(row.closeCause) ?? row.closeCause}）。掲載していない組合なので追加しません`
      : undefined,
  noReading: (row) =>
    readingOf(row) ? undefined : 'フリガナが公表されておらず、よみを作れません（手で追加してください）',
  noPrefecture: (row) => (lgCodeOf(row).prefecture ? undefined : '国内所在地（都道府県コード）がありません'),
  address: (row, ctx) => addressProblem(row, ctx.bodies),
  idTaken: (row, ctx) =>
    ctx.takenIds.has(draftId(row.corporateNumber))
      ? `id ${draftId(row.corporateNumber)} のファイルがすでにありますが、法人番号が一致しません（手で確かめてください）`
      : undefined,
};

/** The draft entry for a new worker co-op. */
function draftOf(row: DatedRow, cls: CoopClass, ctx: PlanContext): Record<string, unknown> {
  const dates = registryDates(row);
  const address = addressOf(row);
  const postalCode = postalCodeOf(row);
  return {
    name: row.name,
    reading: readingOf(row),
    kind: cls.kind,
    legalForm: cls.legalForm,
    ...(cls.tokutei ? { tokutei: true } : {}),
    ...placeOf(row, ctx.bodies),
    ...(address ? { address } : {}),
    ...(postalCode ? { postalCode } : {}),
    ...(dates.registered ? { registered: dates.registered } : {}),
    ...(dates.converted ? { converted: dates.converted } : {}),
    corporateNumber: row.corporateNumber,
    registryOnly: true,
    registry: registryRecordOf(row, row.fileDate, ctx.via),
    ...(dates.note ? { notes: [dates.note] } : {}),
    sources: [registrySource(row.corporateNumber, row.fileDate, ctx.via)],
  };
}

/** What to do with the record of a number we do not have. */
export function planNew(row: DatedRow, ctx: PlanContext): Outcome {
  const item = { corporateNumber: row.corporateNumber, name: row.name };
  const cls = classify(row);
  if (!cls.coop) return mentionsWorkerCoop(row) ? { group: 'skipped', item: { ...item, detail: cls.reason } } : {};
  for (const rule of Object.values(HOLD_RULES)) {
    const reason = rule(row, ctx);
    if (reason) return { group: 'skipped', item: { ...item, detail: reason } };
  }
  const id = draftId(row.corporateNumber);
  ctx.takenIds.add(id);
  const data = draftOf(row, cls, ctx);
  return {
    group: 'added',
    item: { ...item, id, detail: `${cls.legalForm}、${addressOf(row) ?? ''}` },
    write: { path: `coops/${id}.yaml`, text: stringify(data, YAML_OPTIONS) },
  };
}
