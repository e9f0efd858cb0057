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
import { mentionsWorkerCoop } from './houjin.ts';
import { planExisting } from './plan-existing.ts';
import { planNew } from './plan-new.ts';
import type { RegistryVia } from './credit.ts';
import type { BodyList } from './plan-fields.ts';
import type { DatedRow } from './record-set.ts';
import type { ExistingCoop, ImportPlan, ImportSummary, Outcome, PlanContext } from './plan-types.ts';

export type { ExistingCoop, ImportPlan, ImportSummary, Outcome, PlanContext, SummaryItem } from './plan-types.ts';

/** A record whose number the registry withdrew (処理区分 99): reported when it concerns us, never applied. */
function withdrawn(row: DatedRow, existing: ExistingCoop | undefined): Outcome {
  if (!existing && !mentionsWorkerCoop(row)) return {};
  return {
    group: 'skipped',
    item: {
      corporateNumber: row.corporateNumber,
      name: row.name,
      id: existing?.id,
      detail: '処理区分 99（削除）: 法人番号の指定が取り消されました。手で確かめてください',
    },
  };
}

/**
 * Plans the import of every record (newest per number) against the entries we
 * have: plan-new.ts decides for numbers we do not have, plan-existing.ts for
 * those we do. `via` says how the records were fetched (absent: download files).
 */
export function planImport(
  newest: ReadonlyMap<string, DatedRow>,
  coops: readonly ExistingCoop[],
  bodies: BodyList,
  via?: RegistryVia,
): ImportPlan {
  const summary: ImportSummary = { added: [], changed: [], closed: [], unchanged: [], skipped: [] };
  const writes: ImportPlan['writes'] = [];
  const byNumber = new Map<string, ExistingCoop>();
  for (const c of coops) if (typeof c.data.corporateNumber === 'string') byNumber.set(c.data.corporateNumber, c);
  const ctx: PlanContext = { bodies, takenIds: new Set(coops.map((c) => c.id)), via };
  for (const number of [...newest.keys()].sort()) {
    const row = newest.get(number)!;
    const existing = byNumber.get(number);
    const outcome =
      row.process === '99' ? withdrawn(row, existing) : existing ? planExisting(row, existing, ctx) : planNew(row, ctx);
    if (outcome.group === undefined) continue;
    summary[outcome.group].push(outcome.item);
    if ('write' in outcome) writes.push(outcome.write);
  }
  return { writes, summary };
}
