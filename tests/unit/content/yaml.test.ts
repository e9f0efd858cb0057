/**
 * content/'s YAML parser (src/content/yaml.ts): js-yaml for plain files, the `yaml` package where an anchor, alias or
 * tag may be; the same values either way, a line for a file that is not YAML, and nested aliases refused.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readYaml, yamlProblem } from '../../../src/content/yaml.ts';
import { splitFrontmatter } from '../../../src/content/frontmatter.ts';

/** Every YAML text under content/: its files, and the guides' frontmatter. */
function contentTexts(dir = 'content'): Array<[string, string]> {
  return readdirSync(dir).flatMap((name): Array<[string, string]> => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return contentTexts(path);
    const text = readFileSync(path, 'utf8');
    if (/\.ya?ml$/.test(name)) return [[path, text]];
    const front = /\.mdx?$/.test(name) ? splitFrontmatter(text).frontmatter : undefined;
    return front === undefined ? [] : [[path, front]];
  });
}

describe('the same values as the yaml package', () => {
  const texts = contentTexts();
  test('content/ has YAML to compare', () => expect(texts.length).toBeGreaterThan(50));
  test.each(texts)('%s', (_path, text) => expect(readYaml(text)).toEqual({ data: parse(text) }));

  test('codes, dates and words that YAML 1.1 would read otherwise stay what YAML 1.2 says', () => {
    const text = 'code: "011002"\nfounded: 2023-04-01\nopen: yes\npostal: 060-0001\nempty:\ncount: 12\n';
    expect(readYaml(text)).toEqual({ data: parse(text) });
    expect(readYaml(text)).toEqual({
      data: { code: '011002', founded: '2023-04-01', open: 'yes', postal: '060-0001', empty: null, count: 12 },
    });
  });

  test('an empty file is null, as before', () => expect(readYaml('')).toEqual({ data: null }));

  test.each([
    '0755', '1_000', '0x1F', '0o17', '0b101', '-0b1', '+12', '.5', '1e3', '-.inf', '.NaN', 'True', 'NULL', '~', '12:30',
    'Yes', 'on', '2023-04-01T10:00:00Z', '00123', '9007199254740993',
  ])('the plain value %s', (value) => {
    const text = `v: ${value}\nw: [${value}]\n`;
    expect(readYaml(text)).toEqual({ data: parse(text) });
  });

  test('block and quoted scalars, comments, a BOM and CRLF', () => {
    const text = '\uFEFFa: |\r\n  one\r\n  two\r\nb: >-\r\n  folded\r\n  text\r\nc: "\\u3042" # note\r\nd: \'it\'\'s\'\r\n';
    expect(readYaml(text)).toEqual({ data: parse(text) });
    expect(readYaml(text)).toMatchObject({ data: { a: 'one\ntwo\n', b: 'folded text', c: 'あ', d: "it's" } });
  });

  test('anchors, aliases and tags go to the yaml package, with its values', () => {
    const text = 'a: &x\n  n: 1\nb: *x\nc: !!str 12\n';
    expect(readYaml(text)).toEqual({ data: parse(text) });
  });

  test('an ampersand or asterisk inside a word is text, not an anchor', () => {
    const text = 'name: AT&T 株式会社*\nnote: 注*1\n';
    expect(readYaml(text)).toEqual({ data: { name: 'AT&T 株式会社*', note: '注*1' } });
  });
});

describe('a text that is not YAML', () => {
  test('names the line it stops at', () => {
    const read = readYaml('name: 労働者協同組合テスト\nsources:\n  - title: a\n   url: b\n');
    expect(read).toMatchObject({ line: 4 });
    expect(yamlProblem('coops/x.yaml', read as { line: number; message: string }).field).toBe('(YAML (4行目))');
    expect((read as { message: string }).message).toMatch(/indentation/);
  });

  test('a key given twice is refused', () => {
    expect(readYaml('name: a\nname: b\n')).toMatchObject({ line: 2, message: expect.stringMatching(/duplicated/) });
  });

  test('two documents in one file are refused', () => {
    expect(readYaml('name: a\n---\nname: b\n')).toMatchObject({ message: expect.any(String) });
  });

  test('nested aliases that would expand a billion times are refused, not walked', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const read = readYaml(levels.join('\n'));
    expect(read).toMatchObject({ message: expect.stringMatching(/alias/i) });
  });
});
