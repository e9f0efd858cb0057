/**
 * Guides are data, never code. A guide's MDX body is parsed with the same
 * parser the build uses (Sätteri, Astro 7's MDX processor) and every node is
 * checked against a short list of what guides need: Markdown text, lists,
 * tables, code shown as text, links to http(s)/mailto/tel or within the site,
 * images from the site, and two components: `<Cite n={k} />` with an integer
 * k below the number of sources, and `<CouncilWindows />`. No import/export,
 * no `{…}` expression, no raw HTML, no other component or attribute.
 *
 * The same rule runs twice: in the data check (every problem, with its line)
 * and as an mdast plugin in the MDX pipeline (astro.config.mjs), which stops
 * the build at the first forbidden node, so even `astro dev` never compiles
 * content into code.
 */
import { mdxToMdast } from 'satteri';

/** A node of the Markdown syntax tree, as far as the check reads it. */
export interface MdNode {
  type: string;
  value?: string;
  url?: string;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: MdNode[];
  position?: { start: { line: number } };
}

/** Components a guide body may use, and the attributes each takes. */
export const GUIDE_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  Cite: ['n'],
  CouncilWindows: [],
};

/** Node types of plain Markdown (CommonMark + GFM) that carry no code. */
const PLAIN_NODES = new Set([
  'root',
  'paragraph',
  'heading',
  'text',
  'emphasis',
  'strong',
  'delete',
  'break',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'table',
  'tableRow',
  'tableCell',
  'code',
  'inlineCode',
  'linkReference',
  'imageReference',
  'footnoteReference',
  'footnoteDefinition',
]);

/** Only http(s), mailto and tel URLs, and paths or fragments within the site (after entity decoding, which the parser has done). */
export function isAllowedContentUrl(url: string): boolean {
  // Browsers drop ASCII tab/newline anywhere and control/space at the ends before reading a scheme.
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  if (/^(https?:\/\/|mailto:|tel:)/i.test(cleaned)) return true;
  if (/^[a-z][a-z0-9+.-]*:/i.test(cleaned)) return false;
  // Protocol-relative URLs (//host, \\host) leave the site.
  return !/^[/\\]{2}/.test(cleaned);
}

/** An image must come from the site itself (no other origin, no data: URL). */
function isSiteImage(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  return !/^[a-z][a-z0-9+.-]*:/i.test(cleaned) && !/^[/\\]{2}/.test(cleaned);
}

/** What is wrong with one node, or undefined when it is allowed. `sourceCount` bounds `<Cite n>`. */
export function nodeProblem(node: MdNode, sourceCount: number | undefined): string | undefined {
  switch (node.type) {
    case 'mdxjsEsm':
      return `import / export は使えません（${firstLine(node.value)}）`;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return `{…} の式は使えません（{${firstLine(node.value)}}）`;
    case 'html':
      return `生の HTML は使えません（${firstLine(node.value)}）`;
    case 'link':
    case 'definition':
      return isAllowedContentUrl(node.url ?? '')
        ? undefined
        : `URL "${node.url}" は使えません（http(s)・mailto・tel・サイト内のみ）`;
    case 'image':
      return isSiteImage(node.url ?? '') ? undefined : `画像 "${node.url}" は使えません（サイト内の画像のみ）`;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return jsxProblem(node, sourceCount);
    default:
      return PLAIN_NODES.has(node.type) ? undefined : `この書き方（${node.type}）は使えません`;
  }
}

/** An MDX element in a guide: only the allowed components, empty, with their allowed attributes. */
function jsxProblem(node: MdNode, sourceCount: number | undefined): string | undefined {
  const name = node.name ?? '';
  const allowed = Object.hasOwn(GUIDE_COMPONENTS, name) ? GUIDE_COMPONENTS[name] : undefined;
  if (allowed === undefined)
    return `<${name || '>'}> は使えません（使えるのは ${Object.keys(GUIDE_COMPONENTS)
      .map((c) => `<${c}>`)
      .join('・')} だけです）`;
  if ((node.children ?? []).length > 0) return `<${name}> の中には何も書けません（<${name} … /> と書いてください）`;
  const attrs = node.attributes ?? [];
  for (const a of attrs) {
    if (a.type !== 'mdxJsxAttribute' || a.name === undefined || !allowed.includes(a.name)) {
      return `<${name}> に属性 ${a.type === 'mdxJsxAttribute' ? a.name : '{…}'} は書けません`;
    }
  }
  return name === 'Cite' ? citeProblem(attrs, sourceCount) : undefined;
}

/** A <Cite n={…} />: n is a whole number written as an expression, and the entry has that source. */
function citeProblem(attrs: NonNullable<MdNode['attributes']>, sourceCount: number | undefined): string | undefined {
  const n = attrs.find((a) => a.name === 'n');
  const raw = n?.value as { type?: string; value?: string } | string | undefined;
  const text =
    typeof raw === 'object' && raw?.type === 'mdxJsxAttributeValueExpression' ? raw.value?.trim() : undefined;
  if (text === undefined || !/^(0|[1-9]\d{0,3})$/.test(text))
    return '<Cite n={0} /> のように、n には整数だけを書いてください';
  if (sourceCount !== undefined && Number(text) >= sourceCount)
    return `<Cite n={${text}} /> の出典 sources[${text}] はありません（出典は ${sourceCount} 件）`;
  return undefined;
}

function firstLine(value: string | undefined): string {
  return (value ?? '').split('\n')[0]!.trim().slice(0, 60);
}

/** Walks a tree depth-first, calling `visit` on every node. */
export function walk(node: MdNode, visit: (node: MdNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** Every problem in a guide body, each with its line in the file (`startLine` = the body's first line). */
export function guideBodyProblems(
  body: string,
  options: { sourceCount?: number | undefined; startLine?: number | undefined } = {},
): Array<{ line: number; message: string }> {
  const offset = (options.startLine ?? 1) - 1;
  let tree: MdNode;
  try {
    tree = mdxToMdast(body) as unknown as MdNode;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const line = /(\d+):\d+/.exec(message)?.[1];
    return [{ line: offset + Number(line ?? 1), message: `MDX として読めません: ${message.split('\n')[0]}` }];
  }
  const out: Array<{ line: number; message: string }> = [];
  walk(tree, (node) => {
    const message = nodeProblem(node, options.sourceCount);
    if (message) out.push({ line: offset + (node.position?.start.line ?? 1), message });
  });
  return out;
}
