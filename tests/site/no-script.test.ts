/** Content pages ship no JavaScript: every built page but the map and search islands has no script but JSON-LD, no inline handler and no module preload. */
import { beforeAll, describe, expect, test } from 'vitest';
import { page, publicPages, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';

const dir = loadContentDirectory();
beforeAll(requireDist);

describe('no JavaScript on content pages', () => {
  // The CMS under admin/ is no content page: it is Decap CMS's script (tests/site/admin.test.ts).
  const htmlFiles = publicPages();
  const islands = ['map/index.html', 'search/index.html'];
  test('there are pages to check', () => expect(htmlFiles.length).toBeGreaterThan(dir.coops.length));
  test.each(htmlFiles.filter((f) => !islands.includes(f)))('%s has no script but JSON-LD', (f) => {
    const html = page(f);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.filter((attrs) => !/type="application\/ld\+json"/.test(attrs))).toEqual([]);
    expect(html).not.toMatch(/\son[a-z]+="/); // no inline event handlers
    expect(html).not.toMatch(/<link[^>]+rel="modulepreload"/);
  });
});
