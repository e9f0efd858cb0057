/**
 * A plugin for Markdown/MDX tables: every body cell gets its column's
 * header text as `data-label` and the table the class `cards`, so on a phone
 * the stylesheet can show each row as a stacked label–value card (CSS only;
 * see `table.cards` in src/styles/global.css); between a phone and a table's
 * full width, it scrolls in its own box (a focusable, labelled region).
 */

import type { HastPluginDefinition } from 'satteri';

/** The parts of a hast node this plugin reads and writes. */
interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const elements = (n: HastNode, tag?: string): HastNode[] =>
  (n.children ?? []).filter((c) => c.type === 'element' && (!tag || c.tagName === tag));

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
  for (const th of elements(headRow, 'th')) set(th, 'scope', 'col');
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

/** A caption for a Markdown table (which cannot write one): the nearest heading before it, else its column names. */
export function captionText(siblingsBefore: readonly HastNode[], table: HastNode): string {
  const heading = [...siblingsBefore].reverse().find((n) => n.type === 'element' && /^h[2-6]$/.test(n.tagName ?? ''));
  if (heading) return textOf(heading);
  const head = elements(table, 'thead')[0];
  const row = head && elements(head, 'tr')[0];
  return row ? `${elements(row).map(textOf).join('・')}の表` : '表';
}

/** Walks a tree and labels every table in it. */
export function labelTables(tree: HastNode): void {
  if (tree.type === 'element' && tree.tagName === 'table') labelTable(tree);
  for (const c of tree.children ?? []) labelTables(c);
}

/**
 * The box a table scrolls in when wider than the page (as TableWrap.astro writes it): a focusable region named by its
 * caption — a named <section>, which is a region by itself.
 */
export function tableWrapper(label: string): HastNode {
  return {
    type: 'element',
    tagName: 'section',
    properties: { className: ['table-wrap'], ariaLabel: label, tabIndex: 0 },
    children: [],
  };
}

/**
 * The same as a Sätteri hast plugin (Astro 7's Markdown processor, https://github.com/withastro/astro —
 * @astrojs/markdown-satteri): adds a caption from the heading before the table, and wraps the table in its scroll box.
 */
export const tableLabelsPlugin: HastPluginDefinition = {
  name: 'table-labels',
  element: {
    filter: ['table'],
    visit(node, ctx): void {
      const table = node as unknown as HastNode;
      const caption = elements(table, 'caption')[0];
      if (!labelTable(table, (n, k, v) => ctx.setProperty(n as never, k, v))) return;
      const parent = ctx.parent(node);
      const at = ctx.indexOf(node) ?? 0;
      const before = ((parent as unknown as HastNode | undefined)?.children ?? []).slice(0, at);
      const label = caption ? textOf(caption) : captionText(before, table);
      if (!caption)
        ctx.prependChild(node, {
          type: 'element',
          tagName: 'caption',
          properties: {},
          children: [{ type: 'text', value: label }],
        } as never);
      ctx.wrapNode(node, tableWrapper(label) as never);
    },
  },
};
