/** One stylesheet per page (src/lib/publish/stylesheets.ts): a page's CSS chunks joined in order, named by content. */
import { describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { cspHeader } from '../../../src/lib/publish/csp.ts';
import {
  inlineStylesheets,
  joinStylesheets,
  joinedName,
  replaceStylesheets,
  styleHash,
  stylesheetHrefs,
} from '../../../src/lib/publish/stylesheets.ts';

const page = (links: string[], body = '<p>x</p>') =>
  `<!doctype html><html><head><meta charset="utf-8">${links.map((h) => `<link rel="stylesheet" href="${h}">`).join('')}<title>t</title></head><body>${body}</body></html>`;

describe('one stylesheet per page', () => {
  test('reads the head’s stylesheet links in document order, not links in the body', () => {
    const html = page(['/sub/_astro/a.css', '/sub/_astro/b.css'], '<link rel="stylesheet" href="/sub/_astro/c.css">');
    expect(stylesheetHrefs(html)).toEqual(['/sub/_astro/a.css', '/sub/_astro/b.css']);
  });

  test('replaces the links with one, where the first was, and leaves the rest of the page as it was', () => {
    const html = page(['/_astro/a.css', '/_astro/b.css', '/_astro/c.css']);
    const out = replaceStylesheets(html, '/_astro/page.x.css');
    expect(out).toBe(
      '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/_astro/page.x.css"><title>t</title></head><body><p>x</p></body></html>',
    );
    expect(stylesheetHrefs(out)).toEqual(['/_astro/page.x.css']);
  });

  test('a page with one link or none is left alone', () => {
    for (const links of [[], ['/_astro/a.css']])
      expect(replaceStylesheets(page(links), '/_astro/page.x.css')).toBe(page(links));
  });

  test('joins chunks in link order, each ending in a newline, so the cascade and @layer order stay as they were', () => {
    const css = joinStylesheets([
      { name: 'a.css', css: '@layer reset, base;\n@layer base{p{color:red}}' },
      { name: 'b.css', css: 'p{color:blue}\n' },
    ]);
    expect(css).toBe('@layer reset, base;\n@layer base{p{color:red}}\np{color:blue}\n');
  });

  test('refuses an @import or @charset that would stop applying once joined after another sheet', () => {
    expect(() =>
      joinStylesheets([
        { name: 'a.css', css: 'p{}' },
        { name: '/_astro/b.css', css: '@import "x.css";' },
      ]),
    ).toThrow(/\/_astro\/b\.css.*@import/);
    expect(() =>
      joinStylesheets([
        { name: 'a.css', css: '@charset "utf-8";p{}' },
        { name: 'b.css', css: 'p{}' },
      ]),
    ).not.toThrow();
  });

  test('names joined CSS by its content: the same CSS, the same name; other CSS, another', () => {
    expect(joinedName('p{}')).toBe(joinedName('p{}'));
    expect(joinedName('p{}')).not.toBe(joinedName('a{}'));
    expect(joinedName('p{}')).toMatch(/^page\.[\w-]{10}\.css$/);
  });
});

describe('inlined stylesheets, the measured alternative (INLINE_STYLESHEETS=1)', () => {
  const withCsp = (links: string[]) =>
    page(links).replace(
      '<meta charset="utf-8">',
      `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${cspHeader({ meta: true })}">`,
    );

  test('hashes the exact UTF-8 bytes of the block, as a browser does (non-ASCII text included)', () => {
    const css = 'q::before{content:"「"}\n';
    const expected = createHash('sha256').update(Buffer.from(css, 'utf8')).digest('base64');
    expect(styleHash(css)).toBe(`'sha256-${expected}'`);
    expect(styleHash(css)).not.toBe(styleHash(css.trimEnd()));
  });

  test('replaces the links with one <style> where the first was, and allows exactly that block in the page’s CSP', () => {
    const css = 'p{color:red}\na{color:blue}\n';
    const out = inlineStylesheets(withCsp(['/sub/_astro/a.css', '/sub/_astro/b.css']), css);
    expect(stylesheetHrefs(out)).toEqual([]);
    expect(out).toContain(`<style>${css}</style><title>`);
    const policy = /content="([^"]*)"/.exec(out)![1]!;
    expect(policy).toContain(`style-src 'self' ${styleHash(css)};`);
    expect(policy).not.toContain('unsafe-inline');
  });

  test('a page without stylesheet links is left alone; a page without a CSP meta tag or a sheet holding </style is refused', () => {
    expect(inlineStylesheets(withCsp([]), 'p{}')).toBe(withCsp([]));
    expect(() => inlineStylesheets(page(['/_astro/a.css']), 'p{}')).toThrow(/CSP meta tag/);
    expect(() => inlineStylesheets(withCsp(['/_astro/a.css']), 'p{}</style><script>')).toThrow(/<\/style/);
  });
});
