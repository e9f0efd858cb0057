/** The schema of the search's everyday-words table (content/search-synonyms.yaml). */
import { z } from 'astro/zod';
import type { RefFactory } from './collections.ts';
import { partialDate, text } from './fields.ts';

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
