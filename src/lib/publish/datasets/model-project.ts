/** The model-project figures download: every number a council reported, one row each. */
import { ACTIVITY_KIND, ACTIVITY_STATUS } from '../../model/vocabularies.ts';
import { activityFiscalYear, sortActivities } from '../../views/model-project.ts';
import { defineDataset, sourceColumns, sourceJson, nameOf } from './define.ts';
import { paths } from '../../model/paths.ts';
import type { Activity, Council, Directory, Source } from '../../model/types.ts';

/** One number a model-project council reported: a figure of the council or of an activity, or an activity's participants or capacity. */
export interface ModelProjectFigure {
  id: string;
  council: Council;
  activity?: Activity | undefined;
  measure: 'figure' | 'participants' | 'capacity';
  label: string;
  value: number;
  unit: string;
  asOf?: string | undefined;
  period?: string | undefined;
  note?: string | undefined;
  source: Source;
  sources: Source[];
}

/** Every number the model-project councils reported, council by council, activities in date order; ids are '<council>:<activity or "council">:<n>'. */
export function modelProjectFigures(dir: Pick<Directory, 'councils'>): ModelProjectFigure[] {
  return dir.councils.flatMap((council) => {
    const rows: Array<Omit<ModelProjectFigure, 'id' | 'council' | 'sources' | 'source'> & { sourceIndex: number }> = [];
    for (const f of council.figures ?? [])
      rows.push({
        measure: 'figure',
        label: f.label,
        value: f.value,
        unit: f.unit,
        asOf: f.asOf,
        period: f.period,
        note: f.note,
        sourceIndex: f.source,
      });
    for (const a of sortActivities(council.activities ?? [])) {
      if (a.attendance?.participants !== undefined)
        rows.push({
          activity: a,
          measure: 'participants',
          label: '参加者数',
          value: a.attendance.participants,
          unit: a.attendance.unit,
          asOf: a.date ?? a.to ?? a.from,
          sourceIndex: a.source,
        });
      if (a.attendance?.capacity !== undefined)
        rows.push({
          activity: a,
          measure: 'capacity',
          label: '定員',
          value: a.attendance.capacity,
          unit: a.attendance.unit,
          asOf: a.date ?? a.to ?? a.from,
          sourceIndex: a.source,
        });
      for (const f of a.figures ?? [])
        rows.push({
          activity: a,
          measure: 'figure',
          label: f.label,
          value: f.value,
          unit: f.unit,
          asOf: f.asOf,
          period: f.period,
          note: f.note,
          sourceIndex: f.source,
        });
    }
    const seen = new Map<string, number>();
    return rows.map(({ sourceIndex, ...r }) => {
      const scope = r.activity?.id ?? 'council';
      const n = (seen.get(scope) ?? 0) + 1;
      seen.set(scope, n);
      const src = council.sources[sourceIndex];
      if (!src)
        throw new Error(
          `content/councils/${council.id}: ${scope} の数値「${r.label}」の source ${sourceIndex} が sources にありません`,
        );
      return { ...r, id: `${council.id}:${scope}:${n}`, council, source: src, sources: [src] };
    });
  });
}

export const modelProjectFiguresDataset = defineDataset<ModelProjectFigure>({
  name: 'model-project-figures',
  title: 'モデル事業の数値（参加者数・定員・相談件数など）',
  description:
    '労働者協同組合活用促進モデル事業の協議会が報告した数値。1行が1つの数値です（縦長の形式）。ワークショップなどの参加者数と定員、相談窓口の相談件数、協議会全体の数値を含みます。',
  items: (l) => modelProjectFigures(l.dir),
  columns: [
    { key: 'id', header: 'ID', description: '行の識別子（協議会ID:活動ID:番号）', get: (r) => r.id },
    { key: 'councilId', header: '協議会ID', description: '協議会のID', get: (r) => r.council.id },
    { key: 'councilName', header: '協議会', description: '協議会の名称', get: (r) => r.council.name },
    {
      key: 'prefectureCode',
      header: '都道府県コード',
      description: '協議会の都道府県のコード',
      get: (r) => r.council.prefecture,
    },
    {
      key: 'prefectureName',
      header: '都道府県',
      description: '協議会の都道府県',
      get: (r, l) => nameOf(l.bodies, r.council.prefecture),
    },
    {
      key: 'activityId',
      header: '活動ID',
      description: '数値が属する活動のID（協議会全体の数値は空欄）',
      get: (r) => r.activity?.id,
    },
    { key: 'activityTitle', header: '活動', description: '活動の名前', get: (r) => r.activity?.title },
    {
      key: 'activityKind',
      header: '活動の種類コード',
      description: 'workshop、consultation など',
      get: (r) => r.activity?.kind,
    },
    {
      key: 'activityKindLabel',
      header: '活動の種類',
      description: '活動の種類の日本語名',
      get: (r) => (r.activity ? ACTIVITY_KIND.labels[r.activity.kind] : undefined),
    },
    {
      key: 'activityStatus',
      header: '実施状況',
      description: '出典の時点の状況',
      get: (r) => (r.activity ? ACTIVITY_STATUS.labels[r.activity.status] : undefined),
    },
    {
      key: 'activityDate',
      header: '活動の日付',
      description: '催しの日、または活動の開始',
      get: (r) => r.activity?.date ?? r.activity?.from,
    },
    {
      key: 'fiscalYear',
      type: 'integer',
      header: '年度',
      description: '活動の年度（4月始まり）',
      get: (r) => (r.activity ? activityFiscalYear(r.activity) : undefined),
    },
    { key: 'region', header: '地域', description: '活動の地域（例: 県央）', get: (r) => r.activity?.region },
    {
      key: 'measure',
      header: '数値の種類',
      description: 'participants（参加者数）、capacity（定員）、figure（そのほか）',
      get: (r) => r.measure,
    },
    { key: 'label', header: '項目', description: '何の数値か（例: 相談件数）', get: (r) => r.label },
    { key: 'value', type: 'number', header: '値', description: '数値', get: (r) => r.value },
    { key: 'unit', header: '単位', description: '単位（資料の表記のまま）', get: (r) => r.unit },
    { key: 'asOf', header: '時点', description: '数値の時点', get: (r) => r.asOf },
    { key: 'period', header: '期間', description: '数値が対象とする期間の表記', get: (r) => r.period },
    { key: 'note', header: '注記', description: '読み方の注記', get: (r) => r.note },
    {
      key: 'url',
      header: 'ページURL',
      description: '協議会のページ（活動の位置）',
      get: (r, l) => l.url(`${paths.council(r.council.id)}${r.activity ? `#activity-${r.activity.id}` : ''}`),
    },
    ...sourceColumns<ModelProjectFigure>(),
  ],
  json: [sourceJson<ModelProjectFigure>()],
});

/** Every dataset, in the order the /data/ page lists them. */
