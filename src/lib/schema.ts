/**
 * Zod schemas of every collection. They are factories over `ref`, so the same
 * rules serve Astro (which passes its `reference()`) and the data check
 * (which passes a plain id string and resolves references itself).
 */
import { z } from 'astro/zod';
import { isValidLgCode, isNationalBodyId } from './lgcode.ts';
import { normaliseDateValue, parsePartialDate } from './dates.ts';

/** Builds the schema of a reference to an entry of another collection. */
export type RefFactory = (collection: CollectionName) => z.ZodType;

export const COLLECTION_NAMES = ['coops', 'categories', 'municipalities', 'contracts', 'councils', 'guides'] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** A plain-id stand-in for Astro's reference(), for use outside Astro. */
export const idRef: RefFactory = () => z.string().min(1, { error: '参照先の id が空です' });

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; an unquoted YAML date is accepted too. */
export const partialDate = z.preprocess(
  normaliseDateValue,
  z
    .string({ error: '日付は "YYYY-MM-DD"・"YYYY-MM"・"YYYY" のいずれかで書いてください' })
    .refine((v) => parsePartialDate(v) !== undefined, {
      error: (iss) => `日付 "${String(iss.input)}" は "YYYY-MM-DD"・"YYYY-MM"・"YYYY" のいずれでもないか、存在しない日付です`,
    }),
);

/** An http(s) URL; other schemes (javascript:, data:, file: …) are refused. */
export const webUrl = z
  .string()
  .refine((v) => /^https?:\/\/[^\s/]+\.[^\s]*$/.test(v) && URL.canParse(v), {
    error: (iss) => `URL "${String(iss.input)}" は http:// か https:// で始まる正しい URL ではありません`,
  });

/** A non-empty string with no leading or trailing space. */
const text = z
  .string()
  .trim()
  .min(1, { error: '空の値です' });

/** Kana reading (hiragana, katakana, the prolonged sound mark, middle dot, spaces, Latin letters and digits). */
const reading = z
  .string()
  .regex(/^[\p{Script=Hiragana}\p{Script=Katakana}ー・ 　A-Za-z0-9&'.\-]+$/u, {
    error: 'よみはひらがな・カタカナで書いてください（読みが公表されていない英字名は英字のまま）',
  });

/** Where a fact was seen: a URL a reader can open, or a named document, with the date it speaks for or was seen. */
export const source = z
  .strictObject({
    title: text.describe('出典の題名（ページ名・文書名）'),
    publisher: text.optional().describe('発行者（省庁・自治体・団体名）'),
    url: webUrl.optional().describe('原典の URL（ミラーやプロキシではなく発行元のもの）'),
    document: text.optional().describe('URL のない文書の名前（例: 配布資料）'),
    asOf: partialDate.optional().describe('出典が示す時点（○年○月○日現在）'),
    published: partialDate.optional().describe('出典の発行日'),
    seen: partialDate.optional().describe('編集者が出典を確認した日'),
    note: text.optional().describe('出典についての補足'),
  })
  .refine((s) => s.url !== undefined || s.document !== undefined, {
    error: '出典には url か document のどちらかが必要です',
  })
  .refine((s) => s.asOf !== undefined || s.published !== undefined || s.seen !== undefined, {
    error: '出典には asOf・published・seen のいずれかの日付が必要です',
  });

/** At least one source. */
export const sources = z.array(source, { error: 'sources（出典）がありません' }).min(1, { error: 'sources（出典）が空です' });

/** Coordinates inside Japan's bounding box (20–46°N, 122–154°E). */
export const coordinates = z.strictObject({
  lat: z.number().min(20, { error: '緯度が日本の範囲（北緯20〜46度）の外です' }).max(46, { error: '緯度が日本の範囲（北緯20〜46度）の外です' }),
  lng: z.number().min(122, { error: '経度が日本の範囲（東経122〜154度）の外です' }).max(154, { error: '経度が日本の範囲（東経122〜154度）の外です' }),
});

/** A figure reported by a source: value, unit, the date it speaks for. */
const figure = z.strictObject({
  label: text.describe('何の数値か（例: 組合員数）'),
  value: z.number().describe('数値'),
  unit: text.describe('単位（例: 人、ヶ所、円）'),
  asOf: partialDate.describe('いつの数値か（年度の実績なら年度の初日でなく表記どおり）'),
  period: text.optional().describe('期間の表記（例: 2015年度）'),
  note: text.optional(),
  source: z.number().int().min(0).optional().describe('この数値の出典（sources の何番目か、0 始まり）'),
});

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

export const ORG_KINDS = ['coop', 'federation', 'network', 'hq', 'site'] as const;

export const ORIGINS = ['new', 'converted-kigyo', 'converted-npo', 'unknown'] as const;

/** Municipality / public-body kinds. */
export const BODY_KINDS = ['国', '都道府県', '市', '特別区', '区', '町', '村'] as const;

/** An organisation: a co-op, a federation, a network, a regional HQ or a site. */
export const coopSchema = (ref: RefFactory) =>
  z.strictObject({
    name: text.describe('正式名称（登記名。確認できない場合は note に書く）'),
    nameVariants: z.array(text).optional().describe('出典により異なる表記・略称'),
    reading: reading.describe('五十音順の並べ替えに使うよみ（法人格の部分を除く）'),
    kind: z.enum(ORG_KINDS).describe('coop=組合、federation=連合会、network=全国・地域の連絡組織、hq=事業本部、site=事業所'),
    legalForm: z.enum(LEGAL_FORMS).optional().describe('法人格（事業所 kind: site では省略可）'),
    parent: ref('coops').optional().describe('上位の組織（事業本部・事業所の場合）'),
    memberOf: z.array(ref('coops')).optional().describe('加盟する連合会・ネットワーク'),
    prefecture: ref('municipalities').optional().describe('主たる事務所の都道府県（コード）'),
    municipality: ref('municipalities').optional().describe('主たる事務所の市区町村（コード）'),
    address: text.optional().describe('所在地（公表されている団体の住所のみ）'),
    postalCode: z.string().regex(/^\d{3}-\d{4}$/, { error: '郵便番号は 123-4567 の形で書いてください' }).optional(),
    location: coordinates.optional().describe('所在地の座標（住所から確認できた場合のみ。ない場合は市区町村の代表点を使う）'),
    categories: z.array(ref('categories')).min(1, { error: 'categories（分野）を一つ以上指定してください' }),
    summary: text.optional().describe('一文の紹介（サイト独自の文）'),
    business: z.array(text).optional().describe('事業の内容（出典に沿った短い項目）'),
    services: z
      .array(
        z.strictObject({
          category: ref('categories'),
          group: text.optional().describe('小見出し（例: 高齢者関連事業）'),
          items: z.array(text).min(1),
        }),
      )
      .optional()
      .describe('事業一覧（分野ごと）'),
    servicesAsOf: partialDate.optional().describe('事業一覧の時点'),
    licences: z.array(text).optional().describe('登録業種・許認可'),
    origin: z.enum(ORIGINS).optional().describe('new=新規設立、converted-kigyo=企業組合から組織変更、converted-npo=NPO法人から組織変更'),
    convertedFrom: text.optional().describe('組織変更前の名称'),
    founded: partialDate.optional().describe('団体としての発足（労協になる前を含む）'),
    established: partialDate.optional().describe('労働者協同組合として設立・組織変更した時期'),
    tokutei: z.boolean().optional().describe('特定労働者協同組合の認定を受けているか（確認できた場合のみ）'),
    area: text.optional().describe('活動・担当地域'),
    figures: z.array(figure).optional(),
    contact: z
      .strictObject({
        website: webUrl.optional(),
        phone: z.string().regex(/^[0-9-]+$/, { error: '電話番号は数字とハイフンで書いてください' }).optional(),
        fax: z.string().regex(/^[0-9-]+$/, { error: 'FAX は数字とハイフンで書いてください' }).optional(),
        asOf: partialDate.optional(),
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
    parent: ref('categories').optional(),
    sources,
  });

/** A public body: the ministry, a prefecture, a city, ward, town or village. The id is its code. */
export const municipalitySchema = (ref: RefFactory) =>
  z.strictObject({
    name: text.describe('名称（例: 桶川市）'),
    reading: reading.describe('よみ（総務省コード表の表記）'),
    kind: z.enum(BODY_KINDS),
    prefecture: ref('municipalities').optional().describe('所属する都道府県（都道府県・国では省略）'),
    parent: ref('municipalities').optional().describe('政令指定都市の区の場合、その市'),
    location: coordinates.optional().describe('代表点'),
    locationSource: text.optional().describe('代表点の出典と性質'),
    website: webUrl.optional(),
    sources,
  });

/** One public body commissioning one organisation for one programme. */
export const contractSchema = (ref: RefFactory) =>
  z.strictObject({
    commissioner: ref('municipalities').describe('委託元（公共団体のコード）'),
    contractor: ref('coops').describe('受託者'),
    programme: text.describe('事業名（例: 生活困窮者自立支援事業）'),
    services: z.array(text).optional().describe('委託内容として出典に並ぶ事業'),
    category: ref('categories'),
    asOf: partialDate.optional().describe('出典が示す時点'),
    from: partialDate.optional().describe('委託の開始'),
    to: partialDate.optional().describe('委託の終了'),
    note: text.optional(),
    sources,
  });

/** A model-project council. */
export const councilSchema = (ref: RefFactory) =>
  z.strictObject({
    name: text,
    reading: reading,
    prefecture: ref('municipalities'),
    summary: text.optional(),
    members: z
      .array(
        z.strictObject({
          name: text.describe('構成団体名（出典の表記）'),
          coop: ref('coops').optional().describe('ディレクトリに載っている団体なら、その id'),
          body: ref('municipalities').optional().describe('公共団体なら、そのコード'),
        }),
      )
      .optional(),
    membersAsOf: partialDate.optional(),
    website: webUrl.optional(),
    sources,
  });

/** Frontmatter of an explainer page (MDX). */
export const guideSchema = () =>
  z.strictObject({
    title: text,
    summary: text,
    updated: partialDate,
    order: z.number().int().default(100),
    sources,
  });

/** The schema of every collection, keyed by name. */
export function schemasFor(ref: RefFactory) {
  return {
    coops: coopSchema(ref),
    categories: categorySchema(ref),
    municipalities: municipalitySchema(ref),
    contracts: contractSchema(ref),
    councils: councilSchema(ref),
    guides: guideSchema(),
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
  return undefined;
}
