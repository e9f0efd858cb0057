/** The embed pages of the built site: each public body's lists its contracts and co-ops, opens every link in a new tab safely, and is not indexed. */
import { beforeAll, describe, expect, test } from 'vitest';
import { page, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { needsSplit } from '../../src/lib/views/lists.ts';
import { coopsIn, contractsCommissionedBy, indexById } from '../../src/lib/model/directory.ts';

const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
beforeAll(requireDist);

describe('embed pages', () => {
  test.each(dir.bodies.map((b) => [b.id, b] as const))(
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
