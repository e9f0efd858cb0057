/** One stylesheet per page (src/lib/publish/stylesheets.ts): a page's CSS chunks joined in order, named by content. */
import { describe, expect, test } from 'vitest';
import {
  joinStylesheets,
  joinedName,
  replaceStylesheets,
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
