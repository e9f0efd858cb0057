/** coopPage: what a co-op's page shows, on the real content. */
import { describe, expect, test } from 'vitest';
import { contactView, coopPage } from '../../../src/lib/views/coop.ts';
import { buildIndex, placeName, whereIs } from '../../../src/lib/model/directory.ts';
import type { Body, Coop } from '../../../src/lib/model/types.ts';
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

describe('contactView', () => {
  const { bodies } = index;
  const windowOf = (b: Body | undefined) => b?.windows?.[0];
  const ministry = dir.bodies.find((b) => b.kind === '国' && b.windows?.length);
  const view = (c: Coop) => contactView(c, whereIs(c, bodies).prefecture, bodies);

  test('a stated contact is shown as the source gives it, and nothing else', () => {
    const withContact = dir.coops.filter((c) => c.contact?.website || c.contact?.phone);
    expect(withContact.length).toBeGreaterThan(0);
    for (const c of withContact) {
      const v = view(c);
      expect(v.known).toBe(true);
      expect(v.ask).toBeUndefined();
      expect([v.website, v.phone, v.fax, v.email, v.asOf]).toEqual([
        c.contact!.website,
        c.contact!.phone,
        c.contact!.fax,
        c.contact!.email,
        c.contact!.asOf,
      ]);
    }
  });

  test('no contact: its prefecture’s sourced window, or the ministry’s line when the prefecture has none', () => {
    const without = dir.coops.filter((c) => !c.contact);
    expect(without.length).toBeGreaterThan(0);
    for (const c of without) {
      const pref = whereIs(c, bodies).prefecture;
      const v = view(c);
      expect(v.known).toBe(false);
      expect(v.ask!.prefecture).toBe(pref);
      const own = windowOf(pref);
      expect(v.ask!.ministry).toBe(own === undefined);
      expect(v.ask!.window?.window).toBe(own ?? windowOf(ministry));
      // The window comes with the entry of its body's sources that states it.
      expect(v.ask!.window?.source).toBe(v.ask!.window!.body.sources[v.ask!.window!.window.source]);
    }
  });

  test('a fax or an e-mail alone counts as a contact', () => {
    const base = dir.coops.find((c) => !c.contact)!;
    expect(contactView({ ...base, contact: { email: 'office@example.org' } }, undefined, bodies)).toMatchObject({
      known: true,
      email: 'office@example.org',
    });
    expect(contactView({ ...base, contact: { fax: '03-0000-0000' } }, undefined, bodies).known).toBe(true);
    expect(contactView({ ...base, contact: { asOf: '2026-01-01' } }, undefined, bodies).known).toBe(false);
  });
});
