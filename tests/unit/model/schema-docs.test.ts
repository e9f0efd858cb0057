/**
 * The schemas are the one definition of every field: each field carries a
 * description (it feeds the downloads' documentation and the JSON Schemas),
 * and content/README.md names every field of every collection in that
 * collection's section, so the editors' guide cannot fall behind.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { COLLECTION_NAMES, folderOf, idRef, schemasFor } from '../../../src/lib/model/schemas/index.ts';
import { fieldDescriptions } from '../../../src/lib/model/schema-fields.ts';

const schemas = schemasFor(idRef);
const readme = readFileSync('content/README.md', 'utf8');

/** The part of content/README.md about one collection: from its `### <folder>/` heading to the next heading of that level. */
function section(folder: string): string {
  const start = readme.search(new RegExp(`^### ${folder}/`, 'm'));
  if (start < 0) return '';
  const rest = readme.slice(start + 4);
  const end = rest.search(/^##+ /m);
  return end < 0 ? rest : rest.slice(0, end);
}

describe.each(COLLECTION_NAMES)('%s', (collection) => {
  const fields = fieldDescriptions(schemas[collection]);
  test('every field has a description in the schema', () => {
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.filter(([, d]) => d === undefined || d.trim() === '').map(([p]) => p)).toEqual([]);
  });
  test("content/README.md names every top-level field in the collection's section", () => {
    const text = section(folderOf(collection));
    expect(text, `### ${folderOf(collection)}/ section`).not.toBe('');
    const top = fields.map(([p]) => p).filter((p) => !/[.[]/.test(p));
    // Named in code form: `field`, or `field: …` / `field (…)` inside the backticks.
    expect(top.filter((f) => !new RegExp(`\`${f}\\b`).test(text))).toEqual([]);
  });
});
