/** Table cells labelled with their column headers for phone cards (src/lib/views/table-labels.ts). */
import { describe, expect, test } from 'vitest';
import { labelTable, labelTables } from '../../../src/lib/views/table-labels.ts';

const el = (tagName: string, children: unknown[] = [], properties: Record<string, unknown> = {}) => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string) => ({ type: 'text', value });

describe('table labels for phone cards', () => {
  test('each body cell gets its column header as data-label, and the table the class cards', () => {
    const table = el('table', [
      el('thead', [
        el('tr', [el('th', [text('比べる点')]), el('th', [text(' 労働者 '), el('em', [text('協同組合')])])]),
      ]),
      el('tbody', [el('tr', [el('td', [text('目的')]), el('td', [text('地域')])])]),
    ]);
    expect(labelTable(table as never)).toBe(true);
    const cells = (table.children[1] as ReturnType<typeof el>).children[0] as ReturnType<typeof el>;
    expect(cells.children.map((c) => (c as ReturnType<typeof el>).properties.dataLabel)).toEqual([
      '比べる点',
      '労働者 協同組合',
    ]);
    expect(table.properties.className).toEqual(['cards']);
  });
  test('a table without a header row is left alone; tables are found anywhere in a tree', () => {
    const bare = el('table', [el('tbody', [el('tr', [el('td', [text('x')])])])]);
    expect(labelTable(bare as never)).toBe(false);
    expect(bare.properties.className).toBeUndefined();
    const tree = {
      type: 'root',
      children: [
        el('div', [
          el('table', [
            el('thead', [el('tr', [el('th', [text('a')])])]),
            el('tbody', [el('tr', [el('td', [text('1')])])]),
          ]),
        ]),
      ],
    };
    labelTables(tree as never);
    expect(JSON.stringify(tree)).toContain('"dataLabel":"a"');
  });
});
