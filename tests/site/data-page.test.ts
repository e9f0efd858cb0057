/**
 * How the built site points to its open data: /data/ documents every column and key of every download, the licence
 * and how to cite; every page's footer links to /data/; a public body's page offers its contracts CSV only when it
 * has contracts, and an iframe snippet for its embed page.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { page, publicPages, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { buildIndex, contractsCommissionedBy } from '../../src/lib/model/directory.ts';
import { embeddable } from '../../src/lib/views/place.ts';
import { DATASETS } from '../../src/lib/publish/datasets/index.ts';

const dir = loadContentDirectory();
const index = buildIndex(dir);
beforeAll(requireDist);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('links to the open data', () => {
  // The CMS under admin/ is no public page and has no site footer.
  const htmlFiles = publicPages();
  test('the footer links to the open data on every page', () => {
    for (const f of htmlFiles.filter((f) => !f.startsWith('embed/'))) {
      expect(page(f), f).toMatch(
        f.startsWith('en/')
          ? /<footer[\s\S]*href="\/en\/data\/"[^>]*>Open data</
          : /<footer[\s\S]*href="\/data\/"[^>]*>オープンデータ</,
      );
    }
  });
  test('/data/ documents every column and key of every download, the licence and how to cite', () => {
    const html = page(paths.data());
    for (const ds of Object.values(DATASETS)) {
      for (const f of ds.fields) {
        if (f.header) expect(html).toMatch(new RegExp(`<th scope="row"[^>]*>${escapeRe(f.header)}</th>`));
        if (f.inJson) expect(html).toMatch(new RegExp(`<code[^>]*>${escapeRe(f.key)}</code>`));
      }
      expect(html).toContain(`href="/${paths.dataFile(`${ds.name}.csv`)}"`);
      expect(html).toContain(`href="/${paths.dataFile(`${ds.name}.json`)}"`);
    }
    expect(html).toContain('CC BY 4.0');
    expect(html).toContain('id="cite-this-heading"');
  });
  test.each(dir.bodies.map((b) => [b.id, b] as const))(
    'public body %s offers its CSV only when it has contracts, and an iframe snippet only when it has an embed page',
    (_id, b) => {
      const html = page(paths.body(b.id));
      const n = contractsCommissionedBy(b.id, dir.contracts).length;
      if (n > 0) expect(html).toContain(`href="/${paths.bodyContractsCsv(b.id)}"`);
      else expect(html).not.toContain(`href="/${paths.bodyContractsCsv(b.id)}"`);
      expect(html).not.toContain('（CSV、0件）');
      expect(html).not.toContain('SITE_URL');
      const snippet = /<pre class="snippet"[^>]*><code[^>]*>([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1] ?? '';
      if (!embeddable(b, index)) {
        expect(snippet).toBe('');
        expect(html).not.toContain(`/${paths.embed(b.id)}`);
        return;
      }
      expect(snippet.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>')).toMatch(
        new RegExp(`^<iframe src="/${paths.embed(b.id)}" title="[^"]+" [^>]*></iframe>$`),
      );
    },
  );
});
