/**
 * The islands' JavaScript carries browser code only: no schema library and
 * nothing from Node. A shared helper that starts importing the schemas
 * (which pulled zod into the search page's bundle once) fails here.
 */
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, distFiles, requireDist } from '../helpers/dist.ts';

test('no built script contains zod or a node: import', () => {
  requireDist();
  const scripts = distFiles().filter((f) => f.startsWith('_astro/') && f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const f of scripts) {
    const js = readFileSync(join(DIST, f), 'utf8');
    expect(js.includes('_zod'), `${f} bundles zod`).toBe(false);
    expect(/from\s*["']node:/.test(js), `${f} imports a Node module`).toBe(false);
  }
});
