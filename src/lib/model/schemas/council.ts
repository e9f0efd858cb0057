/** The schema of a model-project council (content/councils/) and its activities. */
import { z } from 'astro/zod';
import type { RefFactory } from './collections.ts';
import { ACTIVITY_KIND, ACTIVITY_STATUS, MEMBER_KINDS } from '../vocabularies.ts';
import {
  partialDate,
  pastDate,
  publicEmail,
  publicPhone,
  reading,
  sourceIndex,
  sourcedFigure,
  sourcedText,
  sources,
  text,
  webUrl,
} from './fields.ts';

/** One activity of a council: a forum, a workshop, a consultation window's work, a course … */
const activity = (ref: RefFactory) =>
  z.strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'id は英小文字・数字・ハイフンで付けてください' })
      .describe('協議会の中で一意の id（ページ内リンクとテストに使う）'),
    title: text.describe('活動の名前'),
    kind: z.enum(ACTIVITY_KIND.values).describe(`活動の種類: ${ACTIVITY_KIND.describe}`),
    status: z.enum(ACTIVITY_STATUS.values).default('held').describe(`状況（出典の時点）: ${ACTIVITY_STATUS.describe}`),
    fiscalYear: z
      .number()
      .int()
      .min(2020)
      .max(2035)
      .optional()
      .describe('出典がこの活動を載せている年度（西暦、4月始まり）'),
    date: partialDate.optional().describe('1日で終わる催しの日付（未来の日付は status: planned のときだけ）'),
    from: pastDate.optional().describe('期間のある活動の開始'),
    to: partialDate.optional().describe('期間のある活動の終了（予定を含む）'),
    organiser: text.optional().describe('主催が協議会でない場合の主催者（団体名）'),
    region: text.optional().describe('地域（例: 県央）'),
    place: text.optional().describe('会場（公共施設名など）'),
    audience: text.optional().describe('対象'),
    summary: text.optional().describe('内容（サイト独自の文）'),
    lists: z
      .array(
        z.strictObject({
          label: text.describe('見出し（例: 参加者の意見）'),
          items: z.array(text).min(1).describe('項目'),
        }),
      )
      .optional()
      .describe('内容の箇条書き（プログラム、参加者の声、学生のアイデアなど）'),
    attendance: z
      .strictObject({
        participants: z.number().int().min(0).max(1_000_000).optional().describe('参加者数（実施済みの場合）'),
        capacity: z.number().int().min(1).max(1_000_000).optional().describe('定員'),
        unit: text.default('人').describe('単位'),
      })
      .optional()
      .describe('参加者数と定員'),
    bodies: z.array(ref('municipalities')).optional().describe('関わった公共団体（訪問先など）のコード'),
    coops: z.array(ref('coops')).optional().describe('関わった組合・団体の id'),
    figures: z.array(sourcedFigure).optional().describe('報告された数値'),
    note: text.optional().describe('読者への注記（未公表の事項など）'),
    source: sourceIndex,
  });

/** A model-project council: members, aims, plans, windows, activities with dates and figures, problems, plans after the project. */
export const councilSchema = (ref: RefFactory) =>
  z.strictObject({
    name: text.describe('協議会の名称'),
    reading: reading.describe('よみ'),
    shortName: text.optional().describe('一覧や図で使う短い名前（例: 神奈川）'),
    prefecture: ref('municipalities').describe('都道府県のコード'),
    programme: ref('programmes').optional().describe('実施している国の事業（programmes の id）'),
    summary: text.optional().describe('一文の紹介（サイト独自の文）'),
    established: pastDate.optional().describe('協議会の発足日'),
    establishedSource: sourceIndex.optional().describe('発足日の出典'),
    period: z
      .strictObject({ from: pastDate.describe('開始'), to: partialDate.describe('終了（予定）'), source: sourceIndex })
      .optional()
      .describe('この協議会の事業期間'),
    secretariat: z
      .strictObject({
        name: text.describe('事務局の団体・部署名'),
        coop: ref('coops').optional().describe('事務局がディレクトリにある団体なら、その id'),
        body: ref('municipalities').optional().describe('事務局が公共団体なら、そのコード'),
        source: sourceIndex,
      })
      .optional()
      .describe('事務局'),
    members: z
      .array(
        z.strictObject({
          name: text.describe('構成団体名（出典の表記）'),
          kind: z.enum(MEMBER_KINDS).optional().describe('団体の種類'),
          coop: ref('coops').optional().describe('ディレクトリに載っている団体なら、その id'),
          body: ref('municipalities').optional().describe('公共団体なら、そのコード'),
          note: text.optional().describe('注記（例: 構成員であることは別の出典による）'),
          source: sourceIndex.optional().describe('この団体が構成員だという出典（省略時は membersSource）'),
        }),
      )
      .optional()
      .describe('構成団体'),
    membersAsOf: pastDate.optional().describe('構成団体の一覧の時点'),
    membersSource: sourceIndex.optional().describe('構成団体の一覧の出典'),
    membersComplete: z.boolean().optional().describe('一覧が出典の全構成員か（false なら一部のみ）'),
    website: webUrl.optional().describe('協議会または事業の公式ページ'),
    reasons: z.array(sourcedText).optional().describe('モデル事業に取り組んだ理由'),
    aims: z.array(sourcedText).optional().describe('目的・目指す地域の姿'),
    plans: z
      .array(
        z.strictObject({
          fiscalYear: z.number().int().min(2020).max(2035).describe('年度（西暦、4月始まり）'),
          stage: text.optional().describe('段階の名前（例: ホップ）'),
          theme: text.describe('その年度の目標'),
          items: z.array(text).optional().describe('計画した取り組み'),
          source: sourceIndex,
        }),
      )
      .optional()
      .describe('年度ごとの計画'),
    windows: z
      .array(
        z.strictObject({
          name: text.describe('窓口の名前'),
          operator: text.describe('窓口を受け持つ団体・部署（個人名は書かない）'),
          operatorCoop: ref('coops').optional().describe('受け持つ団体がディレクトリにあれば、その id'),
          operatorBody: ref('municipalities').optional().describe('受け持つのが公共団体なら、そのコード'),
          phone: publicPhone.optional().describe('団体の公開電話番号'),
          email: publicEmail.optional().describe('団体の公開メールアドレス'),
          hours: text.optional().describe('受付時間'),
          from: pastDate.optional().describe('開設'),
          fee: text.optional().describe('費用（例: 無料）'),
          howTo: z.array(text).optional().describe('相談の流れ'),
          note: text.optional().describe('窓口についての注記'),
          source: sourceIndex,
        }),
      )
      .optional()
      .describe('相談窓口（団体の公開連絡先のみ）'),
    activities: z.array(activity(ref)).optional().describe('活動（日付・報告された数値つき）'),
    kindNotes: z
      .array(
        z.strictObject({
          kind: z.enum(ACTIVITY_KIND.values).describe('補足する活動の種類'),
          text: text.describe('補足（サイト独自の文）'),
          source: sourceIndex,
        }),
      )
      .optional()
      .describe('活動の種類ごとの補足（例: ワークショップを4地域で開くことにした理由）'),
    prefectureCoops: z
      .strictObject({
        asOf: pastDate.describe('一覧の時点'),
        items: z
          .array(
            z.strictObject({
              name: text.describe('組合の名前（出典の表記）'),
              coop: ref('coops').optional().describe('ディレクトリにあれば、その id'),
              place: text.optional().describe('所在市町村（出典の表記）'),
              business: text.optional().describe('事業（出典の表記）'),
            }),
          )
          .min(1)
          .describe('資料に載る組合'),
        source: sourceIndex,
      })
      .optional()
      .describe('協議会の資料に載る県内の労働者協同組合'),
    problems: z
      .array(
        z.strictObject({
          context: text.optional().describe('どの活動の中で出た課題か'),
          problem: text.describe('課題（サイト独自の文）'),
          responses: z.array(text).optional().describe('解決に向けた取り組み'),
          source: sourceIndex,
        }),
      )
      .optional()
      .describe('協議会が挙げた課題と、その解決に向けた取り組み'),
    after: z.array(sourcedText).optional().describe('モデル事業の後に向けた計画'),
    figures: z.array(sourcedFigure).optional().describe('協議会全体についての数値（事業費など）'),
    unpublished: z.array(text).optional().describe('調べたが公表を確認できなかった事項'),
    unpublishedAsOf: pastDate.optional().describe('unpublished を確かめた日'),
    sources,
  });
