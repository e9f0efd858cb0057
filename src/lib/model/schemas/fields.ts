/**
 * Field schemas shared by every collection: references, dates, URLs, text,
 * readings, sources, coordinates, figures, counts and the 法人番号. Each
 * collection's schema (one file each beside this one) is made of these.
 */
import { z } from 'astro/zod';
import { normaliseDateValue, parsePartialDate } from '../dates.ts';
import { corporateNumberProblem } from '../corporate-number.ts';
import { copyHostOf, webUrlProblem } from '../urls.ts';
import type { CollectionName, RefFactory } from './collections.ts';

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

/** The forms a date may take, as a regular expression (JSON Schema `pattern`, the CMS's field check). */
export const DATE_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$';

/** A date that may lie in the future (an end, a planned event). */
export const partialDate = dateSchema();

/** A date that must not lie in the future (when something happened, was published or seen). */
export const pastDate = dateSchema().register(fieldRules, { past: true });

/** Longest URL accepted (browsers and servers commonly cap near 2,000 characters). */
export const MAX_URL_LENGTH = 2000;

/** The shape webUrl's refinement requires first, as a regular expression (it also refuses IP addresses and private names). */
export const WEB_URL_PATTERN = '^https?://[^\\s/]+\\.\\S*$';

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
export const text = z
  .string()
  .trim()
  .min(1, { error: '空の値です' })
  .max(MAX_TEXT_LENGTH, { error: `長すぎます（${MAX_TEXT_LENGTH}文字まで）` });

/** Kana reading (hiragana, katakana, the prolonged sound mark, middle dot, spaces, Latin letters and digits). */
export const reading = z.string().regex(/^[\p{Script=Hiragana}\p{Script=Katakana}ー・ \u3000A-Za-z0-9&'.-]+$/u, {
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
export const figureFields = z.strictObject({
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
export function withinLimit<T extends z.ZodType<{ value: number; unit: string }>>(schema: T) {
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

export const figure = withinLimit(figureFields);

/** 法人番号: 13 digits whose first digit is the check digit (src/lib/model/corporate-number.ts). A YAML number is refused: write it quoted. */
export const corporateNumber = z
  .string({ error: '法人番号は13桁の数字を引用符で囲んで書いてください（例: "7000012050002"）' })
  .superRefine((v, ctx) => {
    const problem = corporateNumberProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** An index into the entry's own `sources` (0-based); the data check makes sure it exists. */
export const sourceIndex = z.number().int().min(0).describe('出典（この項目が載っている sources の番号、0 始まり）');

/** A statement in our own words, with the source it comes from. */
export const sourcedText = z.strictObject({
  text: text.describe('出典の内容をサイト独自の文で書いたもの'),
  source: sourceIndex,
});

/** A figure whose source must be named (model-project pages show every figure with its source). */
export const sourcedFigure = withinLimit(figureFields.extend({ source: sourceIndex }));

/** Organisation-only public contact details (never a person's). */
export const publicPhone = z.string().regex(/^[0-9-]+$/, { error: '電話番号は数字とハイフンで書いてください' });
export const publicEmail = z
  .string()
  .regex(/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i, { error: 'メールアドレスの形ではありません' });

/** Most organisations a count may hold: far above Japan's total of all co-operatives of every kind. */
export const MAX_COUNT = 100_000;

/** A whole number of organisations (0 or more). */
export const count = z
  .number()
  .int({ error: '数は整数で書いてください' })
  .min(0, { error: '数は0以上で書いてください' })
  .max(MAX_COUNT, { error: `数が大きすぎます（${MAX_COUNT.toLocaleString('ja-JP')} まで。桁を確認してください）` });
