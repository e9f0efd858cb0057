/**
 * Reproducible builds: a second build of the same commit, with a cold cache, is byte-identical to dist/. The second
 * is plain `astro build`, which writes the search index in Astro's own process, where `npm run build` (dist/) writes
 * it once Astro's process has exited: both give the same site, the index included.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, type BuildResult } from '../helpers/build.ts';
import { DIST, distFiles, requireDist } from '../helpers/dist.ts';

describe('reproducible builds', () => {
  let r: BuildResult;
  // A whole build, which may first wait for another file's (tests/helpers/build.ts): the hook's timeout, not a test's.
  beforeAll(() => {
    requireDist();
    r = buildSite({}, undefined, 'astro build');
  });
  test('a second build of the same commit, with a cold cache and plain astro build, is byte-identical to dist/', () => {
    expect(r.status, r.output).toBe(0);
    const a = distFiles(DIST).sort();
    const b = distFiles(r.outDir).sort();
    expect(b).toEqual(a);
    const differing = a.filter((f) => !readFileSync(join(DIST, f)).equals(readFileSync(join(r.outDir, f))));
    expect(differing).toEqual([]);
  });
});
