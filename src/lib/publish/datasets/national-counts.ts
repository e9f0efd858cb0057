/** The national counts download (/data/national-counts.csv, .json): the ministry's series and other counts. */
import { SCHEMAS, defineDataset, sourceColumns, sourceJson } from './define.ts';
import { paths } from '../../model/paths.ts';
import type { NationalCount } from '../../model/types.ts';

export const nationalCounts = defineDataset<NationalCount>({
  schema: SCHEMAS.nationalCounts,
  name: 'national-counts',
  title: '全国の労働者協同組合の数（時系列）',
  description:
    '全国で設立された労働者協同組合の数。1行が1つの時点です。厚生労働省の公表値（official=true）と、報道・自治体などによる二次的な数（false）を区別しています。',
  items: (l) => l.dir.nationalCounts ?? [],
  columns: [
    { key: 'asOf', header: '時点', get: (n) => n.asOf },
    {
      key: 'corporations',
      type: 'integer',
      header: '法人数',
      description: '設立された労働者協同組合の法人数',
      get: (n) => n.corporations,
    },
    {
      key: 'prefectures',
      type: 'integer',
      header: '都道府県数',
      description: '法人のある都道府県の数',
      get: (n) => n.prefectures,
    },
    {
      key: 'prefecturesText',
      header: '都道府県の表記',
      description: '出典の都道府県の表記（例: 1都1道1府15県）',
      get: (n) => n.prefecturesText,
    },
    {
      key: 'newlyEstablished',
      type: 'integer',
      header: '新規設立',
      description: '新規設立の法人数',
      get: (n) => n.newlyEstablished,
    },
    {
      key: 'converted',
      type: 'integer',
      header: '組織変更',
      description: '企業組合・NPO法人から組織変更した法人数',
      get: (n) => n.converted,
    },
    {
      key: 'convertedFromKigyo',
      type: 'integer',
      header: 'うち企業組合から',
      get: (n) => n.convertedFromKigyo,
    },
    {
      key: 'convertedFromNpo',
      type: 'integer',
      header: 'うちNPO法人から',
      get: (n) => n.convertedFromNpo,
    },
    {
      key: 'tokutei',
      type: 'integer',
      header: '特定労働者協同組合',
      description: '特定労働者協同組合の認定を受けた法人数',
      get: (n) => n.tokutei,
    },
    {
      key: 'official',
      type: 'boolean',
      header: '厚生労働省の公表値',
      get: (n) => n.official,
    },
    { key: 'note', header: '注記', get: (n) => n.note },
    { key: 'url', header: 'ページURL', description: '労協アトラスの統計ページ', get: (_n, l) => l.url(paths.stats()) },
    ...sourceColumns<NationalCount>(),
  ],
  json: [sourceJson<NationalCount>()],
});
