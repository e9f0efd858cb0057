/** The schema of a national programme (content/programmes/): the model project. */
import { z } from 'astro/zod';
import type { RefFactory } from './collections.ts';
import { ACTIVITY_STATUS } from '../vocabularies.ts';
import { partialDate, pastDate, reading, sourceIndex, sourcedText, sources, text, webUrl } from './fields.ts';

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
          status: z
            .enum(ACTIVITY_STATUS.values)
            .default('held')
            .describe(`状況（出典の時点）: ${ACTIVITY_STATUS.describe}`),
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
