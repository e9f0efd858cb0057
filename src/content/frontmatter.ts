/**
 * Splits a Markdown/MDX file into its YAML frontmatter and body, as Astro
 * does (@astrojs/internal-helpers/frontmatter): a byte-order mark or blank
 * lines may come before the opening `---`, and lines may end in CRLF.
 */

/** Frontmatter text (undefined when the file has none), the body, and the 1-based line where the body starts. */
export function splitFrontmatter(text: string): {
  frontmatter: string | undefined;
  body: string;
  bodyStartLine: number;
} {
  const m = /^\uFEFF?(?:[ \t]*\r?\n)*---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { frontmatter: undefined, body: text.replace(/^\uFEFF/, ''), bodyStartLine: 1 };
  return { frontmatter: m[1], body: text.slice(m[0].length), bodyStartLine: m[0].split('\n').length };
}
