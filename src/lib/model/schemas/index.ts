/**
 * Zod schemas of every collection. They are factories over `ref`, so the same
 * rules serve Astro (which passes its `reference()`) and the data check
 * (which passes a plain id string and resolves references itself).
 */
import { z } from 'astro/zod';
import { isValidLgCode, isNationalBodyId } from '../lgcode.ts';
import { normaliseDateValue, parsePartialDate } from '../dates.ts';
import { corporateNumberProblem } from '../corporate-number.ts';
import { copyHostOf, webUrlProblem } from '../urls.ts';
import { ACTIVITY_KIND, ACTIVITY_STATUS, ORG_KIND, ORIGIN, vocabulary } from '../vocabularies.ts';
import { COOP_LIST_SEGMENT } from '../paths.ts';

export { ACTIVITY_KIND, ACTIVITY_STATUS, ORG_KIND, ORIGIN };

/** Builds the schema of a reference to an entry of another collection: the entry's id. */
export type RefFactory = (collection: CollectionName) => z.ZodType<string>;

export const COLLECTION_NAMES = [
  'coops',
  'categories',
  'municipalities',
  'contracts',
  'councils',
  'programmes',
  'guides',
  'nationalCounts',
] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** The folder under content/ of a collection whose name is not its folder name. */
export const COLLECTION_FOLDERS: Partial<Record<CollectionName, string>> = { nationalCounts: 'national-counts' };

/** The folder under content/ that holds a collection. */
export function folderOf(collection: CollectionName): string {
  return COLLECTION_FOLDERS[collection] ?? collection;
}

/** A reference: the id of an entry of `collection`, checked by the data check against the entries there. */
export const idRef: RefFactory = (collection) =>
  z.string().min(1, { error: '参照先の id が空です' }).register(fieldRules, { ref: collection });

/**
 * What the data check reads from the schemas themselves: which fields refer
 * to another collection, and which dates must not lie in the future. A
 * field declares it by using `ref(…)` or `pastDate`; nothing restates it.
 */
export const fieldRules = z.registry<{ ref?: CollectionName; past?: true }>();

/** A date schema: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; an unquoted YAML date is accepted too. */
function dateSchema() {
  return z.preprocess(
    normaliseDateValue,
    z
      .string({ error: '日付は "YYYY-MM-DD"・"YYYY-MM"・"YYYY" のいずれかで書いてください' })
      .refine((v) => parsePartialDate(v) !== undefined, {
        error: (iss) =>
          `日付 "${String(iss.input)}" は "YYYY-MM-DD"・"YYYY-MM"・"YYYY" のいずれでもないか、存在しない日付です`,
      }),
  );
}

/** A date that may lie in the future (an end, a planned event). */
export const partialDate = dateSchema();

/** A date that must not lie in the future (when something happened, was published or seen). */
export const pastDate = dateSchema().register(fieldRules, { past: true });

/** Longest URL accepted (browsers and servers commonly cap near 2,000 characters). */
export const MAX_URL_LENGTH = 2000;

/** An http(s) URL to a public host name: no other scheme (javascript:, data:, file: …), no credentials, no IP address or private name. */
export const webUrl = z
  .string()
  .max(MAX_URL_LENGTH, { error: `URL が長すぎます（${MAX_URL_LENGTH}文字まで）` })
  .superRefine((v, ctx) => {
    const problem = webUrlProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Longest text value: a summary or note of a few paragraphs (a longer value is a mistake or an attack). */
export const MAX_TEXT_LENGTH = 2000;

/** A non-empty string with no leading or trailing space. */
const text = z
  .string()
  .trim()
  .min(1, { error: '空の値です' })
  .max(MAX_TEXT_LENGTH, { error: `長すぎます（${MAX_TEXT_LENGTH}文字まで）` });

/** Kana reading (hiragana, katakana, the prolonged sound mark, middle dot, spaces, Latin letters and digits). */
const reading = z.string().regex(/^[\p{Script=Hiragana}\p{Script=Katakana}ー・ \u3000A-Za-z0-9&'.-]+$/u, {
  error: 'よみはひらがな・カタカナで書いてください（読みが公表されていない英字名は英字のまま）',
});

/** Where a fact was seen: a URL a reader can open, or a named document, with the date it speaks for or was seen. */
export const source = z
  .strictObject({
    title: text.describe('出典の題名（ページ名・文書名）'),
    publisher: text.optional().describe('発行者（省庁・自治体・団体名）'),
    url: webUrl.optional().describe('原典の URL（ミラーやプロキシではなく発行元のもの）'),
    document: text.optional().describe('URL のない文書の名前（例: 配布資料）'),
    asOf: pastDate.optional().describe('出典が示す時点（○年○月○日現在）'),
    published: pastDate.optional().describe('出典の発行日'),
    seen: pastDate.optional().describe('編集者が出典を確認した日'),
    note: text.optional().describe('出典についての補足'),
    copyOf: z
      .strictObject({
        publisher: text.describe('原典の発行者'),
        title: text.optional().describe('原典の題名（違う場合）'),
        url: webUrl.optional().describe('原典の URL（わかる場合）'),
        published: pastDate.optional().describe('原典の発行日'),
      })
      .optional()
      .describe('url が転載・キャッシュ・アーカイブの写しであるとき、その原典'),
  })
  .refine((s) => s.url !== undefined || s.document !== undefined, {
    error: '出典には url か document のどちらかが必要です',
  })
  .superRefine((s, ctx) => {
    const host = s.url !== undefined && URL.canParse(s.url) ? copyHostOf(new URL(s.url).hostname) : undefined;
    if (host !== undefined && s.copyOf === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: `${host} は他のサイトの写し（キャッシュ・アーカイブ・転載）です。発行元の URL を書くか、写しであることを copyOf（原典の発行者など）で示してください`,
      });
    }
    if (
      s.copyOf?.url !== undefined &&
      URL.canParse(s.copyOf.url) &&
      copyHostOf(new URL(s.copyOf.url).hostname) !== undefined
    ) {
      ctx.addIssue({ code: 'custom', path: ['copyOf', 'url'], message: '原典の URL に写しのサイトは書けません' });
    }
  })
  .refine((s) => s.asOf !== undefined || s.published !== undefined || s.seen !== undefined, {
    error: '出典には asOf・published・seen のいずれかの日付が必要です',
  });

/** At least one source. */
export const sources = z
  .array(source, { error: 'sources（出典）がありません' })
  .min(1, { error: 'sources（出典）が空です' })
  .describe('出典（一つ以上）。本文の source 番号はこの配列の何番目か（0 始まり）');

/** Coordinates inside Japan's bounding box (20–46°N, 122–154°E). */
export const coordinates = z.strictObject({
  lat: z
    .number()
    .min(20, { error: '緯度が日本の範囲（北緯20〜46度）の外です' })
    .max(46, { error: '緯度が日本の範囲（北緯20〜46度）の外です' })
    .describe('緯度（世界測地系、度）'),
  lng: z
    .number()
    .min(122, { error: '経度が日本の範囲（東経122〜154度）の外です' })
    .max(154, { error: '経度が日本の範囲（東経122〜154度）の外です' })
    .describe('経度（世界測地系、度）'),
});

/** Largest plausible figure: amounts in yen up to a trillion, any other unit (people, places, members …) up to ten million. */
export function figureLimit(unit: string): number {
  return unit.includes('円') ? 1e12 : 1e7;
}

/** A figure reported by a source: value, unit, the date it speaks for. */
const figureFields = z.strictObject({
  label: text.describe('何の数値か（例: 組合員数）'),
  value: z
    .number({ error: '数値を書いてください' })
    .min(0, { error: '数値は0以上で書いてください（増減は label で説明します）' })
    .describe('数値（0以上）'),
  unit: text.describe('単位（例: 人、ヶ所、円）'),
  asOf: pastDate.describe('いつの数値か（年度の実績なら年度の初日でなく表記どおり）'),
  period: text.optional().describe('期間の表記（例: 2015年度）'),
  note: text.optional().describe('数値についての注記'),
  source: z.number().int().min(0).optional().describe('この数値の出典（sources の何番目か、0 始まり）'),
});

/** Refuses a figure larger than its unit allows. */
function withinLimit<T extends z.ZodType<{ value: number; unit: string }>>(schema: T) {
  return schema.superRefine((f, ctx) => {
    const limit = figureLimit(f.unit);
    if (f.value > limit)
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `${f.value} ${f.unit} は大きすぎます（単位「${f.unit}」では ${limit.toLocaleString('ja-JP')} まで。桁を確認してください）`,
      });
  });
}

const figure = withinLimit(figureFields);

export const LEGAL_FORMS = [
  '労働者協同組合',
  '特定労働者協同組合',
  '労働者協同組合連合会',
  '企業組合',
  'NPO法人',
  '一般社団法人',
  '事業協同組合',
  '任意団体',
  '未確認',
] as const;

export const ORG_KINDS = ORG_KIND.values;

export const ORIGINS = ORIGIN.values;

/** 法人番号: 13 digits whose first digit is the check digit (src/lib/model/corporate-number.ts). A YAML number is refused: write it quoted. */
export const corporateNumber = z
  .string({ error: '法人番号は13桁の数字を引用符で囲んで書いてください（例: "7000012050002"）' })
  .superRefine((v, ctx) => {
    const problem = corporateNumberProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** 登記記録の閉鎖等の事由 (the corporate-number site's codes 01/11/21/31), with their labels. */
export const CLOSE_CAUSES = {
  '01': '清算の結了等',
  '11': '合併による解散等',
  '21': '登記官による閉鎖',
  '31': 'その他の清算の結了等',
} as const;

/** What the corporate-number site publishes about an organisation, as the importer last read it (npm run import:houjin). */
export const registryRecord = z.strictObject({
  name: text.describe('商号又は名称（登記上の名称）'),
  furigana: text.optional().describe('フリガナ（国税庁が公表しているもの）'),
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
  closeCause: z
    .enum(Object.keys(CLOSE_CAUSES) as ['01', '11', '21', '31'])
    .optional()
    .describe(
      '登記記録の閉鎖等の事由（01 清算の結了等、11 合併による解散等、21 登記官による閉鎖、31 その他の清算の結了等）',
    ),
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

/** Municipality / public-body kinds. */
export const BODY_KINDS = ['国', '都道府県', '市', '特別区', '区', '町', '村'] as const;

/** An organisation: a co-op, a federation, a network, a regional HQ or a site. */
export const coopSchema = (ref: RefFactory) =>
  z.strictObject({
    name: text.describe('正式名称（登記名。確認できない場合は note に書く）'),
    nameVariants: z.array(text).optional().describe('出典により異なる表記・略称'),
    reading: reading.describe('五十音順の並べ替えに使うよみ（法人格の部分を除く）'),
    kind: z.enum(ORG_KINDS).describe(ORG_KIND.describe),
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
    origin: z.enum(ORIGINS).optional().describe(ORIGIN.describe),
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
        'true=国税庁の法人番号公表サイトの登記情報だけから作った下書き（活動は未調査。サイトに「登記情報のみ」と表示）',
      ),
    registry: registryRecord
      .optional()
      .describe('法人番号公表サイトの登記情報（npm run import:houjin が書き換える。手で編集しない）'),
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
        phone: z
          .string()
          .regex(/^[0-9-]+$/, { error: '電話番号は数字とハイフンで書いてください' })
          .optional()
          .describe('団体の公開電話番号'),
        fax: z
          .string()
          .regex(/^[0-9-]+$/, { error: 'FAX は数字とハイフンで書いてください' })
          .optional()
          .describe('団体の公開 FAX 番号'),
        asOf: pastDate.optional().describe('連絡先を確かめた時点'),
      })
      .optional()
      .describe('団体の公開連絡先のみ（個人の連絡先は載せない）'),
    notes: z.array(text).optional().describe('未確認事項・表記の揺れなど、読者への注記'),
    sources,
  });

/** A service category. */
export const categorySchema = (ref: RefFactory) =>
  z.strictObject({
    name: text.describe('分野名'),
    nameEn: text.describe('英語名'),
    reading: reading.describe('よみ'),
    order: z.number().int().describe('一覧での並び順'),
    description: text.describe('分野の説明（サイト独自の文）'),
    parent: ref('categories').optional().describe('上位の分野'),
    sources,
  });

/** A public body: the ministry, a prefecture, a city, ward, town or village. The id is its code. */
export const municipalitySchema = (ref: RefFactory) =>
  z.strictObject({
    name: text.describe('名称（例: 桶川市）'),
    reading: reading.describe('よみ（総務省コード表の表記）'),
    kind: z.enum(BODY_KINDS).describe(`種類: ${BODY_KINDS.join('・')}`),
    prefecture: ref('municipalities').optional().describe('所属する都道府県（都道府県・国では省略）'),
    parent: ref('municipalities').optional().describe('政令指定都市の区の場合、その市'),
    location: coordinates.optional().describe('代表点'),
    locationSource: text.optional().describe('代表点の出典と性質'),
    website: webUrl.optional().describe('公式ウェブサイト'),
    windows: z
      .array(
        z.strictObject({
          name: text.optional().describe('窓口の名前（例: 労働者協同組合法 総合相談窓口）'),
          department: text.describe('担当する部署（個人名は書かない）'),
          phone: publicPhone.optional().describe('部署の公開電話番号'),
          url: webUrl.optional().describe('窓口を案内する発行元のページ'),
          hours: text.optional().describe('受付時間'),
          note: text.optional().describe('窓口についての注記'),
          source: sourceIndex,
        }),
      )
      .optional()
      .describe('労働者協同組合の相談・届出の窓口（都道府県と国の機関のみ、一つまで）'),
    sources,
  });

/** Kinds of commissioned programme, for filters and grouping (URL slugs of /contracts/programme/<kind>/). */
export const CONTRACT_KIND = vocabulary({
  konkyu: '生活困窮者自立支援',
  hogo: '生活保護受給者の就労支援',
  wakamono: '若者・障がい者の就労支援',
  jidokan: '児童館・子育て支援施設',
  gakudo: '学童保育',
  shisetsu: '地区センター・公園などの施設',
  other: 'その他',
});
export const CONTRACT_KINDS = CONTRACT_KIND.values;

/** How a public body engages the organisation. */
export const CONTRACT_FORMS = ['委託', '指定管理', '補助'] as const;

/** One public body commissioning one organisation for one programme (or one designation for a facility). */
export const contractSchema = (ref: RefFactory) =>
  z.strictObject({
    commissioner: ref('municipalities').describe('委託元（公共団体のコード）'),
    contractor: ref('coops').describe('受託者（出典が名指す法人。事業本部を名指していれば事業本部）'),
    contractorAsNamed: text
      .optional()
      .describe('出典での受託者の表記が今の名称と違う場合、その表記（例: 組織変更前の名称）'),
    kind: z.enum(CONTRACT_KINDS).describe(`事業の種類（絞り込みと分類に使う）: ${CONTRACT_KIND.describe}`),
    programme: text.describe('事業名（出典の表記。例: 生活困窮者自立支援事業）'),
    form: z.enum(CONTRACT_FORMS).optional().describe('委託・指定管理・補助の別（出典に書かれている場合）'),
    facility: text.optional().describe('指定管理などの対象施設（出典の表記）'),
    services: z.array(text).optional().describe('委託内容として出典に並ぶ事業'),
    category: ref('categories').describe('分野'),
    asOf: pastDate
      .optional()
      .describe('出典が示す時点（期間の書かれていない資料では、この時点で委託があったことだけが分かる）'),
    from: pastDate.optional().describe('委託・指定の期間の開始（出典に書かれている場合のみ）'),
    to: partialDate.optional().describe('委託・指定の期間の終了（予定を含む。出典に書かれている場合のみ）'),
    fiscalYears: z
      .strictObject({
        from: z.number().int().min(1990).max(2100).describe('最初の年度（西暦、4月始まり）'),
        to: z.number().int().min(1990).max(2100).describe('最後の年度（西暦、4月始まり）'),
      })
      .optional()
      .describe('日付でなく年度で書かれた期間'),
    amount: z
      .strictObject({
        value: z.number().min(0).describe('金額'),
        unit: text.default('円').describe('単位'),
        basis: text.describe('何の金額か（例: 契約金額、指定管理料の年額）'),
      })
      .optional()
      .describe('公表されている金額（出典に書かれている場合のみ）'),
    selection: text.optional().describe('選定の方法（例: 公募、公募型プロポーザル、非公募）'),
    department: text.optional().describe('委託元の担当部署（出典に書かれている場合）'),
    note: text.optional().describe('読者への注記（出典の読み方など）'),
    sources: sources.describe('出典（委託元自身のページを優先）'),
  });

/** An index into the entry's own `sources` (0-based); the data check makes sure it exists. */
const sourceIndex = z.number().int().min(0).describe('出典（この項目が載っている sources の番号、0 始まり）');

/** A statement in our own words, with the source it comes from. */
const sourcedText = z.strictObject({
  text: text.describe('出典の内容をサイト独自の文で書いたもの'),
  source: sourceIndex,
});

/** A figure whose source must be named (model-project pages show every figure with its source). */
const sourcedFigure = withinLimit(figureFields.extend({ source: sourceIndex }));

/** Organisation-only public contact details (never a person's). */
const publicPhone = z.string().regex(/^[0-9-]+$/, { error: '電話番号は数字とハイフンで書いてください' });
const publicEmail = z.string().regex(/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i, { error: 'メールアドレスの形ではありません' });

/** Kinds of model-project activity; labels live in src/lib/views/model-project.ts. */
export const ACTIVITY_KINDS = ACTIVITY_KIND.values;

/** Whether an activity had taken place when its source was written. */
export const ACTIVITY_STATUSES = ACTIVITY_STATUS.values;

/** Kinds of council member. */
export const MEMBER_KINDS = [
  '行政',
  '社会福祉協議会',
  '協同組合',
  '労働者協同組合',
  '労働者福祉団体',
  '労働金庫',
  '支援団体',
  '経済団体',
  '労働団体',
  'その他',
] as const;

/** One activity of a council: a forum, a workshop, a consultation window's work, a course … */
const activity = (ref: RefFactory) =>
  z.strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'id は英小文字・数字・ハイフンで付けてください' })
      .describe('協議会の中で一意の id（ページ内リンクとテストに使う）'),
    title: text.describe('活動の名前'),
    kind: z.enum(ACTIVITY_KINDS).describe(`活動の種類: ${ACTIVITY_KIND.describe}`),
    status: z.enum(ACTIVITY_STATUSES).default('held').describe(`出典の時点で ${ACTIVITY_STATUS.describe}`),
    fiscalYear: z
      .number()
      .int()
      .min(2020)
      .max(2035)
      .optional()
      .describe('出典がこの活動を載せている年度（西暦、4月始まり）'),
    date: partialDate.optional().describe('1日で終わる催しの日付（未来の日付は status: planned のときだけ）'),
    from: pastDate.optional().describe('期間のある活動の開始'),
    to: partialDate.optional().describe('期間のある活動の終了（予定を含む）'),
    organiser: text.optional().describe('主催が協議会でない場合の主催者（団体名）'),
    region: text.optional().describe('地域（例: 県央）'),
    place: text.optional().describe('会場（公共施設名など）'),
    audience: text.optional().describe('対象'),
    summary: text.optional().describe('内容（サイト独自の文）'),
    lists: z
      .array(
        z.strictObject({
          label: text.describe('見出し（例: 参加者の意見）'),
          items: z.array(text).min(1).describe('項目'),
        }),
      )
      .optional()
      .describe('内容の箇条書き（プログラム、参加者の声、学生のアイデアなど）'),
    attendance: z
      .strictObject({
        participants: z.number().int().min(0).max(1_000_000).optional().describe('参加者数（実施済みの場合）'),
        capacity: z.number().int().min(1).max(1_000_000).optional().describe('定員'),
        unit: text.default('人').describe('単位'),
      })
      .optional()
      .describe('参加者数と定員'),
    bodies: z.array(ref('municipalities')).optional().describe('関わった公共団体（訪問先など）のコード'),
    coops: z.array(ref('coops')).optional().describe('関わった組合・団体の id'),
    figures: z.array(sourcedFigure).optional().describe('報告された数値'),
    note: text.optional().describe('読者への注記（未公表の事項など）'),
    source: sourceIndex,
  });

/** A model-project council: members, aims, plans, windows, activities with dates and figures, problems, plans after the project. */
export const councilSchema = (ref: RefFactory) =>
  z.strictObject({
    name: text.describe('協議会の名称'),
    reading: reading.describe('よみ'),
    shortName: text.optional().describe('一覧や図で使う短い名前（例: 神奈川）'),
    prefecture: ref('municipalities').describe('都道府県のコード'),
    programme: ref('programmes').optional().describe('実施している国の事業（programmes の id）'),
    summary: text.optional().describe('一文の紹介（サイト独自の文）'),
    established: pastDate.optional().describe('協議会の発足日'),
    establishedSource: sourceIndex.optional().describe('発足日の出典'),
    period: z
      .strictObject({ from: pastDate.describe('開始'), to: partialDate.describe('終了（予定）'), source: sourceIndex })
      .optional()
      .describe('この協議会の事業期間'),
    secretariat: z
      .strictObject({
        name: text.describe('事務局の団体・部署名'),
        coop: ref('coops').optional().describe('事務局がディレクトリにある団体なら、その id'),
        body: ref('municipalities').optional().describe('事務局が公共団体なら、そのコード'),
        source: sourceIndex,
      })
      .optional()
      .describe('事務局'),
    members: z
      .array(
        z.strictObject({
          name: text.describe('構成団体名（出典の表記）'),
          kind: z.enum(MEMBER_KINDS).optional().describe('団体の種類'),
          coop: ref('coops').optional().describe('ディレクトリに載っている団体なら、その id'),
          body: ref('municipalities').optional().describe('公共団体なら、そのコード'),
          note: text.optional().describe('注記（例: 構成員であることは別の出典による）'),
          source: sourceIndex.optional().describe('この団体が構成員だという出典（省略時は membersSource）'),
        }),
      )
      .optional()
      .describe('構成団体'),
    membersAsOf: pastDate.optional().describe('構成団体の一覧の時点'),
    membersSource: sourceIndex.optional().describe('構成団体の一覧の出典'),
    membersComplete: z.boolean().optional().describe('一覧が出典の全構成員か（false なら一部のみ）'),
    website: webUrl.optional().describe('協議会または事業の公式ページ'),
    reasons: z.array(sourcedText).optional().describe('モデル事業に取り組んだ理由'),
    aims: z.array(sourcedText).optional().describe('目的・目指す地域の姿'),
    plans: z
      .array(
        z.strictObject({
          fiscalYear: z.number().int().min(2020).max(2035).describe('年度（西暦、4月始まり）'),
          stage: text.optional().describe('段階の名前（例: ホップ）'),
          theme: text.describe('その年度の目標'),
          items: z.array(text).optional().describe('計画した取り組み'),
          source: sourceIndex,
        }),
      )
      .optional()
      .describe('年度ごとの計画'),
    windows: z
      .array(
        z.strictObject({
          name: text.describe('窓口の名前'),
          operator: text.describe('窓口を受け持つ団体・部署（個人名は書かない）'),
          operatorCoop: ref('coops').optional().describe('受け持つ団体がディレクトリにあれば、その id'),
          operatorBody: ref('municipalities').optional().describe('受け持つのが公共団体なら、そのコード'),
          phone: publicPhone.optional().describe('団体の公開電話番号'),
          email: publicEmail.optional().describe('団体の公開メールアドレス'),
          hours: text.optional().describe('受付時間'),
          from: pastDate.optional().describe('開設'),
          fee: text.optional().describe('費用（例: 無料）'),
          howTo: z.array(text).optional().describe('相談の流れ'),
          note: text.optional().describe('窓口についての注記'),
          source: sourceIndex,
        }),
      )
      .optional()
      .describe('相談窓口（団体の公開連絡先のみ）'),
    activities: z.array(activity(ref)).optional().describe('活動（日付・報告された数値つき）'),
    kindNotes: z
      .array(
        z.strictObject({
          kind: z.enum(ACTIVITY_KINDS).describe('補足する活動の種類'),
          text: text.describe('補足（サイト独自の文）'),
          source: sourceIndex,
        }),
      )
      .optional()
      .describe('活動の種類ごとの補足（例: ワークショップを4地域で開くことにした理由）'),
    prefectureCoops: z
      .strictObject({
        asOf: pastDate.describe('一覧の時点'),
        items: z
          .array(
            z.strictObject({
              name: text.describe('組合の名前（出典の表記）'),
              coop: ref('coops').optional().describe('ディレクトリにあれば、その id'),
              place: text.optional().describe('所在市町村（出典の表記）'),
              business: text.optional().describe('事業（出典の表記）'),
            }),
          )
          .min(1)
          .describe('資料に載る組合'),
        source: sourceIndex,
      })
      .optional()
      .describe('協議会の資料に載る県内の労働者協同組合'),
    problems: z
      .array(
        z.strictObject({
          context: text.optional().describe('どの活動の中で出た課題か'),
          problem: text.describe('課題（サイト独自の文）'),
          responses: z.array(text).optional().describe('解決に向けた取り組み'),
          source: sourceIndex,
        }),
      )
      .optional()
      .describe('協議会が挙げた課題と、その解決に向けた取り組み'),
    after: z.array(sourcedText).optional().describe('モデル事業の後に向けた計画'),
    figures: z.array(sourcedFigure).optional().describe('協議会全体についての数値（事業費など）'),
    unpublished: z.array(text).optional().describe('調べたが公表を確認できなかった事項'),
    unpublishedAsOf: pastDate.optional().describe('unpublished を確かめた日'),
    sources,
  });

/** A national programme (the model project): aims, period, selection, funding, timeline. */
export const programmeSchema = (ref: RefFactory) =>
  z.strictObject({
    name: text.describe('事業の名称'),
    reading: reading.describe('よみ'),
    ministry: ref('municipalities').describe('所管する国の機関（mhlw など）'),
    summary: text.describe('二文ほどの紹介（サイト独自の文）'),
    aims: z.array(sourcedText).min(1).describe('事業の目的'),
    fiscalYears: z
      .strictObject({
        from: z.number().int().describe('開始年度'),
        to: z.number().int().describe('終了年度'),
        source: sourceIndex,
      })
      .describe('実施年度（西暦、4月始まり）'),
    selection: z
      .strictObject({
        date: pastDate.describe('採択の日'),
        councils: z.number().int().min(1).describe('採択された協議会の数'),
        text: text.describe('採択について（サイト独自の文）'),
        source: sourceIndex,
      })
      .describe('協議会の採択'),
    funding: z.array(sourcedText).optional().describe('費用の出し方（委託など）'),
    events: z
      .array(
        z.strictObject({
          date: partialDate.describe('日付（予定を含む）'),
          title: text.describe('出来事'),
          status: z.enum(ACTIVITY_STATUSES).default('held').describe(`出典の時点で ${ACTIVITY_STATUS.describe}`),
          source: sourceIndex,
        }),
      )
      .optional()
      .describe('年表に載せる出来事'),
    website: webUrl.optional().describe('事業の公式ページ'),
    unpublished: z.array(text).optional().describe('調べたが公表を確認できなかった事項'),
    unpublishedAsOf: pastDate.optional().describe('unpublished を確かめた日'),
    sources,
  });

/** Frontmatter of an explainer page (MDX). */
export const guideSchema = () =>
  z.strictObject({
    title: text.describe('解説の題名'),
    summary: text.describe('一、二文の要約（一覧と検索に使う）'),
    updated: pastDate.describe('本文を最後に更新した日'),
    order: z.number().int().default(100).describe('一覧での並び順（小さいほど先）'),
    sources,
  });

/** Most organisations a count may hold: far above Japan's total of all co-operatives of every kind. */
export const MAX_COUNT = 100_000;

/** A whole number of organisations (0 or more). */
const count = z
  .number()
  .int({ error: '数は整数で書いてください' })
  .min(0, { error: '数は0以上で書いてください' })
  .max(MAX_COUNT, { error: `数が大きすぎます（${MAX_COUNT.toLocaleString('ja-JP')} まで。桁を確認してください）` });

/**
 * One count of Japan's worker co-operatives at a date: the ministry's
 * half-yearly figure (official: true) or a figure reported by others
 * (official: false). The file name is the as-of date.
 */
export const nationalCountSchema = () =>
  z.strictObject({
    asOf: pastDate.describe('何日時点の数か（YYYY-MM-DD、ファイル名と同じ）'),
    corporations: count.describe('設立された労働者協同組合の法人数'),
    prefectures: z
      .number()
      .int()
      .min(1)
      .max(47, { error: '都道府県の数は47以下です' })
      .optional()
      .describe('法人のある都道府県の数'),
    prefecturesText: text.optional().describe('出典の都道府県の表記（例: 1都1道1府15県）'),
    newlyEstablished: count.optional().describe('新規設立の法人数'),
    converted: count.optional().describe('企業組合・NPO法人から組織変更した法人数'),
    convertedFromKigyo: count.optional().describe('うち企業組合からの組織変更'),
    convertedFromNpo: count.optional().describe('うちNPO法人からの組織変更'),
    tokutei: count.optional().describe('特定労働者協同組合の認定を受けた法人数'),
    byPrefecture: z
      .array(
        z.strictObject({
          prefecture: z
            .string()
            .regex(/^\d{6}$/, { error: '都道府県は6桁の全国地方公共団体コードで書いてください（例: 130001）' })
            .describe('都道府県のコード'),
          corporations: count.describe('その都道府県の法人数'),
        }),
      )
      .optional()
      .describe('出典が示す都道府県別の法人数（出典にあるものだけ。統計ページの都道府県別の掲載率に使う）'),
    official: z
      .boolean({ error: 'official（厚生労働省の公表値か）を true か false で書いてください' })
      .describe('true=厚生労働省の公表値、false=報道・自治体などによる二次的な数'),
    note: text.optional().describe('読者への注記（内訳が未公表であることなど）'),
    sources,
  });

/**
 * The search's table of everyday words (content/search-synonyms.yaml): groups
 * of words people type for one service, each tied to the category (and, when
 * one is listed, the service) it is about. The search page expands a query
 * word to the other words of its group; pages are never changed.
 */
export const searchSynonymsSchema = (ref: RefFactory) =>
  z.strictObject({
    reviewed: partialDate.describe('表を最後に見直した日'),
    groups: z
      .array(
        z.strictObject({
          words: z
            .array(text)
            .min(2, { error: '言い換えの語を二つ以上書いてください' })
            .describe('同じものを指す語（どれで検索しても全部を探す）'),
          category: ref('categories').describe('この語が指す分野'),
          service: text.optional().describe('この語が指す事業（content/ の事業一覧・事業内容・委託事業にある表記）'),
          note: text.optional().describe('編集者向けの注記'),
        }),
      )
      .min(1, { error: 'groups が空です' }),
  });

/** Single data files at the top of content/ (not collections): name → file. */
export const DATA_FILES = { searchSynonyms: 'search-synonyms.yaml' } as const;

/** The schema of every collection, keyed by name. */
export function schemasFor(ref: RefFactory) {
  return {
    coops: coopSchema(ref),
    categories: categorySchema(ref),
    municipalities: municipalitySchema(ref),
    contracts: contractSchema(ref),
    councils: councilSchema(ref),
    programmes: programmeSchema(ref),
    guides: guideSchema(),
    nationalCounts: nationalCountSchema(),
  } satisfies Record<CollectionName, z.ZodType>;
}

/** Valid ids: lowercase ASCII slugs; municipalities use their code (or a national body id). */
export function idProblem(collection: CollectionName, id: string): string | undefined {
  if (collection === 'municipalities') {
    if (isNationalBodyId(id)) return undefined;
    if (!/^\d{6}$/.test(id)) return `id "${id}" は6桁の全国地方公共団体コードではありません`;
    if (!isValidLgCode(id)) return `全国地方公共団体コード "${id}" の検査数字が正しくありません`;
    return undefined;
  }
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return `id "${id}" は英小文字・数字・ハイフンのみで付けてください`;
  if (collection === 'coops' && id === COOP_LIST_SEGMENT)
    return `id "${id}" は都道府県別一覧のURL（/coops/${COOP_LIST_SEGMENT}/…）に使うため、組合の id にはできません`;
  return undefined;
}
