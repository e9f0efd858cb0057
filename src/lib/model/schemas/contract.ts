/** The schema of a contract (content/contracts/): one public body commissioning one organisation. */
import { z } from 'astro/zod';
import type { RefFactory } from './collections.ts';
import { CONTRACT_FORMS, CONTRACT_KIND } from '../vocabularies.ts';
import { partialDate, pastDate, sources, text } from './fields.ts';

/** One public body commissioning one organisation for one programme (or one designation for a facility). */
export const contractSchema = (ref: RefFactory) =>
  z.strictObject({
    commissioner: ref('municipalities').describe('委託元（公共団体のコード）'),
    contractor: ref('coops').describe('受託者（出典が名指す法人。事業本部を名指していれば事業本部）'),
    contractorAsNamed: text
      .optional()
      .describe('出典での受託者の表記が今の名称と違う場合、その表記（例: 組織変更前の名称）'),
    kind: z.enum(CONTRACT_KIND.values).describe(`事業の種類（絞り込みと分類に使う）: ${CONTRACT_KIND.describe}`),
    programme: text.describe('事業名（出典の表記。例: 生活困窮者自立支援事業）'),
    form: z.enum(CONTRACT_FORMS).optional().describe('委託・指定管理・補助の別（出典に書かれている場合）'),
    facility: text.optional().describe('指定管理などの対象施設（出典の表記）'),
    services: z.array(text).optional().describe('委託内容として出典に並ぶ事業'),
    category: ref('categories').describe('分野'),
    asOf: pastDate
      .optional()
      .describe('出典が示す時点（期間の書かれていない資料では、この時点で委託があったことだけが分かる）'),
    from: pastDate.optional().describe('委託・指定の期間の開始（出典に書かれている場合のみ）'),
    to: partialDate.optional().describe('委託・指定の期間の終了（予定を含む。出典に書かれている場合のみ）'),
    fiscalYears: z
      .strictObject({
        from: z.number().int().min(1990).max(2100).describe('最初の年度（西暦、4月始まり）'),
        to: z.number().int().min(1990).max(2100).describe('最後の年度（西暦、4月始まり）'),
      })
      .optional()
      .describe('日付でなく年度で書かれた期間'),
    amount: z
      .strictObject({
        value: z.number().min(0).describe('金額'),
        unit: text.default('円').describe('単位'),
        basis: text.describe('何の金額か（例: 契約金額、指定管理料の年額）'),
      })
      .optional()
      .describe('公表されている金額（出典に書かれている場合のみ）'),
    selection: text.optional().describe('選定の方法（例: 公募、公募型プロポーザル、非公募）'),
    department: text.optional().describe('委託元の担当部署（出典に書かれている場合）'),
    note: text.optional().describe('読者への注記（出典の読み方など）'),
    sources: sources.describe('出典（委託元自身のページを優先）'),
  });
