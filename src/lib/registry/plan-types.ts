/** The shapes an import plan is made of (src/lib/registry/plan.ts and its rules, plan-new.ts and plan-existing.ts). */
import type { RegistryVia } from './credit.ts';
import type { BodyList } from './plan-fields.ts';

/** An organisation entry as it is on disk. */
export interface ExistingCoop {
  id: string;
  /** Path relative to the content folder, e.g. `coops/kifukuto.yaml`. */
  path: string;
  text: string;
  data: Record<string, unknown>;
}

/** One line of the summary: a number, its name, the entry's id when there is one, and what happened. */
export interface SummaryItem {
  corporateNumber: string;
  name: string;
  id?: string | undefined;
  detail?: string | undefined;
}

/** The summary an import prints, by group. */
export interface ImportSummary {
  added: SummaryItem[];
  changed: SummaryItem[];
  closed: SummaryItem[];
  unchanged: SummaryItem[];
  skipped: SummaryItem[];
}

/** Files to write and the summary. */
export interface ImportPlan {
  /** Files to write, relative to the content folder, with their whole new text. */
  writes: Array<{ path: string; text: string }>;
  summary: ImportSummary;
}

/** What the rules for one record need: the public bodies, the ids in use, and how the records were fetched. */
export interface PlanContext {
  bodies: BodyList;
  takenIds: Set<string>;
  via?: RegistryVia | undefined;
}

/** What the rules decide for one record: a summary group (none = not ours, not reported) and maybe a file to write. */
export type Outcome =
  | { group?: undefined }
  | { group: 'skipped' | 'unchanged'; item: SummaryItem }
  | { group: 'added' | 'changed' | 'closed'; item: SummaryItem; write: { path: string; text: string } };
