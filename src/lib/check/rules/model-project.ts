/**
 * Rules for the model project (councils and the national programme): activity
 * ids are unique, dates agree with their fiscal year and status, periods run
 * forwards, the number of selected councils matches the councils that name
 * the programme.
 */
import { fiscalYearOf, isFuture, latestDay } from '../../model/dates.ts';
import { problemList, type EntryRule } from '../types.ts';

/** One activity as the rules read it. */
interface ActivityData {
  id: string;
  status: string;
  fiscalYear?: number;
  date?: string;
  from?: string;
  to?: string;
  attendance?: { participants?: number };
  figures?: unknown[];
}

/** Adds a problem when a period ends before it starts. */
function checkPeriod(add: (field: string, message: string) => void, field: string, from: unknown, to: unknown) {
  if (typeof from === 'string' && typeof to === 'string' && latestDay(to) < latestDay(from))
    add(field, `終了 ${to} が開始 ${from} より前です`);
}

/** Fiscal years in order, as many councils as were selected, past events held and future ones planned. */
export const programmeRules: EntryRule = ({ entry, data, entries, today }) => {
  const { out, add } = problemList(entry.file);
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
};

/** The problems of one activity (at index i) of a council. */
function activityProblems(a: ActivityData, at: (field: string) => string, today: string) {
  const found: Array<[string, string]> = [];
  const add = (field: string, message: string) => found.push([at(field), message]);
  if (a.date !== undefined && (a.from !== undefined || a.to !== undefined))
    add('date', 'date（1日の催し）と from/to（期間）は同時に指定できません');
  checkPeriod(add, 'to', a.from, a.to);
  if (a.date !== undefined && a.status !== 'planned' && isFuture(a.date, today))
    add('date', `日付 ${a.date} は未来の日付です（予定なら status: planned）`);
  if (a.status === 'planned' && a.attendance?.participants !== undefined)
    add('attendance.participants', '予定の活動に参加者数は書けません');
  if (a.status === 'planned' && a.figures?.length) add('figures', '予定の活動に実績の数値は書けません');
  const start = a.date ?? a.from;
  const fy = start !== undefined ? fiscalYearOf(start) : undefined;
  if (a.fiscalYear !== undefined && fy !== undefined && fy !== a.fiscalYear) {
    add(
      a.date !== undefined ? 'date' : 'from',
      `${start} は ${fy}年度で、fiscalYear ${a.fiscalYear} と合いません（年度は4月始まり）`,
    );
  }
  return found;
}

/** A council's period, members, plans and activities. */
export const councilRules: EntryRule = ({ entry, data, today }) => {
  const { out, add } = problemList(entry.file);
  const p = data.period as { from: string; to: string } | undefined;
  if (p) checkPeriod(add, 'period.to', p.from, p.to);
  ((data.members ?? []) as Array<{ coop?: string; body?: string }>).forEach((m, i) => {
    if (m.coop !== undefined && m.body !== undefined) add(`members[${i}]`, 'coop と body は同時に指定できません');
  });
  const years = new Set<number>();
  ((data.plans ?? []) as Array<{ fiscalYear: number }>).forEach((plan, i) => {
    if (years.has(plan.fiscalYear)) add(`plans[${i}].fiscalYear`, `${plan.fiscalYear}年度の計画が重複しています`);
    years.add(plan.fiscalYear);
  });
  const ids = new Set<string>();
  ((data.activities ?? []) as ActivityData[]).forEach((a, i) => {
    const at = (f: string) => `activities[${i}].${f}`;
    if (ids.has(a.id)) add(at('id'), `活動の id "${a.id}" が重複しています`);
    ids.add(a.id);
    for (const [field, message] of activityProblems(a, at, today)) add(field, message);
  });
  return out;
};
