/** coopPage: what a co-op's page shows, on the real content. */
import { describe, expect, test } from 'vitest';
import { coopPage } from '../../../src/lib/views/coop.ts';
import { buildIndex, placeName } from '../../../src/lib/model/directory.ts';
import { compareReading } from '../../../src/lib/model/sort.ts';
import { loadContentDirectory } from '../../helpers/content.ts';

const dir = loadContentDirectory();
const index = buildIndex(dir);

describe('coopPage', () => {
  test('a parent lists its offices in 五十音順, and each office’s trail is the parent’s, then its own name', () => {
    const parent = dir.coops.find((c) => dir.coops.some((k) => k.parent === c.id))!;
    const v = coopPage(parent, dir, index);
    expect(v.children.length).toBeGreaterThan(0);
    expect(v.children.every((k) => k.parent === parent.id)).toBe(true);
    expect(v.children.map((k) => k.reading)).toEqual([...v.children.map((k) => k.reading)].sort(compareReading));
    const child = coopPage(v.children[0]!, dir, index);
    expect(child.trail.map((t) => t.label)).toEqual([
      '組合の一覧',
      ...v.trail.slice(1).map((t) => t.label),
      v.children[0]!.name,
    ]);
  });
  test('every co-op: its contracts are the ones it holds, its councils name it, its description says where it is', () => {
    for (const c of dir.coops) {
      const v = coopPage(c, dir, index);
      expect(v.contracts.map((k) => k.id)).toEqual(dir.contracts.filter((k) => k.contractor === c.id).map((k) => k.id));
      for (const council of v.councils) expect(council.members?.some((m) => m.coop === c.id)).toBe(true);
      expect(v.description.startsWith(`${c.name}（${placeName(c, index.bodies) ?? '所在地未確認'}）`)).toBe(true);
      expect(v.memberOf.map((m) => m.id)).toEqual(c.memberOf ?? []);
    }
  });
});
