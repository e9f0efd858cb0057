/**
 * A build is whole or absent. Astro empties its outDir when it starts writing,
 * so a build killed half-way used to leave a half site in dist/ (no home
 * page, no search index, no `_headers`) that a preview or a deploy would serve.
 *
 * This integration, last in astro.config.mjs, points Astro's outDir at a
 * sibling `<outDir>.partial/` (same file system, so the final move is a
 * rename). When every other integration's `astro:build:done` has run (Astro
 * runs them in order: sitemap, Pagefind, `_headers`), it writes the
 * completion marker (build-marker.ts) and swaps the folder into place:
 * `<outDir>` → `<outDir>.previous`, `.partial` → `<outDir>`, then removes the
 * previous one. A build that fails or is killed never touches `<outDir>`; a
 * failed one removes its partial folder on exit, a killed one leaves it for
 * the next build, which empties it first. Between the two renames `<outDir>`
 * is absent, never half.
 *
 * Under `npm run build` (scripts/build.ts, build-parent.ts) the search index
 * is written after Astro's process has exited: this hook then hands the
 * partial folder to the parent, which writes the bundle, then the marker, and
 * swaps (finishSite), or removes the folder when the bundle fails.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeBuildMarker } from './build-marker.ts';
import { handSiteToParent, indexInParent } from './build-parent.ts';

/** The folders a build of `outDir` writes into and moves aside: siblings, so that moving is a rename. */
export function buildFolders(outDir: string): { target: string; partial: string; previous: string } {
  const target = outDir.replace(/[\\/]+$/, '');
  return { target, partial: `${target}.partial`, previous: `${target}.previous` };
}

/** Moves a finished `partial` to `target`, keeping the old `target` aside until the new one is in place. */
export function swapInto({ target, partial, previous }: ReturnType<typeof buildFolders>): void {
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, previous);
  renameSync(partial, target);
  rmSync(previous, { recursive: true, force: true });
}

/** Writes the marker into the finished `partial` folder and moves it into place; returns the files it counted. */
export function finishSite(folders: ReturnType<typeof buildFolders>, base: string): number {
  const { files } = writeBuildMarker(folders.partial, base);
  swapInto(folders);
  return files;
}

/** The integration; it must be the last one (it checks). */
export default function wholeBuild(): AstroIntegration {
  const name = 'roukyou-atlas:whole-build';
  let folders: ReturnType<typeof buildFolders> | undefined;
  let base = '/';
  let handed = false;
  return {
    name,
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        folders = buildFolders(fileURLToPath(config.outDir));
        updateConfig({ outDir: pathToFileURL(`${folders.partial}/`) });
        const partial = folders.partial;
        // A build that throws leaves no partial site behind (a killed one cannot tidy up: the next build empties it);
        // one handed to the parent is the parent's.
        process.once('exit', () => handed || rmSync(partial, { recursive: true, force: true }));
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
        if (folders && config.integrations.at(-1)?.name !== name)
          throw new Error(
            `${name} must be the last integration (its astro:build:done moves the finished site into place); last is ${config.integrations.at(-1)?.name}`,
          );
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!folders) return;
        if (fileURLToPath(dir).replace(/[\\/]+$/, '') !== folders.partial)
          throw new Error(`${name}: the build wrote to ${fileURLToPath(dir)}, not ${folders.partial}`);
        if (indexInParent()) {
          handed = true;
          return handSiteToParent({ folders, base });
        }
        const files = finishSite(folders, base);
        logger.info(`${files}ファイルを完成させてから ${folders.target} に移しました`);
      },
    },
  };
}
