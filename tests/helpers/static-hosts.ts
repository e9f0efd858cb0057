/**
 * How two static hosts apply a `_headers` file to a request path, for tests:
 * Netlify with its own parser (scripts/lib/netlify-headers.ts, which the
 * preview uses too), and Cloudflare Pages as its asset server does it (workers-sdk,
 * packages/pages-shared/asset-server/handler.ts and
 * workers-shared/asset-worker/src/utils/rules-engine.ts: every matching rule
 * in order, `! Name` removes a header, a header set again by a later rule is
 * appended, which joins the values with a comma).
 */
import type { ServedHeaders } from '../../scripts/lib/netlify-headers.ts';

export { netlifyHeadersFor, type ServedHeaders } from '../../scripts/lib/netlify-headers.ts';

interface CloudflareRule {
  path: string;
  set: Array<[string, string]>;
  unset: string[];
}

/** Parses `_headers` as Cloudflare Pages documents it: a path line, then indented `Name: value` or `! Name` lines. */
export function parseCloudflareHeaders(text: string): CloudflareRule[] {
  const rules: CloudflareRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), set: [], unset: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`header line before any path: ${line}`);
    const t = line.trim();
    if (t.startsWith('!')) rule.unset.push(t.slice(1).trim().toLowerCase());
    else {
      const i = t.indexOf(':');
      rule.set.push([t.slice(0, i).trim().toLowerCase(), t.slice(i + 1).trim()]);
    }
  }
  return rules;
}

/** Cloudflare's rule → RegExp: `*` is a greedy splat, `:name` one path segment, the rest literal, anchored. */
function cloudflareRegExp(rule: string): RegExp {
  let r = rule
    .split('*')
    .map((s) => s.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&'))
    .join('(?<splat>.*)');
  for (const m of r.matchAll(/:([A-Za-z]\w*)/g)) r = r.split(m[0]).join(`(?<${m[1]}>[^/]+)`);
  return new RegExp(`^${r}$`);
}

/** Cloudflare Pages: every matching rule in order; a header set twice is appended (the values joined by a comma). */
export function cloudflareHeadersFor(text: string): (path: string) => ServedHeaders {
  const rules = parseCloudflareHeaders(text).map((r) => ({ ...r, re: cloudflareRegExp(r.path) }));
  return (path) => {
    const out: ServedHeaders = new Map();
    const setByFile = new Set<string>();
    for (const rule of rules.filter((r) => r.re.test(path))) {
      for (const name of rule.unset) out.delete(name);
      for (const [name, value] of rule.set) {
        if (setByFile.has(name)) out.get(name)!.push(value);
        else {
          out.set(name, [value]);
          setByFile.add(name);
        }
      }
    }
    return out;
  };
}
