/** The schema of an organisation (content/coops/): a co-op, a federation, a network, a regional HQ or a site, and its registry record. */
import { z } from 'astro/zod';
import type { RefFactory } from './collections.ts';
import { CLOSE_CAUSE, LEGAL_FORMS, ORG_KIND, ORIGIN } from '../vocabularies.ts';
import {
  coordinates,
  corporateNumber,
  figure,
  pastDate,
  publicEmail,
  publicPhone,
  reading,
  sourceIndex,
  sources,
  text,
  webUrl,
} from './fields.ts';

/** What the corporate-number site publishes about an organisation, as the importer last read it (npm run import:houjin). */
export const registryRecord = z.strictObject({
  name: text.describe('商号又は名称（登記上の名称）'),
  furigana: text.optional().describe('フリガナ（国税庁が公表しているもの）'),
  nameEn: text.optional().describe('商号又は名称（英語表記）: 法人が届け出て国税庁が公表している英語の名称'),
  address: text.optional().describe('国内所在地（都道府県・市区町村・丁目番地等をつないだもの）'),
  postalCode: z
    .string()
    .regex(/^\d{3}-\d{4}$/, { error: '郵便番号は 123-4567 の形で書いてください' })
    .optional()
    .describe('郵便番号（123-4567）'),
  municipality: text.optional().describe('所在地の全国地方公共団体コード（6桁、検査数字つき）'),
  assigned: pastDate.optional().describe('法人番号指定年月日'),
  changed: pastDate.optional().describe('変更年月日（最後に名称・所在地などが変わった日）'),
  changeCause: text.optional().describe('変更事由の詳細'),
  closed: pastDate.optional().describe('登記記録の閉鎖等年月日'),
  closeCause: z.enum(CLOSE_CAUSE.values).optional().describe(`登記記録の閉鎖等の事由: ${CLOSE_CAUSE.describe}`),
  successor: corporateNumber.optional().describe('承継先法人番号'),
  asOf: pastDate.describe(
    '読み込んだファイルの作成日（全件データは月末時点、差分データはその日）。Web-API で取得したときはその最終更新年月日',
  ),
  via: z
    .enum(['web-api'])
    .optional()
    .describe(
      '取得の経路: web-api＝法人番号システム Web-API（npm run refresh:registry）。省略時は基本3情報ダウンロードのファイル',
    ),
});

/** An organisation: a co-op, a federation, a network, a regional HQ or a site. */
export const coopSchema = (ref: RefFactory) =>
  z.strictObject({
    name: text.describe('正式名称（登記上の名称。確かめられないときは notes に書く）'),
    nameVariants: z.array(text).optional().describe('出典により異なる表記・略称'),
    reading: reading.describe('五十音順の並べ替えに使うよみ（法人格の部分を除く）'),
    kind: z.enum(ORG_KIND.values).describe(`組織の種類: ${ORG_KIND.describe}`),
    legalForm: z.enum(LEGAL_FORMS).optional().describe('法人格（事業所 kind: site では省略可）'),
    parent: ref('coops').optional().describe('上位の組織（事業本部・事業所の場合）'),
    memberOf: z.array(ref('coops')).optional().describe('加盟する連合会・ネットワーク'),
    prefecture: ref('municipalities').optional().describe('主たる事務所の都道府県（コード）'),
    municipality: ref('municipalities').optional().describe('主たる事務所の市区町村（コード）'),
    address: text.optional().describe('所在地（公表されている団体の住所のみ）'),
    postalCode: z
      .string()
      .regex(/^\d{3}-\d{4}$/, { error: '郵便番号は 123-4567 の形で書いてください' })
      .optional()
      .describe('郵便番号（123-4567、公表されている団体の所在地のもの）'),
    location: coordinates
      .optional()
      .describe('所在地の座標（住所から確認できた場合のみ。ない場合は市区町村の代表点を使う）'),
    categories: z
      .array(ref('categories'))
      .default([])
      .describe('分野（一つ以上。registryOnly の下書きだけは空でよい）'),
    summary: text.optional().describe('一文の紹介（サイト独自の文）'),
    business: z.array(text).optional().describe('事業の内容（出典に沿った短い項目）'),
    services: z
      .array(
        z.strictObject({
          category: ref('categories').describe('この事業群の分野'),
          group: text.optional().describe('小見出し（例: 高齢者関連事業）'),
          items: z.array(text).min(1).describe('事業の名前（出典の表記に沿って）'),
        }),
      )
      .optional()
      .describe('事業一覧（分野ごと）'),
    servicesAsOf: pastDate.optional().describe('事業一覧の時点'),
    licences: z.array(text).optional().describe('登録業種・許認可'),
    origin: z.enum(ORIGIN.values).optional().describe(`労協になった経緯: ${ORIGIN.describe}`),
    convertedFrom: text.optional().describe('組織変更前の名称'),
    founded: pastDate
      .optional()
      .describe('団体としての発足（労協になる前の任意団体・企業組合・NPO法人などの発足を含む）'),
    foundingMeeting: pastDate.optional().describe('創立総会の日（設立の手続きの始まり。法人の成立ではない）'),
    registered: pastDate.optional().describe('設立の登記をした日（＝法人の成立日）。新規設立の労働者協同組合の場合'),
    converted: pastDate
      .optional()
      .describe('組織変更の効力が生じた日（企業組合・NPO法人から労働者協同組合になった日）'),
    established: pastDate
      .optional()
      .describe(
        '出典が「設立」とだけ書き、創立総会・登記・組織変更のどれか分からない時期（分かるものは foundingMeeting・registered・converted に書く）',
      ),
    corporateNumber: corporateNumber.optional().describe('法人番号（13桁、先頭が検査用数字）。出典で確かめたものだけ'),
    registryOnly: z
      .boolean()
      .optional()
      .describe(
        '登記情報のみの下書きか（true=国税庁の法人番号公表サイトの登記情報だけから作った下書き。活動は未調査で、サイトに「登記情報のみ」と表示）',
      ),
    registry: registryRecord
      .optional()
      .describe('国税庁法人番号公表サイトの登記情報（登記情報の取り込みが書き換えるため、手では編集しない）'),
    dissolved: z
      .strictObject({
        date: pastDate.describe('解散・登記記録の閉鎖等の日'),
        cause: text.optional().describe('事由（例: 清算の結了等）'),
      })
      .optional()
      .describe('解散した組織（ページは残し「解散」と表示。掲載数には数えない）'),
    tokutei: z.boolean().optional().describe('特定労働者協同組合の認定を受けているか（確認できた場合のみ）'),
    area: text.optional().describe('活動・担当地域'),
    areaCodes: z
      .strictObject({
        prefectures: z.array(ref('municipalities')).optional().describe('全域で活動する都道府県（コード）'),
        municipalities: z
          .array(ref('municipalities'))
          .optional()
          .describe('活動地域として挙げられた市区町村（コード）'),
        source: sourceIndex,
      })
      .refine((a) => (a.prefectures?.length ?? 0) + (a.municipalities?.length ?? 0) > 0, {
        error: 'prefectures か municipalities のどちらかに一つ以上のコードを書いてください',
      })
      .optional()
      .describe(
        '活動地域をコードで表したもの（団体自身の資料にある場合のみ）。市区町村のページで「活動地域に含まれる団体」に載る',
      ),
    figures: z.array(figure).optional().describe('出典が示す数値（組合員数・事業高など）'),
    contact: z
      .strictObject({
        website: webUrl.optional().describe('団体の公式ウェブサイト'),
        phone: publicPhone.optional().describe('団体の公開電話番号（代表・事務所の番号。個人の番号は載せない）'),
        fax: z
          .string()
          .regex(/^[0-9-]+$/, { error: 'FAX は数字とハイフンで書いてください' })
          .optional()
          .describe('団体の公開 FAX 番号'),
        email: publicEmail
          .optional()
          .describe('団体の公開メールアドレス（団体・事務所の窓口のもの。個人のアドレスは載せない）'),
        asOf: pastDate.optional().describe('連絡先を確かめた時点'),
      })
      .optional()
      .describe('連絡先（団体の公開連絡先のみ。個人の連絡先は載せない）'),
    notes: z.array(text).optional().describe('未確認事項・表記の揺れなど、読者への注記'),
    sources,
  });
