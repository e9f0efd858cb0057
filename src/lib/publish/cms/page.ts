/**
 * The page at /admin/: Decap CMS's script and nothing else (no inline script,
 * no site layout, so it carries only the policy `_headers` gives /admin/, not
 * the site's meta CSP on top), kept out of search engines. Decap reads its
 * configuration from config.yml beside the page. A build without a
 * repository to send edits to says so instead of starting the CMS.
 */
import { withBase } from '../../model/paths.ts';
import { DECAP_FOLDER, DECAP_SCRIPT } from './decap.ts';

/** What the page needs to know. */
export interface AdminPageOptions {
  /** The base the site is served under ('/' or '/sub/'). */
  base: string;
  /** Whether the CMS has somewhere to send edits (REPO_URL, or decap-server under `npm run edit`). */
  enabled: boolean;
}

const TITLE = '編集画面 | 労協アトラス';

/** The HTML of /admin/. */
export function adminPage({ base, enabled }: AdminPageOptions): string {
  const head = `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>${TITLE}</title></head>`;
  if (enabled)
    return `${head}<body><noscript>この編集画面にはJavaScriptが必要です。</noscript><script src="${withBase(base, `${DECAP_FOLDER}/${DECAP_SCRIPT}`)}"></script></body></html>\n`;
  return `${head}<body><main><h1>編集画面</h1><p>このサイトはリポジトリ（REPO_URL）を設定せずにビルドされたため、ここからは編集できません。</p><p>ブラウザで編集するには、REPO_URLを設定してビルドしたサイトの編集画面を使います。手元の作業ツリーを編集するには<code>npm run edit</code>を使います（docs/cms.md）。</p><p><a href="${withBase(base, '')}">トップページへ</a></p></main></body></html>\n`;
}
