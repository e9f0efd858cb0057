/**
 * The embed pages of the built site: a public body with organisations or contracts (embeddable) has one, listing its
 * contracts and co-ops, opening every link in a new tab safely, not indexed; a body with nothing to show has none.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { hasPage, page, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { needsSplit } from '../../src/lib/views/lists.ts';
import { buildIndex, coopsIn, contractsCommissionedBy, indexById } from '../../src/lib/model/directory.ts';
import { embeddable } from '../../src/lib/views/place.ts';

const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
const index = buildIndex(dir);
const withEmbed = dir.bodies.filter((b) => embeddable(b, index));
const withoutEmbed = dir.bodies.filter((b) => !embeddable(b, index));
beforeAll(requireDist);

describe('embed pages', () => {
  test('some bodies have an embed page and some have nothing to embed', () => {
    expect(withEmbed.length).toBeGreaterThan(0);
    expect(withoutEmbed.length).toBeGreaterThan(0);
    for (const b of withoutEmbed) expect(hasPage(paths.embed(b.id)), b.id).toBe(false);
  });
  test.each(withEmbed.map((b) => [b.id, b] as const))(
    'embed/%s lists its contracts and co-ops; every link opens a new tab safely; not indexed',
    (_id, b) => {
      const html = page(paths.embed(b.id));
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(html).not.toMatch(/<header|<nav|<footer/);
      const contracts = [...html.matchAll(/data-contract="([^"]+)"/g)].map((m) => m[1]).sort();
      expect(contracts).toEqual(
        contractsCommissionedBy(b.id, dir.contracts)
          .map((c) => c.id)
          .sort(),
      );
      const coops = [...html.matchAll(/data-coop="([^"]+)"/g)].map((m) => m[1]).sort();
      const located = coopsIn(b, dir.coops, bodies);
      // A prefecture past one list page (src/lib/views/lists.ts) links to its list instead.
      if (b.kind === '都道府県' && needsSplit(located.length)) {
        expect(coops).toEqual([]);
        expect(html).toContain(`href="/${paths.coopsIn(b.id)}"`);
      } else expect(coops).toEqual(located.map((c) => c.id).sort());
      const anchors = [...html.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]);
      expect(anchors.length).toBeGreaterThan(1);
      for (const a of anchors) expect(a).toMatch(/target="_blank" rel="noopener noreferrer"/);
      expect(html).toContain(`href="/${paths.body(b.id)}"`);
    },
  );
});
