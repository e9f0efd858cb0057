/**
 * Whole builds on fixture content: a broken entry stops `astro build` with
 * every problem named by file and field (as `npm run check:data` does), and
 * a build at a sub-path links only inside that sub-path.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync, statSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { SUB_PATH, buildSite, subPathBuild } from '../helpers/build.ts';
import { DIST, linksToPendingPart, requireDist } from '../helpers/dist.ts';

const BROKEN = 'tests/fixtures/broken';
const expected = [
  ['coops/bad-ref.yaml', 'categories[1]'],
  ['coops/bad-field.yaml', 'categries'],
  ['coops/bad-coords.yaml', 'location.lat'],
  ['coops/no-sources.yaml', 'sources'],
  ['coops/future.yaml', 'established'],
  ['coops/bad-url.yaml', 'contact.website'],
  ['coops/empty-name.yaml', 'name'],
  ['municipalities/131042.yaml', '(id: ファイル名)'],
  ['national-counts/2024-10-01.yaml', 'corporations'],
  ['guides/unsafe.mdx', '(本文 17行目)'],
  ['guides/unsafe.mdx', '(本文 20行目)'],
  ['coops/bad-houjin.yaml', 'corporateNumber'],
];

describe('broken content', () => {
  test("astro build fails, names every file and field, and never runs a guide's code", () => {
    const pwned = join(mkdtempSync(join(tmpdir(), 'ra-pwned-')), 'executed');
    const secret = `secret-${process.pid}-${Date.now()}`;
    const r = buildSite({ CONTENT_DIR: BROKEN, RA_PWNED_FILE: pwned, RA_SECRET_MARKER: secret });
    expect(r.status).not.toBe(0);
    for (const [file, field] of expected) expect(r.output).toContain(`${BROKEN}/${file} › ${field}`);
    expect(existsSync(join(r.outDir, 'index.html'))).toBe(false);
    expect(existsSync(pwned), 'the guide ran a shell command').toBe(false);
    expect(r.output).not.toContain(secret);
  });
  test('npm run check:data fails and names every file and field', () => {
    const r = spawnSync(process.execPath, ['scripts/check-data.ts'], {
      env: { ...process.env, CONTENT_DIR: BROKEN },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    for (const [file, field] of expected) expect(r.stderr).toContain(`${BROKEN}/${file} › ${field}`);
  });
  test('the valid fixture passes the data check', () => {
    const r = spawnSync(process.execPath, ['scripts/check-data.ts'], {
      env: { ...process.env, CONTENT_DIR: 'tests/fixtures/valid' },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

function filesUnder(root: string): string[] {
  return (function walk(d: string): string[] {
    return readdirSync(d).flatMap((n) =>
      statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [relative(root, join(d, n))],
    );
  })(root);
}

describe('reproducible builds', () => {
  test('a second build of the same commit, with a cold cache, is byte-identical to dist/', () => {
    requireDist();
    const r = buildSite({});
    expect(r.status, r.output).toBe(0);
    const a = filesUnder(DIST).sort();
    const b = filesUnder(r.outDir).sort();
    expect(b).toEqual(a);
    const differing = a.filter((f) => !readFileSync(join(DIST, f)).equals(readFileSync(join(r.outDir, f))));
    expect(differing).toEqual([]);
  });
});

describe('a build at a sub-path', () => {
  test('every internal link of the real site starts with the base and resolves (root-relative and absolute alike)', async () => {
    const { site, base } = SUB_PATH;
    const r = await subPathBuild();
    expect(r.status, r.output).toBe(0);
    const files = filesUnder(r.outDir);
    const set = new Set(files);
    const outside: string[] = [];
    const broken: string[] = [];
    const origin = site.replace(/[.]/g, '\\.');
    const check = (f: string, url: string) => {
      if (!url.startsWith(base)) {
        outside.push(`${f} → ${url}`);
        return;
      }
      const target = url.slice(base.length);
      if (linksToPendingPart(target, set)) return;
      const resolved = target === '' || target.endsWith('/') ? `${target}index.html` : target;
      if (!set.has(decodeURIComponent(resolved))) broken.push(`${f} → ${url}`);
    };
    let absolute = 0;
    const local = (m: RegExpMatchArray) => {
      if (m[1]!.startsWith(site)) absolute++;
      return m[1]!.startsWith(site) ? m[1]!.slice(site.length) : m[1]!;
    };
    for (const f of files.filter((f) => f.endsWith('.html'))) {
      for (const m of readFileSync(join(r.outDir, f), 'utf8').matchAll(
        new RegExp(`(?:href|src|content)="((?:${origin})?/[^"#?]*)`, 'g'),
      ))
        check(f, local(m));
    }
    // The JSON API's URLs ($schema, url, page, index, schema …) and the data package's resource paths too.
    for (const f of files.filter((f) => f.startsWith('api/') && f.endsWith('.json'))) {
      for (const m of readFileSync(join(r.outDir, f), 'utf8').matchAll(new RegExp(`"((?:${origin})?/[^"#?{]*)"`, 'g')))
        check(f, local(m));
    }
    // SITE_URL is set: canonical links, og:url and the API's URLs are absolute, and they were checked too.
    expect(absolute).toBeGreaterThan(files.filter((f) => f.endsWith('.html')).length);
    const pkg = JSON.parse(readFileSync(join(r.outDir, 'datapackage.json'), 'utf8')) as {
      resources: Array<{ path: string; schema: unknown }>;
    };
    for (const res of pkg.resources) {
      if (!set.has(res.path)) broken.push(`datapackage.json → ${res.path}`);
      if (typeof res.schema === 'string' && !set.has(res.schema)) broken.push(`datapackage.json → ${res.schema}`);
    }
    expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(5);
    expect(outside).toEqual([]);
    expect(broken).toEqual([]);
  });
});
