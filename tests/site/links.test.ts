/**
 * Links and resources on every built page: every internal href and src resolves to a file in dist/; and on the deploy
 * build (SITE_URL, REPO_URL, a sub-path: what readers get), links that open a new tab carry rel="noopener noreferrer",
 * every href uses http(s), mailto, tel, a path or a fragment, and markup loads no third-party script, stylesheet, image
 * or frame. (site-url.test.ts follows the deploy build's internal and absolute links.)
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distFiles, page, requireDist } from '../helpers/dist.ts';
import { SUB_PATH, subPathBuild } from '../helpers/build.ts';

beforeAll(requireDist);

describe('internal links', () => {
  test('every internal href and src resolves to a file in dist/', () => {
    const files = new Set(distFiles());
    const broken: string[] = [];
    for (const f of distFiles().filter((f) => f.endsWith('.html'))) {
      for (const m of page(f).matchAll(/(?:href|src)="(\/[^"#?]*)/g)) {
        const target = m[1]!.replace(/^\//, '');
        const resolved = target === '' || target.endsWith('/') ? `${target}index.html` : target;
        if (!files.has(decodeURIComponent(resolved))) broken.push(`${f} → ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

// On the deploy build (SITE_URL, REPO_URL, a sub-path): its correction links, canonical and embed URLs are checked too.
describe('links and resources, on the deploy build', () => {
  let deploy: { files: string[]; read: (f: string) => string };
  beforeAll(async () => {
    const r = await subPathBuild();
    expect(r.status, r.output).toBe(0);
    deploy = {
      files: distFiles(r.outDir).filter((f) => f.endsWith('.html')),
      read: (f) => readFileSync(join(r.outDir, f), 'utf8'),
    };
  }, 900_000);
  test("it is the deploy build: correction links open the repository's issue form", () => {
    expect(deploy.files.some((f) => deploy.read(f).includes(`href="${SUB_PATH.repo}/issues/new`))).toBe(true);
  });
  test('links that open a new tab carry rel="noopener noreferrer"', () => {
    const bad: string[] = [];
    for (const f of deploy.files) {
      for (const m of deploy.read(f).matchAll(/<a\b[^>]*\btarget="_blank"[^>]*>/g)) {
        const rel = /\brel="([^"]*)"/.exec(m[0])?.[1]?.split(/\s+/) ?? [];
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) bad.push(`${f}: ${m[0]}`);
      }
    }
    expect(bad).toEqual([]);
  });
  test('every href uses http(s), mailto, tel, a path or a fragment', () => {
    const bad: string[] = [];
    for (const f of deploy.files) {
      for (const m of deploy.read(f).matchAll(/\bhref="([^"]*)"/g)) {
        const href = m[1]!;
        if (/^(https?:\/\/|mailto:|tel:|\/|#|\.\.?\/)/.test(href)) continue;
        if (/^[a-z][a-z0-9+.-]*:/i.test(href)) bad.push(`${f}: ${href}`);
      }
    }
    expect(bad).toEqual([]);
  });
  test('markup loads no third-party script, stylesheet, image or frame', () => {
    const bad: string[] = [];
    for (const f of deploy.files) {
      const html = deploy.read(f);
      for (const m of html.matchAll(/<(script|img|iframe|source|video|audio)\b[^>]*\bsrc="(https?:)?\/\/[^"]*"/g))
        bad.push(`${f}: ${m[0]}`);
      for (const m of html.matchAll(/<link\b[^>]*>/g)) {
        if (
          /\brel="(stylesheet|preload|modulepreload|icon|manifest)"/.test(m[0]) &&
          /\bhref="(https?:)?\/\//.test(m[0])
        )
          bad.push(`${f}: ${m[0]}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
