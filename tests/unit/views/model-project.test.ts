/** Model-project derivations on the fixture council and programme (fictitious) and on small hand-made lists. */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { loadContentDirectory } from '../../helpers/content.ts';
import {
  activityFiscalYear,
  attendanceRows,
  buildTimeline,
  councilCoverage,
  councilFigures,
  councilNumbers,
  councilsOf,
  fillRate,
  groupByFiscalYear,
  programmeYears,
  sortActivities,
  sortCouncils,
} from '../../../src/lib/views/model-project.ts';
import type { Activity, Council } from '../../../src/lib/model/types.ts';

const dir = loadContentDirectory(join(process.cwd(), 'tests/fixtures/valid'));
const council = dir.councils[0]!;
const programme = dir.programmes[0]!;
const act = (id: string, extra: Partial<Activity> = {}): Activity => ({
  id,
  title: id,
  kind: 'forum',
  status: 'held',
  source: 0,
  ...extra,
});

describe('ordering and grouping', () => {
  test('activities sort by their start; undated ones keep file order at the end', () => {
    const list = [
      act('x'),
      act('b', { date: '2025-08-01' }),
      act('a', { from: '2025-04' }),
      act('y'),
      act('c', { date: '2024-09-01' }),
    ];
    expect(sortActivities(list).map((a) => a.id)).toEqual(['c', 'a', 'b', 'x', 'y']);
  });
  test('the fiscal year is the field when given, else the one the date falls in (April–March)', () => {
    expect(activityFiscalYear(act('a', { date: '2026-01-30' }))).toBe(2025);
    expect(activityFiscalYear(act('a', { date: '2025-04-01' }))).toBe(2025);
    expect(activityFiscalYear(act('a', { fiscalYear: 2024 }))).toBe(2024);
    expect(activityFiscalYear(act('a'))).toBeUndefined();
  });
  test('groups run oldest year first, the group without a year last', () => {
    const groups = groupByFiscalYear([
      act('n'),
      act('b', { date: '2026-01-30' }),
      act('a', { date: '2024-09-01' }),
      act('c', { date: '2025-07-30' }),
    ]);
    expect(groups.map((g) => g.fiscalYear)).toEqual([2024, 2025, undefined]);
    expect(groups[1]!.activities.map((a) => a.id)).toEqual(['c', 'b']);
  });
  test('councils sort by prefecture code, and councilsOf keeps only a programme’s', () => {
    const cs = [
      { id: 'b', prefecture: '240001', reading: 'み', programme: 'p' },
      { id: 'a', prefecture: '140007', reading: 'か', programme: 'p' },
      { id: 'z', prefecture: '010006', reading: 'ほ' },
    ];
    expect(sortCouncils(cs).map((c) => c.id)).toEqual(['z', 'a', 'b']);
    expect(councilsOf('p', cs).map((c) => c.id)).toEqual(['a', 'b']);
  });
  test('programmeYears lists each fiscal year', () => {
    expect(programmeYears(programme)).toEqual([2024, 2025, 2026]);
  });
});

describe('timeline', () => {
  const items = buildTimeline(programme, [council]);
  test('holds every programme event and every dated activity, in date order', () => {
    const dated = (council.activities ?? []).filter((a) => a.date ?? a.from);
    expect(items).toHaveLength((programme.events ?? []).length + dated.length);
    const keys = items.map((i) => i.sortKey);
    expect([...keys].sort()).toEqual(keys);
  });
  test('programme events have no council; council items link to their activity', () => {
    for (const i of items) {
      if (i.kind === 'programme') expect(i.council).toBeUndefined();
      else expect(council.activities!.some((a) => a.id === i.activityId)).toBe(true);
    }
  });
  test('on the same day the programme comes first', () => {
    const sameDay = buildTimeline({ events: [{ date: '2024-09-01', title: 'P', status: 'held', source: 0 }] }, [
      { ...council, activities: [act('x', { date: '2024-09-01' })] } as Council,
    ]);
    expect(sameDay.map((i) => i.kind)).toEqual(['programme', 'forum']);
  });
});

describe('attendance and figures', () => {
  test('attendance rows are the workshops with a count or capacity, labelled by region, in date order', () => {
    const rows = attendanceRows(council);
    const workshops = council.activities!.filter((a) => a.kind === 'workshop' && a.attendance);
    expect(rows.map((r) => r.id)).toEqual(sortActivities(workshops).map((a) => a.id));
    expect(rows.map((r) => r.label)).toEqual(sortActivities(workshops).map((a) => a.region ?? a.title));
    const planned = rows.find((r) => r.status === 'planned')!;
    expect(planned.participants).toBeUndefined();
  });
  test('fill rate is participants over capacity, undefined when either is missing', () => {
    expect(fillRate({ participants: 17, capacity: 30 })).toBeCloseTo(17 / 30);
    expect(fillRate({ capacity: 30 })).toBeUndefined();
    expect(fillRate({ participants: 3 })).toBeUndefined();
  });
  test('councilFigures gathers the council’s own figures and each activity’s, tagged with the activity', () => {
    const figs = councilFigures(council);
    const expected =
      (council.figures ?? []).length + council.activities!.reduce((n, a) => n + (a.figures?.length ?? 0), 0);
    expect(figs).toHaveLength(expected);
    expect(figs.filter((f) => f.activityId).every((f) => council.activities!.some((a) => a.id === f.activityId))).toBe(
      true,
    );
  });
  test('councilNumbers adds participants and capacities', () => {
    const n = councilNumbers(council);
    const attendance = council
      .activities!.flatMap((a) => [a.attendance?.participants, a.attendance?.capacity])
      .filter((x) => x !== undefined);
    expect(n).toHaveLength(councilFigures(council).length + attendance.length);
  });
  test('coverage counts what the council published', () => {
    const cov = councilCoverage(council);
    expect(cov.members).toBe(council.members!.length);
    expect(cov.windows).toBe(council.windows!.length);
    expect(cov.activities).toBe(council.activities!.filter((a) => a.date ?? a.from).length);
    expect(councilCoverage({ id: 'x', name: 'x', reading: 'x', prefecture: '130001', sources: [] } as Council)).toEqual(
      {
        members: 0,
        windows: 0,
        activities: 0,
        figures: 0,
      },
    );
  });
});

describe('status label on a given day', () => {
  test('a planned event whose day has passed says it is not confirmed as held; the data are not rewritten', async () => {
    const { statusLabel } = await import('../../../src/lib/views/model-project.ts');
    expect(statusLabel('planned', '2026-12-10', '2026-11-30')).toBe('予定（出典の時点）');
    expect(statusLabel('planned', '2026-11', '2026-11-30')).toBe('予定（出典の時点）');
    expect(statusLabel('planned', '2026-10-01', '2026-11-30')).toBe('予定（出典の時点）・実施は未確認');
    expect(statusLabel('held', '2026-10-01', '2026-11-30')).toBe('実施');
  });
});
