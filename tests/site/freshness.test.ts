/**
 * Freshness and corrections on every detail page of the built site (co-ops, public bodies, categories, councils): when
 * it was last checked, a correction link with the page's id (the default build, without REPO_URL: to /about/), and
 * the re-check notice on exactly the entries whose newest source is over a year old.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { hasPage, page, requireDist, text } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { needsRecheck } from '../../src/lib/model/directory.ts';
import { todayInJapan } from '../../src/lib/model/dates.ts';

const dir = loadContentDirectory();
beforeAll(requireDist);

describe('detail pages: freshness and corrections', () => {
  const detail = [
    ...dir.coops.map((c) => [paths.coop(c.id), `coops/${c.id}`] as const),
    ...dir.bodies.map((b) => [paths.body(b.id), `municipalities/${b.id}`] as const),
    ...dir.categories.map((c) => [paths.category(c.id), `categories/${c.id}`] as const),
    ...dir.councils.map((c) => [paths.council(c.id), `model-project/${c.id}`] as const),
  ];
  test.each(detail)('%s shows when it was checked and links to corrections with id %s', (route, id) => {
    expect(hasPage(route)).toBe(true);
    const html = page(route);
    expect(html).toContain('class="last-checked"');
    const p = new RegExp(`<p class="correction[^"]*"[^>]*data-page-id="${id}"[\\s\\S]*?</p>`).exec(html);
    expect(p, `correction link with id ${id}`).not.toBeNull();
    expect(text(p![0])).toContain(id);
    expect(p![0]).toMatch(
      /href="(\/about\/#corrections|https?:\/\/[^"]+\/issues\/new\?template=correction\.yml&amp;page-id=)/,
    );
  });
  test('exactly the entries whose newest source is over a year old show the re-check notice', () => {
    const today = todayInJapan();
    for (const c of dir.coops)
      expect(page(paths.coop(c.id)).includes('class="recheck"'), c.id).toBe(needsRecheck(c.sources, today));
    for (const b of dir.categories)
      expect(page(paths.category(b.id)).includes('class="recheck"'), b.id).toBe(needsRecheck(b.sources, today));
  });
});
