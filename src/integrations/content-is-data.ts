/**
 * An mdast plugin for Astro's MDX processor (Sätteri) that refuses to compile
 * any MDX body holding code: import/export, `{…}` expressions, raw HTML,
 * unknown components, unsafe links. It applies the data check's own rule
 * (src/lib/check/guide-body.ts) to the source before the compiler turns it into a
 * module, so a guide that slipped past the data check (e.g. under
 * `astro dev`, which does not run it) still never executes.
 */
import { fileURLToPath } from 'node:url';
import type { MdastPluginEntry } from 'satteri';
import { guideBodyProblems } from '../lib/check/guide-body.ts';
import { splitFrontmatter } from '../content/frontmatter.ts';

/** The plugin: a factory that checks the document and, when it is sound, adds nothing to the pipeline. */
export const contentIsData: MdastPluginEntry = (ctx) => {
  const { body, bodyStartLine } = splitFrontmatter(ctx.source);
  const problems = guideBodyProblems(body, { startLine: bodyStartLine });
  if (problems.length > 0) {
    const file = ctx.fileURL ? fileURLToPath(ctx.fileURL) : '(MDX)';
    throw new Error(
      `${file}: 本文にコードとして実行されうる書き方があります:\n${problems.map((p) => `  ${p.line}行目: ${p.message}`).join('\n')}`,
    );
  }
  return null;
};
