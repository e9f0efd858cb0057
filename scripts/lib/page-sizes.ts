/**
 * The HTML pages of a built site by size, largest first: for the scale
 * benchmark's "no page over ~200 kB at 10,000 co-ops" line.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The goal for one HTML page at 10,000 co-ops, in bytes (~200 kB). */
export const PAGE_BYTES_GOAL = 200 * 1024;

/** Every .html file under `dir` with its size in bytes, largest first (ties by path). */
export function htmlPagesBySize(dir: string): Array<{ path: string; bytes: number }> {
  const out: Array<{ path: string; bytes: number }> = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else if (name.endsWith('.html')) out.push({ path: relative(dir, p), bytes: s.size });
    }
  };
  walk(dir);
  return out.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1));
}

/** One line: the largest page, the next few, and how many pages pass the goal. */
export function largestPageLine(dir: string, show = 5): string {
  const pages = htmlPagesBySize(dir);
  const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  const over = pages.filter((p) => p.bytes > PAGE_BYTES_GOAL);
  const [top, ...next] = pages.slice(0, show);
  if (!top) return 'largest page: none (no HTML)';
  return [
    `largest page: ${top.path}, ${kB(top.bytes)}`,
    next.length ? `next: ${next.map((p) => `${p.path} ${kB(p.bytes)}`).join(', ')}` : '',
    `${over.length} of ${pages.length} pages over ${kB(PAGE_BYTES_GOAL)}${over.length ? ` (${[...new Set(over.map((p) => p.path.split('/')[0]))].join(', ')})` : ''}`,
  ]
    .filter(Boolean)
    .join('; ');
}
