/**
 * The site's vocabularies: each one object of values (stable ASCII, written
 * in content/) and their Japanese labels. The schemas build their enums and
 * descriptions from these, and pages and downloads show the labels. Plain
 * data with no dependencies, so browser code may import it too.
 */

/**
 * A vocabulary: its values (the keys, stable ASCII written in content/) and
 * their Japanese labels, defined once. The enum, the schema's description,
 * pages and downloads all read from it.
 */
export function vocabulary<const L extends Record<string, string>>(labels: L) {
  const values = Object.keys(labels) as [keyof L & string, ...Array<keyof L & string>];
  return { values, labels, describe: values.map((v) => `${v}=${labels[v]}`).join('、') };
}

/** Kinds of organisation. */
export const ORG_KIND = /* @__PURE__ */ vocabulary({
  coop: '組合',
  federation: '連合会',
  network: '支援・連携団体',
  hq: '事業本部',
  site: '事業所',
});
/** How a co-op came to be one. */
export const ORIGIN = /* @__PURE__ */ vocabulary({
  new: '新規設立',
  'converted-kigyo': '企業組合から組織変更',
  'converted-npo': 'NPO法人から組織変更',
  unknown: '未確認',
});
/** Kinds of model-project activity. */
export const ACTIVITY_KIND = /* @__PURE__ */ vocabulary({
  forum: 'フォーラム',
  symposium: 'シンポジウム',
  seminar: 'セミナー',
  workshop: 'ワークショップ',
  consultation: '相談窓口',
  matching: 'マッチング支援',
  course: '大学の講座',
  outreach: '働きかけ・周知',
  meeting: '会合',
  publicity: '広報',
  visit: '見学',
  other: 'その他',
});
/** Whether an activity had taken place when its source was written. */
export const ACTIVITY_STATUS = /* @__PURE__ */ vocabulary({
  held: '実施',
  ongoing: '継続中',
  planned: '予定（出典の時点）',
});
/** 法人格: the legal forms an organisation may have. */
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

/** 登記記録の閉鎖等の事由 (the corporate-number site's codes), with their labels. */
export const CLOSE_CAUSE = /* @__PURE__ */ vocabulary({
  '01': '清算の結了等',
  '11': '合併による解散等',
  '21': '登記官による閉鎖',
  '31': 'その他の清算の結了等',
});

/** Municipality / public-body kinds. */
export const BODY_KINDS = ['国', '都道府県', '市', '特別区', '区', '町', '村'] as const;

/** Kinds of commissioned programme, for filters and grouping (URL slugs of /contracts/programme/<kind>/). */
export const CONTRACT_KIND = /* @__PURE__ */ vocabulary({
  konkyu: '生活困窮者自立支援',
  hogo: '生活保護受給者の就労支援',
  wakamono: '若者・障がい者の就労支援',
  jidokan: '児童館・子育て支援施設',
  gakudo: '学童保育',
  shisetsu: '地区センター・公園などの施設',
  other: 'その他',
});

/** How a public body engages the organisation. */
export const CONTRACT_FORMS = ['委託', '指定管理', '補助'] as const;

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

/**
 * Kinds of page (Base.astro's `kind`), each with the label of the search's kind filter: what the page is
 * about, or サイト案内 for pages about the site itself. og:type, the kind meta tag and indexing follow from it.
 */
export const PAGE_KIND = /* @__PURE__ */ vocabulary({
  home: 'サイト案内',
  about: 'サイト案内',
  coop: '組合',
  category: '分野',
  body: '自治体',
  'model-project': 'モデル事業',
  council: 'モデル事業',
  guide: '解説',
  list: '一覧',
  data: 'オープンデータ',
  stats: 'サイト案内',
  map: 'サイト案内',
  search: 'サイト案内',
  en: 'サイト案内',
  '404': 'サイト案内',
});
/** A kind of page. */
export type PageKind = (typeof PAGE_KIND.values)[number];
