/** Driving the /search/ page as a person would, shared by the search tests and bench:search. */
import type { Page } from 'playwright-core';

/** Types a query into the open search page, submits it, and waits until its results are shown. */
export async function runQuery(page: Page, q: string): Promise<void> {
  await page.fill('#search-q', q);
  await page.press('#search-q', 'Enter');
  await page.waitForFunction((q) => {
    const el = document.querySelector<HTMLElement>('site-search')!;
    return el.dataset.state === 'done' && el.dataset.query === q.trim();
  }, q);
}

/** The result paths shown, in order, relative to the site's base path. */
export async function resultPaths(page: Page, base: string): Promise<string[]> {
  const urls = await page.$$eval('.search-result', (items) => items.map((li) => (li as HTMLElement).dataset.url ?? ''));
  return urls.map((u) => u.slice(base.length));
}
