/**
 * Rules for URLs in content: a reader must be able to open them, they must
 * name the publisher's own page, and they must never point the site (or a
 * reader) at a private network or carry credentials.
 */

/**
 * Hosts that serve copies of other publishers' pages: search-engine caches,
 * web archives, translation proxies, scrapers and re-posting aggregators.
 * A source on one of them must say which original it copies (`copyOf`).
 * Each entry matches the host itself and every subdomain.
 */
export const COPY_HOSTS: readonly string[] = [
  'webcache.googleusercontent.com',
  'translate.goog',
  'translate.google.com',
  'translate.googleusercontent.com',
  'cache.yimg.jp',
  'cache.yahoofs.jp',
  'web.archive.org',
  'wayback.archive.org',
  'archive.ph',
  'archive.today',
  'archive.is',
  'archive.li',
  'archive.vn',
  'archive.md',
  'archive.fo',
  'ghostarchive.org',
  'megalodon.jp',
  'warp.ndl.go.jp',
  'r.jina.ai',
  '12ft.io',
  'feedman.me',
  'zenkokunewswatcher.com',
  'lepang.cn',
  'profilbaru.com',
];

/** Host names that only resolve inside a machine or a private network. */
const PRIVATE_SUFFIXES = [
  'localhost',
  'local',
  'internal',
  'intranet',
  'lan',
  'home',
  'corp',
  'home.arpa',
  'localdomain',
  'test',
  'invalid',
  'example',
];

/** The copy host a URL's host belongs to, if any. */
export function copyHostOf(host: string): string | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  return COPY_HOSTS.find((c) => h === c || h.endsWith(`.${c}`));
}

/** What is wrong with a URL from content, or undefined. Only http(s) URLs to public host names pass. */
export function webUrlProblem(value: string): string | undefined {
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value) || /\s/.test(value))
    return `URL "${value}" は http:// か https:// で始まる正しい URL ではありません`;
  const url = new URL(value);
  if (url.username !== '' || url.password !== '' || /^https?:\/\/[^/?#]*@/i.test(value))
    return `URL "${value}" に利用者名やパスワード（…@）を含めないでください`;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  // The URL parser normalises every IPv4 spelling (decimal, octal, hex) to dotted form, so this catches them all.
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('['))
    return `URL "${value}" は IP アドレスを指しています。発行元のホスト名の URL を書いてください`;
  const last = host.split('.').at(-1)!;
  if (
    !host.includes('.') ||
    PRIVATE_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`)) ||
    !/^(?:[a-z]{2,63}|xn--[a-z0-9-]+)$/.test(last)
  ) {
    return `URL "${value}" のホスト ${host} は公開されたサイトのものではありません（ローカル・社内向けの名前）`;
  }
  if (url.port !== '') return `URL "${value}" にポート番号（:${url.port}）を付けないでください`;
  return undefined;
}
