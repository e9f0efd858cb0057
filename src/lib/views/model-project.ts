/**
 * Derivations for the model-project pages (the national programme and its
 * councils): labels, ordering, the timeline, workshop attendance rows and
 * every figure a council page shows. Plain data in, plain data out.
 */
import type { Activity, ActivityKind, ActivityStatus, Council, Programme, SourcedFigure } from '../model/types.ts';
import { earliestDay, fiscalYearOf, latestDay } from '../model/dates.ts';
import { compareReading } from '../model/sort.ts';
import { ACTIVITY_STATUS } from '../model/vocabularies.ts';

/**
 * The status as shown on a given day. A source that announced an event as planned says nothing about
 * whether it took place, so once its last day has passed the page says so rather than claiming either:
 * 「予定（出典の時点）・実施は未確認」. The data stay as the source wrote them.
 */
export function statusLabel(status: ActivityStatus, lastDay: string | undefined, today: string): string {
  if (status === 'planned' && lastDay !== undefined && latestDay(lastDay) < today)
    return '予定（出典の時点）・実施は未確認';
  return ACTIVITY_STATUS.labels[status];
}

/** The day an activity starts ('YYYY-MM-DD', earliest reading of a partial date), or undefined when undated. */
export function activityStart(a: Pick<Activity, 'date' | 'from'>): string | undefined {
  const d = a.date ?? a.from;
  return d === undefined ? undefined : earliestDay(d);
}

/** The fiscal year an activity belongs to: its own field, else the one its start date falls in. */
export function activityFiscalYear(a: Pick<Activity, 'fiscalYear' | 'date' | 'from'>): number | undefined {
  if (a.fiscalYear !== undefined) return a.fiscalYear;
  const d = a.date ?? a.from;
  return d === undefined ? undefined : fiscalYearOf(d);
}

/** Activities in date order; undated ones keep their file order after the dated ones. */
export function sortActivities<T extends Pick<Activity, 'date' | 'from'>>(activities: readonly T[]): T[] {
  return activities
    .map((a, i) => ({ a, i, start: activityStart(a) }))
    .sort((x, y) => {
      if (x.start !== undefined && y.start !== undefined && x.start !== y.start) return x.start < y.start ? -1 : 1;
      if (x.start === undefined && y.start !== undefined) return 1;
      if (x.start !== undefined && y.start === undefined) return -1;
      return x.i - y.i;
    })
    .map((x) => x.a);
}

/** One group of activities: a fiscal year (or `undefined` for activities with neither year nor date). */
export interface ActivityGroup<T> {
  fiscalYear: number | undefined;
  activities: T[];
}

/** Activities grouped by fiscal year, oldest year first, each group in date order; the group without a year comes last. */
export function groupByFiscalYear<T extends Pick<Activity, 'fiscalYear' | 'date' | 'from'>>(
  activities: readonly T[],
): Array<ActivityGroup<T>> {
  const groups = new Map<number | undefined, T[]>();
  for (const a of activities) {
    const fy = activityFiscalYear(a);
    groups.set(fy, [...(groups.get(fy) ?? []), a]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : a - b))
    .map(([fiscalYear, list]) => ({ fiscalYear, activities: sortActivities(list) }));
}

/** Councils in the order of their prefecture's code (north to south), ties by reading. */
export function sortCouncils<T extends Pick<Council, 'prefecture' | 'reading'>>(councils: readonly T[]): T[] {
  return [...councils].sort((a, b) =>
    a.prefecture < b.prefecture ? -1 : a.prefecture > b.prefecture ? 1 : compareReading(a.reading, b.reading),
  );
}

/** Councils that carry out a programme. */
export function councilsOf<T extends Pick<Council, 'programme' | 'prefecture' | 'reading'>>(
  programmeId: string,
  councils: readonly T[],
): T[] {
  return sortCouncils(councils.filter((c) => c.programme === programmeId));
}

/** One line of a timeline. */
export interface TimelineItem {
  /** The date as written in content ('2025', '2025-07' or '2025-07-30'). */
  date: string;
  /** The earliest day it can mean, for sorting. */
  sortKey: string;
  title: string;
  status: ActivityStatus;
  /** 'programme' for the national programme's own events, else the activity's kind. */
  kind: 'programme' | ActivityKind;
  /** The council the event belongs to (absent for the programme's events). */
  council?: { id: string; name: string; shortName: string };
  /** The activity's id, for a link to its section on the council page. */
  activityId?: string | undefined;
  /** Index into the owning entry's sources. */
  source: number;
}

/** The short name of a council for lists and charts. */
export function councilShortName(c: Pick<Council, 'shortName' | 'name'>): string {
  return c.shortName ?? c.name;
}

/**
 * The timeline of a programme and its councils' dated activities (an
 * activity over a period is placed at its start), in date order; on the same
 * day the programme's events come first, then councils in prefecture order.
 */
export function buildTimeline(
  programme: Pick<Programme, 'events'> | undefined,
  councils: readonly Council[],
): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const e of programme?.events ?? []) {
    items.push({
      date: e.date,
      sortKey: earliestDay(e.date),
      title: e.title,
      status: e.status,
      kind: 'programme',
      source: e.source,
    });
  }
  for (const c of sortCouncils(councils)) {
    for (const a of c.activities ?? []) {
      const date = a.date ?? a.from;
      if (date === undefined) continue;
      items.push({
        date,
        sortKey: earliestDay(date),
        title: a.title,
        status: a.status,
        kind: a.kind,
        council: { id: c.id, name: c.name, shortName: councilShortName(c) },
        activityId: a.id,
        source: a.source,
      });
    }
  }
  // Array.prototype.sort is stable: equal keys keep programme-first, prefecture order.
  return items.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}

/** One workshop's attendance, for the chart and its table. */
export interface AttendanceRow {
  id: string;
  label: string;
  date?: string | undefined;
  status: ActivityStatus;
  participants?: number | undefined;
  capacity?: number | undefined;
  unit: string;
  source: number;
}

/** Attendance of a council's activities of one kind (workshops by default) that report participants or a capacity, in date order. */
export function attendanceRows(council: Pick<Council, 'activities'>, kind: ActivityKind = 'workshop'): AttendanceRow[] {
  return sortActivities(
    (council.activities ?? []).filter(
      (a) =>
        a.kind === kind &&
        a.attendance &&
        (a.attendance.participants !== undefined || a.attendance.capacity !== undefined),
    ),
  ).map((a) => ({
    id: a.id,
    label: a.region ?? a.title,
    date: a.date ?? a.from,
    status: a.status,
    participants: a.attendance!.participants,
    capacity: a.attendance!.capacity,
    unit: a.attendance!.unit,
    source: a.source,
  }));
}

/** Participants as a share of capacity (0–1+), or undefined when either is missing. */
export function fillRate(row: Pick<AttendanceRow, 'participants' | 'capacity'>): number | undefined {
  if (row.participants === undefined || row.capacity === undefined || row.capacity === 0) return undefined;
  return row.participants / row.capacity;
}

/** Every reported figure on a council page: the council's own and each activity's, with where it belongs. */
export function councilFigures(
  council: Pick<Council, 'figures' | 'activities'>,
): Array<SourcedFigure & { activityId?: string }> {
  return [
    ...(council.figures ?? []).map((f) => ({ ...f })),
    ...(council.activities ?? []).flatMap((a) => (a.figures ?? []).map((f) => ({ ...f, activityId: a.id }))),
  ];
}

/** Every number a council page shows as data: figures' values, then participants and capacities of its activities. */
export function councilNumbers(council: Pick<Council, 'figures' | 'activities'>): number[] {
  const attendance = (council.activities ?? []).flatMap((a) =>
    [a.attendance?.participants, a.attendance?.capacity].filter((n): n is number => n !== undefined),
  );
  return [...councilFigures(council).map((f) => f.value), ...attendance];
}

/** What a council has published, as counts for the overview: members, windows, dated activities, figures. */
export function councilCoverage(council: Council) {
  return {
    members: council.members?.length ?? 0,
    windows: council.windows?.length ?? 0,
    activities: (council.activities ?? []).filter((a) => a.date !== undefined || a.from !== undefined).length,
    figures: councilNumbers(council).length,
  };
}

/** The fiscal years a programme runs, as a list (2024, 2025, 2026). */
export function programmeYears(programme: Pick<Programme, 'fiscalYears'>): number[] {
  const { from, to } = programme.fiscalYears;
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
