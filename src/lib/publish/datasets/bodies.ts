/** The public bodies and categories downloads: one row per body with facts, one per category. */
import { SCHEMAS, defineDataset, sourceColumns, sourceJson, nameOf } from './define.ts';
import { coopsLocatedIn } from '../../model/directory.ts';
import { paths } from '../../model/paths.ts';
import type { Body, Category } from '../../model/types.ts';

export const municipalities = defineDataset<Body>({
  name: 'municipalities',
  schema: SCHEMAS.municipalities,
  title: '公共団体（国の機関・都道府県・市区町村）',
  description: '掲載しているすべての公共団体。1行が1団体です。',
  items: (l) => l.dir.bodies,
  columns: [
    {
      key: 'code',
      header: '団体コード',
      description: '全国地方公共団体コード（6桁、検査数字つき）。国の機関はmhlw（厚生労働省）など',
      get: (b) => b.id,
    },
    { key: 'name', header: '名称', get: (b) => b.name },
    { key: 'reading', header: 'よみ', description: 'よみ（総務省コード表の表記）', get: (b) => b.reading },
    { key: 'kind', header: '区分', get: (b) => b.kind },
    {
      key: 'prefectureCode',
      header: '都道府県コード',
      description: '属する都道府県のコード',
      get: (b) => b.prefecture,
    },
    {
      key: 'prefectureName',
      header: '都道府県',
      description: '属する都道府県の名称',
      get: (b, l) => nameOf(l.bodies, b.prefecture),
    },
    {
      key: 'parentCode',
      header: '市コード',
      description: '政令指定都市の区の場合、その市のコード',
      get: (b) => b.parent,
    },
    {
      key: 'parentName',
      header: '市',
      description: '政令指定都市の区の場合、その市の名称',
      get: (b, l) => nameOf(l.bodies, b.parent),
    },
    {
      key: 'latitude',
      type: 'number',
      header: '代表点の緯度',
      description: '代表点の緯度',
      get: (b) => b.location?.lat,
    },
    {
      key: 'longitude',
      type: 'number',
      header: '代表点の経度',
      description: '代表点の経度',
      get: (b) => b.location?.lng,
    },
    { key: 'locationSource', header: '代表点の出典', description: '代表点の出典と性質', get: (b) => b.locationSource },
    { key: 'website', header: 'ウェブサイト', get: (b) => b.website },
    {
      key: 'coopCount',
      type: 'integer',
      header: '所在団体数',
      description: 'この公共団体に所在する団体のうち掲載している数（都道府県はその全域、市はその区を含む）',
      get: (b, l) => coopsLocatedIn(l, b).length,
    },
    {
      key: 'contractCount',
      type: 'integer',
      header: '委託件数',
      description: 'この公共団体が委託している事業のうち掲載している件数',
      get: (b, l) => l.contractsByCommissioner.get(b.id)?.length ?? 0,
    },
    {
      key: 'url',
      header: 'ページURL',
      description: '労協アトラスの公共団体ページ',
      get: (b, l) => l.url(paths.body(b.id)),
    },
    {
      key: 'contractsCsvUrl',
      header: '委託一覧CSV',
      description: 'この公共団体の委託だけを収めたCSV（委託を掲載している団体のみ）',
      get: (b, l) => (l.contractsByCommissioner.has(b.id) ? l.url(paths.bodyContractsCsv(b.id)) : undefined),
    },
    ...sourceColumns<Body>(),
  ],
  json: [sourceJson<Body>()],
});

export const categories = defineDataset<Category>({
  name: 'categories',
  schema: SCHEMAS.categories,
  title: '分野',
  description: '団体と委託の分類に使う分野。1行が1分野です。',
  items: (l) => l.dir.categories,
  columns: [
    { key: 'id', header: 'ID', description: '分野の識別子', get: (c) => c.id },
    { key: 'name', header: '名称', description: '分野名', get: (c) => c.name },
    { key: 'nameEn', header: '英語名', description: '英語名', get: (c) => c.nameEn },
    { key: 'reading', header: 'よみ', description: 'よみ', get: (c) => c.reading },
    { key: 'order', type: 'integer', header: '並び順', description: '一覧での並び順', get: (c) => c.order },
    { key: 'parentId', header: '上位分野ID', description: '上位の分野のID', get: (c) => c.parent },
    { key: 'description', header: '説明', get: (c) => c.description },
    {
      key: 'coopCount',
      type: 'integer',
      header: '団体数',
      description: 'この分野の団体のうち掲載している数',
      get: (c, l) => l.dir.coops.filter((o) => o.categories.includes(c.id)).length,
    },
    {
      key: 'url',
      header: 'ページURL',
      description: '労協アトラスの分野ページ',
      get: (c, l) => l.url(paths.category(c.id)),
    },
    ...sourceColumns<Category>(),
  ],
  json: [sourceJson<Category>()],
});
