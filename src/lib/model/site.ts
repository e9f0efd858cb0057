/**
 * Site-wide settings read once at build time: where readers send corrections.
 * The repository's address is not fixed in the code: set REPO_URL (e.g.
 * https://github.com/owner/repo) and correction links open the repository's
 * issue form with the page's id and URL filled in; or set CONTACT_EMAIL and
 * they open an e-mail naming the page. A deploy build (SITE_URL set) needs one
 * of the two (src/integrations/correction-path.ts); a local build without
 * either points to the about page.
 */
import { paths, withBase } from './paths.ts';

type Env = Record<string, string | undefined>;

/** REPO_URL from an environment, without a trailing slash; undefined when unset or empty. Throws on anything but an http(s) URL. */
export function repoUrlFrom(env: Env): string | undefined {
  const raw = env.REPO_URL?.trim();
  if (!raw) return undefined;
  if (!/^https?:\/\/[^\s/]+\.[^\s]+$/.test(raw) || !URL.canParse(raw)) {
    throw new Error(`REPO_URL "${raw}" は http:// か https:// で始まるリポジトリの URL ではありません`);
  }
  return raw.replace(/\/+$/, '');
}

/** CONTACT_EMAIL from an environment (the publisher's address for corrections); undefined when unset or empty. Throws on anything but an address. */
export function contactEmailFrom(env: Env): string | undefined {
  const raw = env.CONTACT_EMAIL?.trim();
  if (!raw) return undefined;
  if (!/^[^\s@?&#/:]+@[^\s@?&#/:]+\.[a-z]{2,}$/i.test(raw)) {
    throw new Error(`CONTACT_EMAIL "${raw}" はメールアドレスの形ではありません（例: corrections@example.org）`);
  }
  return raw;
}

/**
 * Why a build cannot go out, or undefined: a deploy build (SITE_URL set) must give readers somewhere to send a
 * correction — the repository's issue form (REPO_URL) or an e-mail address (CONTACT_EMAIL).
 */
export function correctionPathProblem(env: Env): string | undefined {
  if (!env.SITE_URL?.trim() || repoUrlFrom(env) || contactEmailFrom(env)) return undefined;
  return (
    'SITE_URL を指定した公開用のビルドには、訂正・追加の依頼先が必要です。' +
    'REPO_URL（リポジトリのURL。依頼フォームを開きます。例: https://github.com/owner/repo）か、' +
    'CONTACT_EMAIL（依頼を受けるメールアドレス）を指定してください。'
  );
}

/** Where readers send corrections: the repository, an e-mail address, or neither (a local build). */
export interface CorrectionChannel {
  repoUrl?: string | undefined;
  contactEmail?: string | undefined;
}

const env: Env = typeof process === 'undefined' ? {} : process.env;

/** The repository's address for this build (REPO_URL), or undefined. */
export const REPO_URL: string | undefined = repoUrlFrom(env);

/** This build's correction channel (REPO_URL first, else CONTACT_EMAIL). */
export const CORRECTION_CHANNEL: CorrectionChannel = { repoUrl: REPO_URL, contactEmail: contactEmailFrom(env) };

/** The issue template readers use for corrections (.github/ISSUE_TEMPLATE/correction.yml). */
export const CORRECTION_TEMPLATE = 'correction.yml';

/** The ids of the form's fields the links fill in (`id` in correction.yml; GitHub fills a field from the query parameter of its id). */
export const CORRECTION_FIELDS = { pageId: 'page-id', pageUrl: 'page-url' } as const;

/** A page readers ask to correct: its id as readers quote it ('coops/kifukuto') and its address. */
export interface CorrectionPage {
  id: string;
  /** Absolute when SITE_URL is set, else the path from the site's root. */
  url: string;
}

/** How a correction link is sent: the issue form, an e-mail, or the about page's section (local builds only). */
export function correctionKind(channel: CorrectionChannel = CORRECTION_CHANNEL): 'form' | 'mail' | 'about' {
  return channel.repoUrl ? 'form' : channel.contactEmail ? 'mail' : 'about';
}

const query = (params: Array<[string, string]>) =>
  params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

/** The e-mail a reader starts: a subject naming the page, and a body with its URL and id and what the directory needs. */
function correctionMail(email: string, page: CorrectionPage | undefined): string {
  const subject = page ? `労協アトラスの訂正・追加の依頼（${page.id}）` : '労協アトラスの訂正・追加の依頼';
  const body = [
    ...(page ? [`ページ: ${page.url}`, `ページの id: ${page.id}`, ''] : []),
    '直す内容（新しい組合なら名称と所在地）:',
    '',
    '根拠となる資料（発行元の URL または資料名と、その日付）:',
    '',
    '※団体の公開情報だけを書いてください。個人の氏名や連絡先は載せません。',
  ].join('\r\n');
  return `mailto:${email}?${query([
    ['subject', subject],
    ['body', body],
  ])}`;
}

/**
 * Where a reader asks to correct `page` (or to add an entry, when no page is given): the repository's issue form with
 * the page's id and URL filled in, an e-mail naming the page, or — in a local build with neither — the about page's
 * corrections section.
 */
export function correctionHref(
  page: CorrectionPage | undefined,
  base: string,
  channel: CorrectionChannel = CORRECTION_CHANNEL,
): string {
  if (channel.repoUrl) {
    const fields: Array<[string, string]> = page
      ? [
          [CORRECTION_FIELDS.pageId, page.id],
          [CORRECTION_FIELDS.pageUrl, page.url],
        ]
      : [];
    return `${channel.repoUrl}/issues/new?${query([['template', CORRECTION_TEMPLATE], ...fields])}`;
  }
  if (channel.contactEmail) return correctionMail(channel.contactEmail, page);
  return `${withBase(base, paths.about())}#corrections`;
}
