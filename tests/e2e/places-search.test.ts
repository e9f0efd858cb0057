/**
 * Every place answers a search: typing a municipality's name or its kana
 * reading in /search/ finds its generated page first. The places are chosen
 * from the official list (a city with facts, a village with none, a town in
 * a prefecture without points), never hard-coded beyond 桶川市 from the issue.
 */
import { describe, expect, test } from 'vitest';
import { useSiteInBrowser, localOnlyContext } from '../helpers/browser.ts';
import { resultPaths, runQuery } from '../helpers/search-page.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/model/paths.ts';

const dir = loadContentDirectory();
const site = useSiteInBrowser();
const unique = (name: string) => dir.bodies.filter((b) => b.name === name).length === 1;
const plain = dir.bodies.filter(
  (b) =>
    !dir.contracts.some((c) => c.commissioner === b.id) &&
    !dir.coops.some((c) => c.municipality === b.id) &&
    unique(b.name),
);
const places = [
  dir.bodies.find((b) => b.id === '112313')!,
  plain.find((b) => b.kind === '村')!,
  plain.find((b) => b.kind === '町' && !b.location)!,
  plain.find((b) => b.kind === '特別区')!,
];

describe('a place is found by its name and its reading', () => {
  test.each(places.map((b) => [b.name, b] as const))('%s', async (_name, body) => {
    const { context } = await localOnlyContext(site.browser);
    const page = await context.newPage();
    await page.goto(`${site.url}${paths.search()}`);
    for (const q of [body.name, body.reading]) {
      await runQuery(page, q);
      expect((await resultPaths(page, '/'))[0], q).toBe(paths.body(body.id));
    }
    await context.close();
  });
});
