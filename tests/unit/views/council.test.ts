/** councilPage: what a council's page shows, on the fixture council and programme (fictitious). */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { loadContentDirectory } from '../../helpers/content.ts';
import { buildIndex } from '../../../src/lib/model/directory.ts';
import { paths } from '../../../src/lib/model/paths.ts';
import { councilPage, councilSections, memberCount, memberRows } from '../../../src/lib/views/council.ts';
import type { Council } from '../../../src/lib/model/types.ts';

const dir = loadContentDirectory(join(process.cwd(), 'tests/fixtures/valid'));
const index = buildIndex(dir);
const council = dir.councils[0]!;
const programme = dir.programmes[0]!;
/** A council with only the fields the schema requires. */
const bare: Council = { id: 'bare', name: '最小の協議会', reading: 'さいしょう', prefecture: '130001', sources: [] };
/** Every heading the page can show, in page order. */
const ALL_SECTIONS = [
  'reasons-heading',
  'aims-heading',
  'members-heading',
  'prefecture-coops-heading',
  'plans-heading',
  'windows-heading',
  'timeline-heading',
  'activities-heading',
  'workshops-heading',
  'problems-heading',
  'after-heading',
  'council-figures-heading',
  'unpublished-heading',
  'sources-heading',
];

describe('councilPage on the fixture council', () => {
  const v = councilPage(council, dir, index);
  test('finds its programme and prefecture, and its trail leads back to the programme', () => {
    expect(council.programme).toBe(programme.id);
    expect(v.programme).toBe(programme);
    expect(v.prefecture?.id).toBe(council.prefecture);
    expect(v.trail).toEqual([{ label: 'モデル事業', path: paths.modelProject() }, { label: council.name }]);
  });
  test('its timeline holds the programme’s events and the council’s dated activities', () => {
    const dated = council.activities!.filter((a) => a.date ?? a.from).map((a) => a.id);
    expect(v.timeline.filter((i) => i.kind === 'programme')).toHaveLength(programme.events!.length);
    expect(v.timeline.flatMap((i) => i.activityId ?? []).sort()).toEqual([...dated].sort());
  });
  test('activities are grouped by fiscal year, oldest first, with none lost', () => {
    const years = v.activityGroups.map((g) => g.fiscalYear);
    expect(years).toEqual([...new Set(council.activities!.map((a) => a.fiscalYear))].sort());
    expect(v.activityGroups.flatMap((g) => g.activities).length).toBe(council.activities!.length);
  });
  test('the attendance rows are its workshops with a participant count or a capacity', () => {
    const workshops = council.activities!.filter((a) => a.kind === 'workshop' && a.attendance);
    expect(v.workshops.map((r) => r.id).sort()).toEqual(workshops.map((a) => a.id).sort());
    expect(v.chartCaption).toBe(`${council.shortName!}のワークショップ: 参加者数と定員`);
  });
  test('kind notes split: the workshops’ beside the chart, the rest above the activities', () => {
    expect(v.workshopNotes).toEqual(council.kindNotes!.filter((n) => n.kind === 'workshop'));
    expect(v.otherNotes).toEqual([]);
    const forum = { kind: 'forum' as const, text: '別の補足', source: 0 };
    const split = councilPage({ ...council, kindNotes: [...council.kindNotes!, forum] }, dir, index);
    expect(split.otherNotes).toEqual([forum]);
    expect(split.workshopNotes).toEqual(v.workshopNotes);
  });
  test('plans run oldest year first, whatever the file order', () => {
    const reversed = councilPage({ ...council, plans: [...council.plans!].reverse() }, dir, index);
    const years = reversed.plans!.map((p) => p.fiscalYear);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(reversed.plans).toHaveLength(council.plans!.length);
  });
  test('it shows every section, in page order', () => {
    expect(v.sections.map((s) => s.id)).toEqual(ALL_SECTIONS);
    for (const s of v.sections) expect(s.label).not.toBe('');
  });
});

describe('members', () => {
  test('a member without its own source takes the list’s; one with its own keeps it', () => {
    const rows = memberRows({ ...council, members: [...council.members!, { name: '別の団体', source: 1 }] })!;
    expect(council.membersSource).toBeDefined();
    expect(rows.slice(0, -1).every((m) => m.source === council.membersSource)).toBe(true);
    expect(rows.at(-1)!.source).toBe(1);
    expect(memberRows({ members: council.members })!.every((m) => m.source === undefined)).toBe(true);
    expect(memberRows(bare)).toBeUndefined();
  });
  test('the count says when the list is only part of the members', () => {
    const n = council.members!.length;
    expect(memberCount(council)).toBe(`${n}団体`);
    expect(memberCount({ ...council, membersComplete: false })).toBe(
      `出典で確認できた${n}件です（全構成員ではありません）。`,
    );
  });
});

describe('sections', () => {
  test('a council with only its required fields shows just its sources', () => {
    const v = councilPage(bare, dir, index);
    expect(v.programme).toBeUndefined();
    expect(v.sections.map((s) => s.id)).toEqual(['sources-heading']);
  });
  test('the programme’s events alone make a timeline; empty figures make no figures section', () => {
    const ids = councilPage({ ...bare, programme: programme.id, figures: [] }, dir, index).sections.map((s) => s.id);
    expect(ids).toEqual(['timeline-heading', 'sources-heading']);
  });
  test('each derived list decides its own section', () => {
    const none = { timeline: [], activityGroups: [], workshops: [] };
    expect(councilSections(bare, { ...none, workshops: [1] }).map((s) => s.id)).toEqual([
      'workshops-heading',
      'sources-heading',
    ]);
    expect(councilSections(bare, { ...none, activityGroups: [1] }).map((s) => s.id)).toEqual([
      'activities-heading',
      'sources-heading',
    ]);
  });
});
