/** The schema of a public body (content/municipalities/, over the official list). */
import { z } from 'astro/zod';
import type { RefFactory } from './collections.ts';
import { BODY_KINDS } from '../vocabularies.ts';
import { coordinates, publicPhone, reading, sourceIndex, sources, text, webUrl } from './fields.ts';

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
