/** The build-once lookups answer exactly what the list-scanning functions do, on the real content and the fixtures; where a co-op is, in one rule. */
import { describe, expect, test } from 'vitest';
import {
  buildIndex,
  childrenOf,
  contractsCommissionedBy,
  contractsHeldBy,
  coopsIn,
  coopsLocatedIn,
  membersOf,
  placeName,
  prefectureOf,
  whereIs,
} from '../../../src/lib/model/directory.ts';
import { loadContentDirectory } from '../../helpers/content.ts';

describe.each([
  ['content', loadContentDirectory()],
  ['fixture', loadContentDirectory('tests/fixtures/valid')],
])('%s', (_name, dir) => {
  const index = buildIndex(dir);
  test('co-ops located in every public body', () => {
    for (const b of dir.bodies)
      expect(coopsLocatedIn(index, b).map((c) => c.id)).toEqual(coopsIn(b, dir.coops, index.bodies).map((c) => c.id));
  });
  test('children, members and contracts of every organisation; contracts of every body', () => {
    for (const c of dir.coops) {
      expect(index.childrenByParent.get(c.id) ?? []).toEqual(childrenOf(c.id, dir.coops));
      expect(index.membersByFederation.get(c.id) ?? []).toEqual(membersOf(c.id, dir.coops));
      expect(index.contractsByContractor.get(c.id) ?? []).toEqual(contractsHeldBy(c.id, dir.contracts));
    }
    for (const b of dir.bodies)
      expect(index.contractsByCommissioner.get(b.id) ?? []).toEqual(contractsCommissionedBy(b.id, dir.contracts));
  });
  test('the content has something to compare', () => {
    expect(dir.bodies.some((b) => coopsLocatedIn(index, b).length > 0)).toBe(true);
  });
});

describe('where a co-op is (whereIs, placeName)', () => {
  const dir = loadContentDirectory();
  const bodies = buildIndex(dir).bodies;
  const ward = dir.bodies.find((b) => b.parent !== undefined)!;
  const city = bodies.get(ward.parent!)!;
  const pref = bodies.get(ward.prefecture!)!;
  test('a ward is named with its city and prefecture, also when the entry gives only the ward', () => {
    expect(placeName({ municipality: ward.id }, bodies)).toBe(`${pref.name}${city.name}${ward.name}`);
    expect(whereIs({ municipality: ward.id }, bodies)).toEqual({ prefecture: pref, city, municipality: ward });
    expect(placeName({ prefecture: pref.id, municipality: ward.id }, bodies, ' ')).toBe(
      `${pref.name} ${city.name} ${ward.name}`,
    );
  });
  test('a prefecture alone, and nothing known', () => {
    expect(placeName({ prefecture: pref.id }, bodies)).toBe(pref.name);
    expect(placeName({}, bodies)).toBeUndefined();
    expect(whereIs({}, bodies)).toEqual({ prefecture: undefined, city: undefined, municipality: undefined });
  });
  test('every co-op in content: the prefecture named is the one prefectureOf gives', () => {
    for (const c of dir.coops) expect(whereIs(c, bodies).prefecture?.id).toBe(prefectureOf(c, bodies));
  });
});
