/**
 * YAML of content/, parsed. Two parsers, the same values (YAML 1.2's core schema: dates and codes stay strings):
 *
 * - **js-yaml** for a file with no anchor, alias or tag, which is every file the CMS and the importers write. It
 *   parses straight to values, about ten times faster than the `yaml` package, which builds a syntax tree and a
 *   document first: 0.15 against 1.5 s for the 13,815 files of 10,000 synthetic co-ops, on the build's path (the data
 *   check reads content/ before the first page).
 * - **the `yaml` package** for a file that may hold one (`&`, `*` or `!` starting a word): it limits how far aliases
 *   may expand (a file of nested aliases cannot make the check walk a billion values) and treats tags as it always has;
 *   and for a file with a word like `0b101`, the one plain value the two read differently (compared in the unit test).
 *
 * A file that is not YAML gives the line the parser stopped at and its message's first line.
 */
import jsYaml from 'js-yaml';
import { parse as parseWithDocument, YAMLParseError } from 'yaml';
import type { Problem } from '../lib/check/types.ts';

/**
 * A word that starts with an anchor (&a), an alias (*a) or a tag (!t), or a binary number (0b101, which js-yaml reads
 * as 5 and YAML 1.2's core schema as text): such a file goes to the `yaml` package.
 */
const FOR_THE_YAML_PACKAGE = /(?:^|[\s[{,])(?:[&*!]\S|[-+]?0b[01_])/;

/** What a YAML text holds, or where and why it could not be read. */
export type YamlRead = { data: unknown } | { line: number | undefined; message: string };

/** Parses a YAML text (see the file's comment); an empty text is `null`. */
export function readYaml(text: string): YamlRead {
  try {
    if (FOR_THE_YAML_PACKAGE.test(text)) return { data: parseWithDocument(text) };
    return { data: jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) ?? null };
  } catch (e) {
    if (e instanceof jsYaml.YAMLException) return { line: e.mark ? e.mark.line + 1 : undefined, message: e.reason };
    const line = e instanceof YAMLParseError && e.linePos ? e.linePos[0].line : undefined;
    return { line, message: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
  }
}

/** The problem of a file whose YAML could not be read, its field naming the line: `(YAML (3行目))`. */
export function yamlProblem(file: string, read: { line: number | undefined; message: string }): Problem {
  return { file, field: `(YAML${read.line === undefined ? '' : ` (${read.line}行目)`})`, message: read.message };
}
