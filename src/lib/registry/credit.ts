/**
 * Credit lines for registry data, by the way it was fetched: the download
 * files (基本3情報ダウンロード, `npm run import:houjin`) or the 法人番号システム
 * Web-API (`npm run refresh:registry`). Data fetched through the Web-API also
 * carries the notice the Web-API's terms of use ask a service built on it to
 * show (WEB_API_NOTICE).
 */
import { HOUJIN_SITE, houjinCredit } from './houjin.ts';

/** How registry data was fetched: absent = the download files. */
export type RegistryVia = 'web-api';

/** The Web-API's terms of use (利用規約), which ask for WEB_API_NOTICE. */
export const WEB_API_TERMS_PAGE = 'https://www.houjin-bangou.nta.go.jp/webapi/riyokiyaku.html';

/**
 * The notice the Web-API's terms of use ask a service built on the API to
 * show. Its wording here is the form that public services quote, and the
 * agency's terms page could not be read when this was written: check it
 * against WEB_API_TERMS_PAGE (https://www.houjin-bangou.nta.go.jp/webapi/riyokiyaku.html)
 * before the first real run, and correct it here if the terms differ.
 */
export const WEB_API_NOTICE =
  'このサービスは、国税庁法人番号システムのWeb-API機能を利用して取得した情報をもとに作成しているが、サービスの内容は国税庁によって保証されたものではない';

/** The credit line for data fetched through the Web-API, with the answer's 最終更新年月日. */
export function webApiCredit(asOf?: string): string {
  const when = asOf ? `（${asOf}更新）` : '';
  return `国税庁法人番号公表サイト（国税庁）（${HOUJIN_SITE}）の情報を法人番号システムWeb-API機能で取得${when}し、加工して作成。${WEB_API_NOTICE}`;
}

/** The credit line for one entry's registry data, by how it was fetched. */
export function registryCredit(registry?: { asOf?: string | undefined; via?: RegistryVia | undefined }): string {
  return registry?.via === 'web-api' ? webApiCredit(registry.asOf) : houjinCredit(registry?.asOf);
}

/** How many entries carry registry data fetched through the Web-API (the pages that list licences show WEB_API_NOTICE when any do). */
export function webApiEntries(
  coops: ReadonlyArray<{ registry?: { via?: RegistryVia | undefined } | undefined }>,
): number {
  return coops.filter((c) => c.registry?.via === 'web-api').length;
}
