import { describe, expect, test } from 'vitest';
import {
  chunkImports,
  insertPreloads,
  moduleScriptSrcs,
  preloadsFor,
} from '../../../src/lib/publish/module-preloads.ts';

describe('moduleScriptSrcs', () => {
  test('names module scripts with a src, not JSON-LD or inline ones', () => {
    const html =
      '<script type="application/ld+json">{}</script><script type="module" src="/b/_astro/a.js"></script><script type="module">x</script>';
    expect(moduleScriptSrcs(html)).toEqual(['/b/_astro/a.js']);
  });
});

describe('chunkImports', () => {
  test('static and dynamic relative imports of minified code, in any quotes', () => {
    const code =
      'import{t as e}from"./preload-helper.X1.js";import"./side.Y2.js";e(()=>import(`./leaflet.Z3.js`),[]);import(\'./other.W4.js\')';
    expect(chunkImports(code)).toEqual({
      static: ['./preload-helper.X1.js', './side.Y2.js'],
      dynamic: ['./leaflet.Z3.js', './other.W4.js'],
    });
  });
});

describe('preloadsFor', () => {
  const files: Record<string, string> = {
    '/sub/_astro/entry.js': 'import{t}from"./helper.js";t(()=>import(`./leaflet.A.js`));import("./other.js")',
    '/sub/_astro/helper.js': 'export const t=1',
    '/sub/_astro/leaflet.A.js': 'import"./shared.js";const css=`/sub/_astro/leaflet.B.css`',
    '/sub/_astro/shared.js': '',
    '/sub/_astro/other.js': 'const css=`/sub/_astro/other.css`',
  };
  const read = (url: string) => {
    const code = files[url];
    if (code === undefined) throw new Error(`no ${url}`);
    return code;
  };

  test("the entry's static imports, the chosen lazy chunk with its imports and stylesheet; nothing else", () => {
    expect(preloadsFor(['/sub/_astro/entry.js'], read, (n) => n.startsWith('leaflet.'), '/sub/_astro/')).toEqual({
      modules: ['/sub/_astro/helper.js', '/sub/_astro/leaflet.A.js', '/sub/_astro/shared.js'],
      styles: ['/sub/_astro/leaflet.B.css'],
    });
  });

  test('no lazy chunk chosen: the static imports only', () => {
    expect(preloadsFor(['/sub/_astro/entry.js'], read, () => false, '/sub/_astro/')).toEqual({
      modules: ['/sub/_astro/helper.js'],
      styles: [],
    });
  });
});

describe('insertPreloads', () => {
  test('puts the links at the end of <head>', () => {
    expect(
      insertPreloads('<head><title>t</title></head><body></body>', { modules: ['/a.js'], styles: ['/b.css'] }),
    ).toBe(
      '<head><title>t</title><link rel="modulepreload" href="/a.js"><link rel="preload" href="/b.css" as="style"></head><body></body>',
    );
  });

  test('refuses a page without </head>', () => {
    expect(() => insertPreloads('<p>x</p>', { modules: ['/a.js'], styles: [] })).toThrow('</head>');
  });
});
