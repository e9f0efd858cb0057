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
export const ORG_KIND = vocabulary({
  coop: '組合',
  federation: '連合会',
  network: '支援・連携団体',
  hq: '事業本部',
  site: '事業所',
});
/** How a co-op came to be one. */
export const ORIGIN = vocabulary({
  new: '新規設立',
  'converted-kigyo': '企業組合から組織変更',
  'converted-npo': 'NPO法人から組織変更',
  unknown: '未確認',
});
/** Kinds of model-project activity. */
export const ACTIVITY_KIND = vocabulary({
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
export const ACTIVITY_STATUS = vocabulary({ held: '実施', ongoing: '継続中', planned: '予定（出典の時点）' });
