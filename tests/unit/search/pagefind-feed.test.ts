/**
 * How the build starts Pagefind's process (src/search/build/pagefind-feed.ts): one thread each for its runtime and its
 * loops, and smaller index chunks.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterEach, describe, expect, test } from 'vitest';
import { INDEX_CHUNK_SIZE, PAGEFIND_ENV, openFeed, withPagefindEnv } from '../../../src/search/build/pagefind-feed.ts';

const NAMES = Object.keys(PAGEFIND_ENV) as Array<keyof typeof PAGEFIND_ENV>;

/** The environment of this process's children whose command starts with `name` (Linux's /proc). */
function childEnvironments(name: string): Array<Map<string, string>> {
  const found: Array<Map<string, string>> = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid !== process.pid || !comm.startsWith(name)) continue;
    const pairs = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
    found.push(new Map(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)])));
  }
  return found;
}

afterEach(async () => {
  await pagefind.close();
  for (const name of NAMES) delete process.env[name];
});

describe('withPagefindEnv', () => {
  test('the variables are set while the process is started, and gone afterwards', () => {
    const seen = withPagefindEnv(() => NAMES.map((n) => process.env[n]));
    expect(seen).toEqual(NAMES.map((n) => PAGEFIND_ENV[n]));
    for (const name of NAMES) expect(process.env[name]).toBeUndefined();
  });
  test('a variable already set is left as it was, during and after', () => {
    process.env.TOKIO_WORKER_THREADS = '3';
    expect(withPagefindEnv(() => [process.env.TOKIO_WORKER_THREADS, process.env.RAYON_NUM_THREADS])).toEqual([
      '3',
      '1',
    ]);
    expect(process.env.TOKIO_WORKER_THREADS).toBe('3');
    expect(process.env.RAYON_NUM_THREADS).toBeUndefined();
  });
  test('the environment is restored when starting throws', () => {
    expect(() =>
      withPagefindEnv(() => {
        throw new Error('no binary');
      }),
    ).toThrow('no binary');
    for (const name of NAMES) expect(process.env[name]).toBeUndefined();
  });
});

describe('openFeed', () => {
  test("Pagefind's process runs with one thread each (read from Linux's /proc)", async () => {
    const feed = await openFeed();
    try {
      const envs = childEnvironments('pagefind');
      expect(envs).toHaveLength(1);
      for (const name of NAMES) expect(envs[0]!.get(name)).toBe(PAGEFIND_ENV[name]);
      // The build's own environment is untouched.
      for (const name of NAMES) expect(process.env[name]).toBeUndefined();
    } finally {
      await feed.close();
    }
  });

  test("the bundle it writes closes an index chunk at INDEX_CHUNK_SIZE postings, not at Pagefind's default 20,000", async () => {
    // 40 pages of 100 words each, each word on one page once: 40 × 100 × 2 postings (a location and its page), so
    // at least 8,000 ÷ INDEX_CHUNK_SIZE chunks where Pagefind's default would write one.
    const pages = 40;
    const words = 100;
    const out = mkdtempSync(join(tmpdir(), 'ra-chunks-'));
    try {
      const feed = await openFeed();
      for (let p = 0; p < pages; p++) {
        const text = Array.from({ length: words }, (_, w) => `w${p}x${w}q`).join(' ');
        await feed.add({
          url: `/p${p}/`,
          content: `<html lang="ja"><body><main data-pagefind-body><p>${text}</p></main></body></html>`,
        });
      }
      await feed.finish(join(out, 'pagefind'));
      const chunks = readdirSync(join(out, 'pagefind', 'index')).length;
      expect(chunks).toBeGreaterThanOrEqual(Math.floor((pages * words * 2) / INDEX_CHUNK_SIZE));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
