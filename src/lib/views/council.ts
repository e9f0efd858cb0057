/** What a model-project council's page shows, as plain data (pure, unit-tested): the route only renders it. */
import type { Council, CouncilMember, Directory } from '../model/types.ts';
import type { DirectoryIndex } from '../model/directory.ts';
import { paths } from '../model/paths.ts';
import { attendanceRows, buildTimeline, councilShortName, groupByFiscalYear } from './model-project.ts';

/** One entry of the page's table of contents: the id of a section's heading and a short label. */
export interface CouncilSection {
  id: string;
  label: string;
}

/** A member with the source that names it (its own, else the list's). */
export type MemberRow = CouncilMember & { source: number | undefined };

/** The derived lists whose length decides whether their sections are shown. */
interface Derived {
  timeline: readonly unknown[];
  activityGroups: readonly unknown[];
  workshops: readonly unknown[];
}

/**
 * The page's sections in order, each listed when it has data: the table of contents is made from this list
 * (tests/site/model-project.test.ts checks it against the headings the page renders).
 */
export function councilSections(council: Council, derived: Derived): CouncilSection[] {
  const all = [
    { id: 'reasons-heading', label: '参加の理由', shown: !!council.reasons },
    { id: 'aims-heading', label: '目指す姿', shown: !!council.aims },
    { id: 'members-heading', label: '構成団体', shown: !!council.members },
    { id: 'prefecture-coops-heading', label: '県内の労働者協同組合', shown: !!council.prefectureCoops },
    { id: 'plans-heading', label: '年度ごとの計画', shown: !!council.plans },
    { id: 'windows-heading', label: '相談窓口', shown: !!council.windows },
    { id: 'timeline-heading', label: '年表', shown: derived.timeline.length > 0 },
    { id: 'activities-heading', label: '活動と実績', shown: derived.activityGroups.length > 0 },
    { id: 'workshops-heading', label: 'ワークショップの参加者と定員', shown: derived.workshops.length > 0 },
    { id: 'problems-heading', label: '課題と取り組み', shown: !!council.problems },
    { id: 'after-heading', label: 'モデル事業の後に向けて', shown: !!council.after },
    { id: 'council-figures-heading', label: '協議会と県内の数値', shown: (council.figures?.length ?? 0) > 0 },
    { id: 'unpublished-heading', label: '公表を確認できなかった情報', shown: !!council.unpublished },
    { id: 'sources-heading', label: '出典', shown: true },
  ];
  return all.filter((s) => s.shown).map(({ id, label }) => ({ id, label }));
}

/** Each member with its source: the member's own, else the list's `membersSource` (undefined without a list). */
export function memberRows(council: Pick<Council, 'members' | 'membersSource'>): MemberRow[] | undefined {
  return council.members?.map((m) => ({ ...m, source: m.source ?? council.membersSource }));
}

/** How many members the list holds, and whether it is all of them. */
export function memberCount(council: Pick<Council, 'members' | 'membersComplete'>): string {
  const n = council.members?.length ?? 0;
  return council.membersComplete === false ? `出典で確認できた${n}件です（全構成員ではありません）。` : `${n}団体`;
}

/** The notes on kinds of activity, split: the workshops' go with the attendance chart, the rest head the activities. */
export function splitKindNotes(council: Pick<Council, 'kindNotes'>) {
  const notes = council.kindNotes ?? [];
  return {
    workshopNotes: notes.filter((n) => n.kind === 'workshop'),
    otherNotes: notes.filter((n) => n.kind !== 'workshop'),
  };
}

/** The yearly plans, oldest year first (undefined without plans). */
export function sortPlans(council: Pick<Council, 'plans'>): Council['plans'] {
  return council.plans && [...council.plans].sort((a, b) => a.fiscalYear - b.fiscalYear);
}

/** Everything a council's page shows beyond the entry itself, computed once. */
export function councilPage(
  council: Council,
  dir: Pick<Directory, 'programmes'>,
  index: Pick<DirectoryIndex, 'bodies'>,
) {
  const programme = council.programme ? dir.programmes.find((p) => p.id === council.programme) : undefined;
  const derived = {
    /** The programme's milestones and this council's dated activities, in date order. */
    timeline: buildTimeline(programme, [council]),
    /** Its activities by fiscal year, oldest first; the group without a year last. */
    activityGroups: groupByFiscalYear(council.activities ?? []),
    /** Its workshops' participants and capacities, for the chart. */
    workshops: attendanceRows(council, 'workshop'),
  };
  return {
    ...derived,
    ...splitKindNotes(council),
    /** The national programme it carries out, when it names one. */
    programme,
    prefecture: index.bodies.get(council.prefecture),
    members: memberRows(council),
    memberCount: memberCount(council),
    plans: sortPlans(council),
    sections: councilSections(council, derived),
    trail: [{ label: 'モデル事業', path: paths.modelProject() }, { label: council.name }],
    /** The attendance chart's heading and table caption. */
    chartCaption: `${councilShortName(council)}のワークショップ: 参加者数と定員`,
  };
}
