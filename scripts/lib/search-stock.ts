/**
 * Stock Pagefind beside ours, for bench-search.ts: its command-line tool with its default settings (run from an
 * empty folder so no pagefind.yml is read; BENCH_STOCK_ARGS adds arguments) over the very same built pages, its
 * bundle put under /pagefind-stock/ of a folder that otherwise serves the build as it is.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLine, pagefindCli, peakOf } from './bench-common.ts';
import { writeBuildMarker } from '../../src/integrations/build-marker.ts';

/** More arguments for stock Pagefind's CLI (none: its defaults), e.g. `--force-language ja --exclude-selectors .coop-table`. */
export const STOCK_ARGS = (process.env.BENCH_STOCK_ARGS ?? '').split(/\s+/).filter(Boolean);
/** The stock bundle's folder in the overlay. */
export const STOCK = 'pagefind-stock/';

/**
 * A folder that serves the build as it is, plus stock Pagefind's bundle of the same pages under /pagefind-stock/
 * (the command-line tool, default settings, run from an empty folder so that no pagefind.yml is read). Its temporary
 * folders are added to `temps`; `root` is this project's folder.
 */
export async function withStockBundle(root: string, dist: string, label: string, temps: string[]): Promise<string> {
  const overlay = mkdtempSync(join(tmpdir(), 'ra-search-overlay-'));
  temps.push(overlay);
  // A copy, not links: the preview serves no link, and only a whole build (its marker is rewritten below).
  cpSync(dist, overlay, { recursive: true });
  const cwd = mkdtempSync(join(tmpdir(), 'ra-search-stock-cwd-'));
  temps.push(cwd);
  const before = loadLine();
  const r = await pagefindCli(root, ['--site', dist, '--output-path', join(overlay, STOCK), ...STOCK_ARGS], cwd);
  if (r.code !== 0) throw new Error(`pagefind CLI failed:\n${r.output.slice(-3000)}`);
  writeBuildMarker(overlay, '/');
  const pages = /Indexed (\d+) pages?/.exec(r.output)?.[1] ?? '?';
  console.log(
    `stock Pagefind CLI${STOCK_ARGS.length ? ` (${STOCK_ARGS.join(' ')})` : ' (defaults)'} on ${label}: ${pages} pages in ${r.seconds.toFixed(1)} s, peak ${peakOf(r, /pagefind/).toFixed(0)} MB (${before})`,
  );
  return overlay;
}
