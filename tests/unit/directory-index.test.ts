/** The build-once lookups answer exactly what the list-scanning functions do, on the real content and the fixtures. */
import { describe, expect, test } from 'vitest';
import { buildIndex, childrenOf, contractsCommissionedBy, contractsHeldBy, coopsIn, coopsLocatedIn, membersOf } from '../../src/lib/directory.ts';
import { loadContentDirectory } from '../helpers/content.ts';

describe.each([
  ['content', loadContentDirectory()],
  ['fixture', loadContentDirectory('tests/fixtures/valid')],
])('%s', (_name, dir) => {
  const index = buildIndex(dir);
  test('co-ops located in every public body', () => {
    for (const b of dir.bodies) expect(coopsLocatedIn(index, b).map((c) => c.id)).toEqual(coopsIn(b, dir.coops, index.bodies).map((c) => c.id));
  });
  test('children, members and contracts of every organisation; contracts of every body', () => {
    for (const c of dir.coops) {
      expect(index.childrenByParent.get(c.id) ?? []).toEqual(childrenOf(c.id, dir.coops));
      expect(index.membersByFederation.get(c.id) ?? []).toEqual(membersOf(c.id, dir.coops));
      expect(index.contractsByContractor.get(c.id) ?? []).toEqual(contractsHeldBy(c.id, dir.contracts));
    }
    for (const b of dir.bodies) expect(index.contractsByCommissioner.get(b.id) ?? []).toEqual(contractsCommissionedBy(b.id, dir.contracts));
  });
  test('the content has something to compare', () => {
    expect(dir.bodies.some((b) => coopsLocatedIn(index, b).length > 0)).toBe(true);
  });
});
