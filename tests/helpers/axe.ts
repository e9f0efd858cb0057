/**
 * axe-core in the page under test. It is injected through the DevTools
 * protocol (page.evaluate), which the page's Content-Security-Policy does not
 * govern, so the tests run under the same strict policy readers get.
 */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0–2.2 A and AA, plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe on the page as it is now; returns its violations (an empty array is a pass). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    // @ts-expect-error axe was evaluated into the page above
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map(
      (v: { id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(' ')),
      }),
    );
  }, AXE_TAGS);
}
