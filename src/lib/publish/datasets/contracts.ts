/** The contracts download (/data/contracts.csv, .json): one row per contract. */
import { CONTRACT_KIND } from '../../model/vocabularies.ts';
import { SCHEMAS, defineDataset, sourceColumns, sourceJson, nameOf } from './define.ts';
import { fiscalYearOf, formatFiscalYearEra } from '../../model/dates.ts';
import { paths } from '../../model/paths.ts';
import { periodText } from '../../views/contracts.ts';
import type { Contract } from '../../model/types.ts';

export const contracts = defineDataset<Contract>({
  name: 'contracts',
  schema: SCHEMAS.contracts,
  title: '委託（公共団体から団体への事業の委託）',
  description: '掲載しているすべての委託。1行が「1つの公共団体が1つの団体に1つの事業を委託している」ことを表します。',
  items: (l) => l.dir.contracts,
  columns: [
    { key: 'id', header: 'ID', description: '委託の識別子（受託者-事業-委託元コード）', get: (c) => c.id },
    {
      key: 'commissionerCode',
      header: '委託元コード',
      description: '委託元の全国地方公共団体コード（国の機関はmhlwなど）',
      get: (c) => c.commissioner,
    },
    {
      key: 'commissionerName',
      header: '委託元',
      description: '委託元の名称',
      get: (c, l) => nameOf(l.bodies, c.commissioner),
    },
    {
      key: 'commissionerKind',
      header: '委託元の区分',
      description: '国、都道府県、市、特別区、区、町、村',
      get: (c, l) => l.bodies.get(c.commissioner)?.kind,
    },
    {
      key: 'commissionerPrefecture',
      header: '委託元の都道府県',
      description: '委託元が属する都道府県（都道府県自身はその名称）',
      get: (c, l) => {
        const b = l.bodies.get(c.commissioner);
        return b?.kind === '都道府県' ? b.name : nameOf(l.bodies, b?.prefecture);
      },
    },
    {
      key: 'contractorId',
      header: '受託者ID',
      description: '受託している団体のID（coopsのデータを参照）',
      get: (c) => c.contractor,
    },
    {
      key: 'contractorName',
      header: '受託者',
      description: '受託している団体の名称',
      get: (c, l) => nameOf(l.coops, c.contractor),
    },
    {
      key: 'contractorAsNamed',
      header: '出典での受託者の表記',
      get: (c) => c.contractorAsNamed,
    },
    {
      key: 'kind',
      header: '事業の種類ID',
      get: (c) => c.kind,
    },
    {
      key: 'kindName',
      header: '事業の種類',
      description: '事業の種類の名前',
      get: (c) => CONTRACT_KIND.labels[c.kind],
    },
    { key: 'programme', header: '事業', get: (c) => c.programme },
    {
      key: 'form',
      header: '形態',
      description: '委託・指定管理・補助の別（出典に書かれている場合）',
      get: (c) => c.form,
    },
    { key: 'facility', header: '施設', get: (c) => c.facility },
    {
      key: 'services',
      header: '業務の内容',
      list: true,
      get: (c) => c.services,
    },
    { key: 'categoryId', header: '分野ID', description: '分野のID', get: (c) => c.category },
    { key: 'categoryName', header: '分野', description: '分野名', get: (c, l) => nameOf(l.categories, c.category) },
    { key: 'asOf', header: '時点', get: (c) => c.asOf },
    { key: 'from', header: '開始', get: (c) => c.from },
    { key: 'to', header: '終了', get: (c) => c.to },
    {
      key: 'fiscalYearFrom',
      type: 'integer',
      header: '最初の年度',
      description: '年度で書かれた期間の最初の年度（西暦）',
      get: (c) => c.fiscalYears?.from,
    },
    {
      key: 'fiscalYearTo',
      type: 'integer',
      header: '最後の年度',
      description: '年度で書かれた期間の最後の年度（西暦）',
      get: (c) => c.fiscalYears?.to,
    },
    {
      key: 'period',
      header: '期間',
      description: '期間の表記。出典に期間がなければ「期間不明（資料の時点 …）」',
      get: (c) => periodText(c),
    },
    {
      key: 'amount',
      type: 'number',
      header: '金額',
      description: '公表されている金額（数値）',
      get: (c) => c.amount?.value,
    },
    { key: 'amountUnit', header: '金額の単位', description: '金額の単位', get: (c) => c.amount?.unit },
    {
      key: 'amountBasis',
      header: '金額の内容',
      description: '何の金額か（契約金額、指定管理料の年額など）',
      get: (c) => c.amount?.basis,
    },
    { key: 'selection', header: '選定の方法', get: (c) => c.selection },
    { key: 'department', header: '担当部署', get: (c) => c.department },
    {
      key: 'fiscalYear',
      type: 'integer',
      header: '年度',
      description: '時点（ないときは開始）が属する年度（4月始まり、西暦）',
      get: (c) => fiscalYearOf(c.asOf ?? c.from ?? ''),
    },
    {
      key: 'fiscalYearJa',
      header: '年度（和暦）',
      description: '同じ年度の和暦（例: 令和7年度）',
      get: (c) => {
        const fy = fiscalYearOf(c.asOf ?? c.from ?? '');
        return fy === undefined ? undefined : formatFiscalYearEra(fy);
      },
    },
    { key: 'note', header: '注記', get: (c) => c.note },
    {
      key: 'url',
      header: 'ページURL',
      description: '委託元のページ（この委託が載っている固定のURL）',
      get: (c, l) => l.url(paths.body(c.commissioner)),
    },
    ...sourceColumns<Contract>(),
  ],
  json: [sourceJson<Contract>()],
});
