/** The schema of a national count of worker co-operatives (content/national-counts/). */
import { z } from 'astro/zod';
import { count, pastDate, sources, text } from './fields.ts';

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
