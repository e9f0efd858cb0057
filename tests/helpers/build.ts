/** Runs `astro build` on other content or at another base, into a temporary folder. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/** Builds with the given environment (CONTENT_DIR, BASE_PATH …) into a fresh temporary outDir. */
export function buildSite(env: Record<string, string>): BuildResult {
  const work = mkdtempSync(join(tmpdir(), 'ra-build-'));
  const outDir = join(work, 'dist');
  const root = process.cwd();
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  // With an outDir outside the project, Astro keeps prerender chunks in <cwd>/.astro/; run from the
  // temporary folder (node_modules linked there) so builds running at the same time never share them.
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
  // Vitest puts Vite's own variables (BASE_URL, MODE, NODE_ENV=test …) into process.env; a build must not inherit them.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(k)));
  const r = spawnSync(process.execPath, [astro, 'build', '--root', root, '--outDir', outDir], {
    cwd: work,
    env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: join(work, 'cache'), ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, outDir };
}
