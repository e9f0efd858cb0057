/**
 * A plugin for Markdown/MDX tables: every body cell gets its column's
 * header text as `data-label` and the table the class `cards`, so on a phone
 * the stylesheet can show each row as a stacked label–value card (CSS only;
 * see `table.cards` in src/styles/global.css).
 */

/** The parts of a hast node this plugin reads and writes. */
interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const elements = (n: HastNode, tag?: string): HastNode[] => (n.children ?? []).filter((c) => c.type === 'element' && (!tag || c.tagName === tag));

/** The text of a node, as a screen reader would read it (whitespace collapsed). */
export function textOf(n: HastNode): string {
  if (n.type === 'text') return n.value ?? '';
  return (n.children ?? []).map(textOf).join('').replace(/\s+/g, ' ').trim();
}

/** Sets a property on a node; Sätteri's nodes are read-only and change through its context. */
type SetProperty = (node: HastNode, key: string, value: unknown) => void;

const setInPlace: SetProperty = (node, key, value) => {
  node.properties = { ...node.properties, [key]: value };
};

/** Labels the cells of one table element; returns whether it had a header row. */
export function labelTable(table: HastNode, set: SetProperty = setInPlace): boolean {
  const head = elements(table, 'thead')[0];
  const headRow = head && elements(head, 'tr')[0];
  if (!headRow) return false;
  const labels = elements(headRow).map(textOf);
  for (const body of elements(table, 'tbody')) {
    for (const row of elements(body, 'tr')) {
      elements(row).forEach((cell, i) => {
        const label = labels[i];
        if (label) set(cell, 'dataLabel', label);
      });
    }
  }
  const cls = table.properties?.className;
  const classes = Array.isArray(cls) ? cls.map(String) : typeof cls === 'string' ? cls.split(/\s+/) : [];
  set(table, 'className', [...classes.filter((c) => c !== 'cards'), 'cards']);
  return true;
}

/** Walks a tree and labels every table in it. */
export function labelTables(tree: HastNode): void {
  if (tree.type === 'element' && tree.tagName === 'table') labelTable(tree);
  for (const c of tree.children ?? []) labelTables(c);
}

/** The same as a Sätteri hast plugin (Astro 7's Markdown processor, https://github.com/withastro/astro — @astrojs/markdown-satteri). */
export const tableLabelsPlugin = {
  name: 'table-labels',
  element: {
    filter: ['table'],
    visit(node: Readonly<HastNode>, ctx: { setProperty: (node: Readonly<HastNode>, key: string, value: unknown) => void }): void {
      labelTable(node as HastNode, (n, k, v) => ctx.setProperty(n, k, v));
    },
  },
};
