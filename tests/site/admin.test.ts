/**
 * /admin/ in the built site: Decap CMS's page, kept out of search engines,
 * carrying no site meta CSP (the two policies would combine), with no inline
 * script; its configuration is the generator's output for this build; the
 * bundle is the package's, copied whole; `_headers` gives the admin folder
 * its own policy (tests/site/headers.test.ts checks how hosts apply it).
 * The sitemap and the search index leave it out (open-data.test.ts,
 * search.test.ts); a build with REPO_URL starts the CMS (corrections.test.ts).
 */
import { beforeAll, expect, test } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DIST, page, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths, siteUrl } from '../../src/lib/model/paths.ts';
import { bodyOptions, cmsConfigYaml, cmsSettingsFrom } from '../../src/lib/publish/cms/config.ts';
import { DECAP_FOLDER, decapDist, decapFiles } from '../../src/lib/publish/cms/decap.ts';
import { adminCspHeader } from '../../src/lib/publish/csp.ts';

beforeAll(requireDist);
const settings = cmsSettingsFrom(process.env);

test('the page: noindex, no meta CSP, no inline script; the CMS only when the build has a repository', () => {
  const html = page(paths.admin());
  expect(html).toMatch(/^<!DOCTYPE html><html lang="ja">/);
  expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
  expect(html).not.toMatch(/http-equiv="Content-Security-Policy"/i);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.filter(([, attrs, body]) => !/\bsrc="/.test(attrs!) || body!.trim() !== '')).toEqual([]);
  if (settings.repo) expect(scripts.map(([, attrs]) => attrs)).toEqual([` src="/${DECAP_FOLDER}/decap-cms.js"`]);
  else {
    expect(scripts).toEqual([]);
    expect(html).toContain('REPO_URL');
  }
});

test("config.yml is the generator's output for this build's content and environment, and parses", () => {
  const file = readFileSync(join(DIST, paths.adminConfig()), 'utf8');
  const site = process.env.SITE_URL;
  const expected = cmsConfigYaml({
    ...settings,
    ...(site ? { siteUrl: siteUrl(site, process.env.BASE_PATH ?? '/', '') } : {}),
    bodies: bodyOptions(loadContentDirectory().bodies),
  });
  expect(file).toBe(expected);
  const config = parse(file, { maxAliasCount: -1 }) as { collections: Array<{ name: string }> };
  expect(config.collections.map((c) => c.name)).toContain('coops');
});

test("the bundle is the package's files, byte for byte in size, and nothing else", () => {
  const dir = join(DIST, DECAP_FOLDER);
  expect(readdirSync(dir).sort()).toEqual(decapFiles());
  expect(decapFiles()).toContain('decap-cms.js');
  for (const f of decapFiles()) expect(statSync(join(dir, f)).size, f).toBe(statSync(join(decapDist(), f)).size);
});

test('_headers: the admin folder gets its own policy and noindex; no other rule allows eval', () => {
  const rules = readFileSync(join(DIST, '_headers'), 'utf8').split('\n\n');
  const admin = rules.filter((r) => r.startsWith(`/${paths.admin()}`));
  expect(admin).toEqual([
    `/${paths.admin()}*\n  Content-Security-Policy: ${adminCspHeader()}\n  X-Robots-Tag: noindex${admin[0]?.endsWith('\n') ? '\n' : ''}`,
  ]);
  for (const r of rules.filter((x) => !x.startsWith(`/${paths.admin()}`))) expect(r).not.toContain("'unsafe-eval'");
});
