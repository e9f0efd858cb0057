/**
 * Quality gates on every built page: valid HTML (html-validate), external
 * links that open safely, only http(s)/mailto/tel URLs, no third-party
 * resources loaded by markup.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { distFiles, page, requireDist } from '../helpers/dist.ts';

beforeAll(requireDist);
const htmlFiles = () => distFiles().filter((f) => f.endsWith('.html'));

describe('HTML is valid', () => {
  const hv = new HtmlValidate({ extends: ['html-validate:recommended'] });
  test('the validator does report errors (so a pass means something)', async () => {
    const r = await hv.validateString('<!doctype html><html lang="ja"><head><title>x</title></head><body><p><div>x</p></body></html>');
    expect(r.valid).toBe(false);
  });
  test('every built page validates with 0 errors', async () => {
    const failures: string[] = [];
    for (const f of htmlFiles()) {
      const r = await hv.validateString(page(f), f);
      for (const m of r.results.flatMap((x) => x.messages)) failures.push(`${f}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(failures).toEqual([]);
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
      for (const m of html.matchAll(/<(script|img|iframe|source|video|audio)\b[^>]*\bsrc="(https?:)?\/\/[^"]*"/g)) bad.push(`${f}: ${m[0]}`);
      for (const m of html.matchAll(/<link\b[^>]*>/g)) {
        if (/\brel="(stylesheet|preload|modulepreload|icon|manifest)"/.test(m[0]) && /\bhref="(https?:)?\/\//.test(m[0])) bad.push(`${f}: ${m[0]}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
