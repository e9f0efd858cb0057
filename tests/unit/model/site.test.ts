/** REPO_URL and CONTACT_EMAIL handling, the deploy rule, and correction links. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  CORRECTION_FIELDS,
  CORRECTION_TEMPLATE,
  contactEmailFrom,
  correctionHref,
  correctionKind,
  correctionPathProblem,
  repoUrlFrom,
} from '../../../src/lib/model/site.ts';

const repo = 'https://github.com/example/atlas';
const page = { id: 'coops/kifukuto', url: 'https://atlas.example.org/coops/kifukuto/' };

test('repoUrlFrom reads REPO_URL, drops a trailing slash, ignores empty values, refuses non-http values', () => {
  expect(repoUrlFrom({})).toBeUndefined();
  expect(repoUrlFrom({ REPO_URL: '  ' })).toBeUndefined();
  expect(repoUrlFrom({ REPO_URL: 'https://github.com/example/atlas/' })).toBe(repo);
  expect(() => repoUrlFrom({ REPO_URL: 'javascript:alert(1)' })).toThrow(/REPO_URL/);
  expect(() => repoUrlFrom({ REPO_URL: 'github.com/x/y' })).toThrow(/REPO_URL/);
});

test('contactEmailFrom reads CONTACT_EMAIL and refuses what is not an address (or would break the mailto: link)', () => {
  expect(contactEmailFrom({})).toBeUndefined();
  expect(contactEmailFrom({ CONTACT_EMAIL: ' ' })).toBeUndefined();
  expect(contactEmailFrom({ CONTACT_EMAIL: ' fix@atlas.example.org ' })).toBe('fix@atlas.example.org');
  for (const bad of ['atlas.example.org', 'a@b', 'a@b.org?cc=x@y.org', 'javascript:a@b.org', 'a b@c.org'])
    expect(() => contactEmailFrom({ CONTACT_EMAIL: bad }), bad).toThrow(/CONTACT_EMAIL/);
});

describe('a deploy build needs somewhere for corrections to go', () => {
  test('SITE_URL without REPO_URL and CONTACT_EMAIL is refused with a message naming both', () => {
    const problem = correctionPathProblem({ SITE_URL: 'https://atlas.example.org' });
    expect(problem).toContain('REPO_URL');
    expect(problem).toContain('CONTACT_EMAIL');
    expect(problem).toContain('SITE_URL');
  });
  test('either one is enough; a local build (no SITE_URL) needs neither', () => {
    expect(correctionPathProblem({ SITE_URL: 'https://a.example.org', REPO_URL: repo })).toBeUndefined();
    expect(correctionPathProblem({ SITE_URL: 'https://a.example.org', CONTACT_EMAIL: 'a@b.org' })).toBeUndefined();
    expect(correctionPathProblem({})).toBeUndefined();
    expect(correctionPathProblem({ SITE_URL: ' ' })).toBeUndefined();
  });
});

describe('correction links', () => {
  test('with a repository: the issue form with the page id and URL in the form’s own fields', () => {
    const href = correctionHref(page, '/', { repoUrl: repo, contactEmail: 'a@b.org' });
    expect(href).toBe(
      `${repo}/issues/new?template=correction.yml&page-id=coops%2Fkifukuto&page-url=${encodeURIComponent(page.url)}`,
    );
    const q = new URL(href).searchParams;
    expect(q.get(CORRECTION_FIELDS.pageId)).toBe(page.id);
    expect(q.get(CORRECTION_FIELDS.pageUrl)).toBe(page.url);
    expect(correctionKind({ repoUrl: repo, contactEmail: 'a@b.org' })).toBe('form');
    expect(correctionHref(undefined, '/', { repoUrl: repo })).toBe(`${repo}/issues/new?template=correction.yml`);
  });

  test('the fields the links fill exist in the issue form, under those ids', () => {
    const form = parse(readFileSync(`.github/ISSUE_TEMPLATE/${CORRECTION_TEMPLATE}`, 'utf8')) as {
      body: Array<{ id?: string; type: string }>;
    };
    const ids = form.body.map((f) => f.id);
    for (const id of Object.values(CORRECTION_FIELDS)) expect(ids).toContain(id);
  });

  test('with an e-mail address only: a mailto: whose subject and body name the page', () => {
    const href = correctionHref(page, '/', { contactEmail: 'fix@atlas.example.org' });
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('fix@atlas.example.org');
    expect(url.searchParams.get('subject')).toContain(page.id);
    const body = url.searchParams.get('body')!;
    expect(body).toContain(page.url);
    expect(body).toContain(page.id);
    expect(body).toContain('\r\n');
    // RFC 6068: spaces are %20, never '+', which mail programs would show as is.
    expect(href).not.toContain('+');
    expect(correctionKind({ contactEmail: 'fix@atlas.example.org' })).toBe('mail');
  });

  test('with neither: the about page at any base path', () => {
    expect(correctionHref(page, '/', {})).toBe('/about/#corrections');
    expect(correctionHref(page, '/roukyou-atlas/', {})).toBe('/roukyou-atlas/about/#corrections');
    expect(correctionKind({})).toBe('about');
  });
});
