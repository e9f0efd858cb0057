/**
 * Links and resources on every built page: every internal href and src resolves to a file in dist/, links that open a
 * new tab carry rel="noopener noreferrer", every href uses http(s), mailto, tel, a path or a fragment, and markup loads
 * no third-party script, stylesheet, image or frame.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { distFiles, page, requireDist } from '../helpers/dist.ts';

beforeAll(requireDist);
const htmlFiles = () => distFiles().filter((f) => f.endsWith('.html'));

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

describe('links and resources', () => {
  test('links that open a new tab carry rel="noopener noreferrer"', () => {
    const bad: string[] = [];
    for (const f of htmlFiles()) {
      for (const m of page(f).matchAll(/<a\b[^>]*\btarget="_blank"[^>]*>/g)) {
        const rel = /\brel="([^"]*)"/.exec(m[0])?.[1]?.split(/\s+/) ?? [];
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) bad.push(`${f}: ${m[0]}`);
      }
    }
    expect(bad).toEqual([]);
  });
  test('every href uses http(s), mailto, tel, a path or a fragment', () => {
    const bad: string[] = [];
    for (const f of htmlFiles()) {
      for (const m of page(f).matchAll(/\bhref="([^"]*)"/g)) {
        const href = m[1]!;
        if (/^(https?:\/\/|mailto:|tel:|\/|#|\.\.?\/)/.test(href)) continue;
        if (/^[a-z][a-z0-9+.-]*:/i.test(href)) bad.push(`${f}: ${href}`);
      }
    }
    expect(bad).toEqual([]);
  });
  test('markup loads no third-party script, stylesheet, image or frame', () => {
    const bad: string[] = [];
    for (const f of htmlFiles()) {
      const html = page(f);
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
