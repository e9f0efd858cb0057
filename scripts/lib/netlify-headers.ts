/**
 * A built `_headers` file applied to a request path as Netlify applies it:
 * parsed by Netlify's own parser (@netlify/headers-parser), every matching
 * rule in file order, a later rule's header replacing an earlier one's (the
 * merge its CLI and edge use: netlify/primitives
 * packages/headers/src/lib/headersForPath.ts). The preview (scripts/serve.ts)
 * sends these headers; tests/helpers/static-hosts.ts compares them with
 * Cloudflare Pages' reading of the same file.
 */
import { parseAllHeaders } from '@netlify/headers-parser';

/** Header name (lower case) → values, as the browser would receive them. */
export type ServedHeaders = Map<string, string[]>;

/** Netlify: all matching rules, later values replace earlier ones. */
export async function netlifyHeadersFor(headersPath: string): Promise<(path: string) => ServedHeaders> {
  const { headers, errors } = await parseAllHeaders({ headersFiles: [headersPath], configHeaders: [], minimal: false });
  if (errors.length > 0) throw new Error(`${headersPath}: ${errors.map((e) => e.message).join('\n')}`);
  const rules = headers as Array<{ forRegExp: RegExp; values: Record<string, string> }>;
  return (path) => {
    const merged: Record<string, string> = Object.assign(
      {},
      ...rules.filter((r) => r.forRegExp.test(path)).map((r) => r.values),
    );
    return new Map(Object.entries(merged).map(([k, v]) => [k.toLowerCase(), [v]]));
  };
}
