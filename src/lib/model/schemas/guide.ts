/** The frontmatter schema of an explainer page (content/guides/). */
import { z } from 'astro/zod';
import { pastDate, sources, text } from './fields.ts';

/** Frontmatter of an explainer page (MDX). */
export const guideSchema = () =>
  z.strictObject({
    title: text.describe('解説の題名'),
    summary: text.describe('一、二文の要約（一覧と検索に使う）'),
    updated: pastDate.describe('本文を最後に更新した日'),
    order: z.number().int().default(100).describe('一覧での並び順（小さいほど先）'),
    sources,
  });
