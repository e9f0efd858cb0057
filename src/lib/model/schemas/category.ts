/** The schema of a service category (content/categories/). */
import { z } from 'astro/zod';
import type { RefFactory } from './collections.ts';
import { reading, sources, text } from './fields.ts';

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
