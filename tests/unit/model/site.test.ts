/** REPO_URL handling and correction links. */
import { expect, test } from 'vitest';
import { correctionHref, repoUrlFrom } from '../../../src/lib/model/site.ts';

test('repoUrlFrom reads REPO_URL, drops a trailing slash, ignores empty values, refuses non-http values', () => {
  expect(repoUrlFrom({})).toBeUndefined();
  expect(repoUrlFrom({ REPO_URL: '  ' })).toBeUndefined();
  expect(repoUrlFrom({ REPO_URL: 'https://github.com/example/atlas/' })).toBe('https://github.com/example/atlas');
  expect(() => repoUrlFrom({ REPO_URL: 'javascript:alert(1)' })).toThrow(/REPO_URL/);
  expect(() => repoUrlFrom({ REPO_URL: 'github.com/x/y' })).toThrow(/REPO_URL/);
});

test('with a repository the link opens the correction form with the page id filled in', () => {
  expect(correctionHref('coops/kifukuto', '/', 'https://github.com/example/atlas')).toBe(
    'https://github.com/example/atlas/issues/new?template=correction.yml&page-id=coops%2Fkifukuto',
  );
});

test('without one it points to the about page at any base path', () => {
  expect(correctionHref('coops/kifukuto', '/', undefined)).toBe('/about/#corrections');
  expect(correctionHref('municipalities/112313', '/roukyou-atlas/', undefined)).toBe(
    '/roukyou-atlas/about/#corrections',
  );
});
