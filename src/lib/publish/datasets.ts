/**
 * The open-data downloads: one definition per dataset (co-ops, contracts,
 * public bodies, categories) gives the CSV columns, the JSON fields and the
 * documentation on /data/, so the three never drift apart. Pure functions
 * over the plain directory; the routes in src/pages/data/ only serialise.
 */
import type {
  Activity,
  Body,
  Category,
  Contract,
  Coop,
  Council,
  Directory,
  NationalCount,
  Source,
} from '../model/types.ts';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_STATUS_LABELS,
  activityFiscalYear,
  sortActivities,
} from '../views/model-project.ts';
import {
  KIND_LABELS,
  ORIGIN_LABELS,
  buildIndex,
  coopsLocatedIn,
  lastChecked,
  placeOf,
  prefectureOf,
  type DirectoryIndex,
} from '../model/directory.ts';
import { ORG_KIND, ORIGIN } from '../model/vocabularies.ts';
import type { z } from 'astro/zod';
import { idRef, schemasFor } from '../model/schemas/index.ts';
import { fieldDescriptions } from '../model/schema-fields.ts';
import { earliestDay, fiscalYearOf, formatFiscalYearEra } from '../model/dates.ts';
import { paths } from '../model/paths.ts';
import { CONTRACT_KIND_LABELS, periodText } from '../views/contracts.ts';
import { joinMulti, joinUrls, toCsv, type CsvValue } from './csv.ts';
import { corporateNumberUrl } from '../model/corporate-number.ts';
import { registryCredit } from '../registry/credit.ts';

/** The entity schemas, for the descriptions of columns that copy a field. */
const SCHEMAS = schemasFor(idRef);

/** Version of the export format; raised when a column or field changes meaning or is removed. */
export const EXPORT_VERSION = 1;

/** The licence of the compilation (each row credits its original sources). */
export const LICENSE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.ja' } as const;

/** Who to credit. */
export const ATTRIBUTION = '労協アトラス';

/** Everything a row builder needs: the directory, lookups by id, and how to write a page's URL. */
export interface Lookup {
  dir: Directory;
  coops: Map<string, Coop>;
  bodies: Map<string, Body>;
  categories: Map<string, Category>;
  /** Co-ops located in each public body (coopsIn), computed once. */
  coopsByBody: DirectoryIndex['coopsByBody'];
  contractsByContractor: DirectoryIndex['contractsByContractor'];
  contractsByCommissioner: DirectoryIndex['contractsByCommissioner'];
  /** A site path ('coops/x/') as the URL written into the data: absolute when SITE_URL is set. */
  url: (path: string) => string;
}

/** Builds the lookups once per build. */
export function makeLookup(dir: Directory, url: (path: string) => string = (p) => `/${p}`): Lookup {
  const index = buildIndex(dir);
  const { coops, bodies, categories, coopsByBody, contractsByContractor, contractsByCommissioner } = index;
  return { dir, coops, bodies, categories, coopsByBody, contractsByContractor, contractsByCommissioner, url };
}

/** A source as one line of text for a CSV cell: title（publisher）［資料: document］URL dates ［写し。原典: …］. */
export function sourceText(s: Source): string {
  const dates = [s.asOf && `${s.asOf}現在`, s.published && `${s.published}発行`, s.seen && `${s.seen}確認`]
    .filter(Boolean)
    .join('、');
  const copy =
    s.copyOf &&
    `［写し。原典: ${[s.copyOf.publisher, s.copyOf.title, s.copyOf.published && `${s.copyOf.published}発行`, s.copyOf.url].filter(Boolean).join(' ')}］`;
  return [
    s.title,
    s.publisher && `（${s.publisher}）`,
    s.document && `［資料: ${s.document}］`,
    s.url && ` ${s.url}`,
    dates && ` ${dates}`,
    copy && ` ${copy}`,
  ]
    .filter(Boolean)
    .join('');
}

/** The newest date among sources (and extra dates), as 'YYYY-MM-DD'; a year or month counts as its first day, so it is never in the future. */
export function newestDay(sources: readonly Source[], extra: readonly string[] = []): string | undefined {
  const newest = lastChecked(sources, extra);
  return newest === undefined ? undefined : earliestDay(newest);
}

/** The newest source day of each directory, computed once (a directory is read once per build). */
const newestCache = new WeakMap<Directory, string | undefined>();

/** The newest source date in the whole directory, every collection included (a guide's `updated` and a national count's `asOf` count too). */
export function newestSourceDay(dir: Directory): string | undefined {
  // Every API document and every page without sources of its own asks: walk the directory once per build.
  if (newestCache.has(dir)) return newestCache.get(dir);
  // `?? []`: a directory loaded by older helpers may lack the newer collections.
  const all: Array<{ sources: Source[] }> = [
    ...dir.coops,
    ...dir.categories,
    ...dir.bodies,
    ...dir.contracts,
    ...dir.councils,
    ...(dir.programmes ?? []),
    ...dir.guides,
    ...(dir.nationalCounts ?? []),
  ];
  const day = newestDay(
    all.flatMap((e) => e.sources),
    [...dir.guides.map((g) => g.updated), ...(dir.nationalCounts ?? []).map((n) => n.asOf)],
  );
  newestCache.set(dir, day);
  return day;
}

/** The date fields of every download: reproducible, from SOURCE_DATE_EPOCH (seconds) when given, else the newest source date (00:00 in Japan). */
export function exportDates(
  dir: Directory,
  sourceDateEpoch?: string,
): { generatedAt: string; dataAsOf: string | undefined } {
  const dataAsOf = newestSourceDay(dir);
  const epoch =
    sourceDateEpoch !== undefined && /^\d+$/.test(sourceDateEpoch.trim()) ? Number(sourceDateEpoch.trim()) : undefined;
  const generatedAt =
    epoch !== undefined
      ? new Date(epoch * 1000).toISOString().replace(/\.000Z$/, 'Z')
      : dataAsOf
        ? `${dataAsOf}T00:00:00+09:00`
        : '1970-01-01T00:00:00Z';
  return { generatedAt, dataAsOf };
}

/** The Table Schema type of a CSV column (src/lib/publish/datapackage.ts); most columns are text. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean';

/** What a column or field holds. */
type Cell = string | number | boolean | undefined | readonly string[];

interface ColumnSpec<T> {
  /** JSON key (English, camelCase). */
  key: string;
  /** CSV header (Japanese, as Excel users read it). */
  header: string;
  /**
   * What the column holds. Omit it for a column that copies one schema field
   * (`field`, default the key): the field's own `.describe()` is used, so the
   * schema stays the one definition.
   */
  description?: string;
  /** The schema field (path, e.g. `contact.website`) this column copies, when its key differs. */
  field?: string;
  /** Several values: joined with `|` in CSV, an array in JSON. */
  list?: boolean;
  /** The value's type when it is not text (a list is always text in the CSV). */
  type?: FieldType;
  /** URLs: a `|` inside one is percent-encoded rather than replaced. */
  urls?: boolean;
  /** Only in the CSV (the JSON carries the same facts in a structured field). */
  csvOnly?: boolean;
  get: (item: T, l: Lookup) => Cell;
}

interface JsonFieldSpec<T> {
  key: string;
  description: string;
  get: (item: T, l: Lookup) => unknown;
}

/** One field of a dataset as the /data/ page documents it. */
export interface FieldDoc {
  key: string;
  /** The CSV header, or undefined when the field is JSON-only. */
  header: string | undefined;
  description: string;
  list: boolean;
  inJson: boolean;
  /** The CSV column's type ('string' unless the column says otherwise). */
  type: FieldType;
}

/** A dataset: its documentation and its serialisations. */
export interface Dataset {
  name: DatasetName;
  title: string;
  description: string;
  fields: FieldDoc[];
  /** How many rows (entities) the dataset has. */
  count: (l: Lookup) => number;
  /** Header and rows; `only` keeps the entities whose id it accepts. */
  table: (l: Lookup, only?: (id: string) => boolean) => { header: string[]; rows: CsvValue[][] };
  /** One JSON object per entity. */
  records: (l: Lookup) => Record<string, unknown>[];
}

function defineDataset<T extends { id: string }>(spec: {
  name: DatasetName;
  title: string;
  description: string;
  /** The schema of the entities, whose field descriptions document the columns that copy a field. */
  schema?: z.ZodType;
  items: (l: Lookup) => T[];
  columns: ColumnSpec<T>[];
  json: JsonFieldSpec<T>[];
}): Dataset {
  const described = new Map(spec.schema ? fieldDescriptions(spec.schema) : []);
  const describe = (c: ColumnSpec<T>): string => {
    const d = c.description ?? described.get(c.field ?? c.key);
    if (d === undefined)
      throw new Error(
        `${spec.name}.${c.key}: no description, and no schema field "${c.field ?? c.key}" to take one from`,
      );
    return d;
  };
  const csvCell = (c: ColumnSpec<T>, item: T, l: Lookup): CsvValue => {
    const v = c.get(item, l);
    if (Array.isArray(v)) return c.urls ? joinUrls(v) : joinMulti(v);
    return v as CsvValue;
  };
  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    fields: [
      ...spec.columns.map((c) => ({
        key: c.key,
        header: c.header,
        description: describe(c),
        list: c.list === true,
        inJson: c.csvOnly !== true,
        type: c.type ?? 'string',
      })),
      ...spec.json.map((f) => ({
        key: f.key,
        header: undefined,
        description: f.description,
        list: false,
        inJson: true,
        type: 'string' as const,
      })),
    ],
    count: (l) => spec.items(l).length,
    table: (l, only) => ({
      header: spec.columns.map((c) => c.header),
      rows: spec
        .items(l)
        .filter((i) => (only ? only(i.id) : true))
        .map((i) => spec.columns.map((c) => csvCell(c, i, l))),
    }),
    records: (l) =>
      spec.items(l).map((i) => {
        const out: Record<string, unknown> = {};
        for (const c of spec.columns) {
          if (c.csvOnly) continue;
          const v = c.get(i, l);
          // Keep every key in every record (null when unknown), so the records have one shape.
          out[c.key] = v === undefined ? (c.list ? [] : null) : v;
        }
        for (const f of spec.json) out[f.key] = f.get(i, l) ?? null;
        return out;
      }),
  };
}

const name = <T extends { name: string }>(m: Map<string, T>, id: string | undefined) =>
  id ? m.get(id)?.name : undefined;

/** The two CSV columns that credit a row's sources, and the JSON field that carries them whole. */
function sourceColumns<T extends { sources: Source[] }>(): ColumnSpec<T>[] {
  return [
    {
      key: 'sources',
      header: '出典',
      description: '出典（題名・発行者・資料名・URL・日付）。複数あるときは | で区切ります',
      list: true,
      csvOnly: true,
      get: (i) => i.sources.map(sourceText),
    },
    {
      key: 'sourceUrls',
      header: '出典URL',
      description: '出典のURLだけを並べたもの（URLのない資料は含みません）',
      list: true,
      urls: true,
      csvOnly: true,
      get: (i) => i.sources.map((s) => s.url).filter((u): u is string => !!u),
    },
  ];
}
function sourceJson<T extends { sources: Source[] }>(): JsonFieldSpec<T> {
  return {
    key: 'sources',
    description:
      '出典の配列。各要素はtitle（題名）、publisher（発行者）、url、document（URLのない資料名）、asOf（時点）、published（発行日）、seen（確認日）、note（補足）、copyOf（url が転載・キャッシュの写しのときの原典: publisher、title、url、published）',
    get: (i) => i.sources,
  };
}

export type DatasetName =
  'coops' | 'contracts' | 'municipalities' | 'categories' | 'national-counts' | 'model-project-figures';

const coops = defineDataset<Coop>({
  name: 'coops',
  schema: SCHEMAS.coops,
  title: '団体（労働者協同組合・連合会・事業本部・事業所など）',
  description: '掲載しているすべての団体。1行が1団体です。',
  items: (l) => l.dir.coops,
  columns: [
    {
      key: 'id',
      header: 'ID',
      description: '団体の識別子（英小文字。ページのURLに使い、変えません）',
      get: (c) => c.id,
    },
    { key: 'name', header: '名称', description: '正式名称', get: (c) => c.name },
    { key: 'nameVariants', header: '別表記', list: true, get: (c) => c.nameVariants },
    { key: 'reading', header: 'よみ', get: (c) => c.reading },
    { key: 'kind', header: '種別コード', description: ORG_KIND.describe, get: (c) => c.kind },
    { key: 'kindLabel', header: '種別', description: '種別の日本語名', get: (c) => KIND_LABELS[c.kind] },
    {
      key: 'legalForm',
      header: '法人格',
      description: '労働者協同組合、企業組合、NPO法人など',
      get: (c) => c.legalForm,
    },
    { key: 'parentId', header: '上位組織ID', description: '事業本部・事業所の上位の団体のID', get: (c) => c.parent },
    { key: 'parentName', header: '上位組織', description: '上位の団体の名称', get: (c, l) => name(l.coops, c.parent) },
    {
      key: 'memberOf',
      header: '加盟先ID',
      description: '加盟している連合会・ネットワークのID',
      list: true,
      get: (c) => c.memberOf,
    },
    {
      key: 'prefectureCode',
      header: '都道府県コード',
      description: '主たる事務所の都道府県の全国地方公共団体コード（6桁）',
      get: (c, l) => prefectureOf(c, l.bodies),
    },
    {
      key: 'prefectureName',
      header: '都道府県',
      description: '都道府県名',
      get: (c, l) => name(l.bodies, prefectureOf(c, l.bodies)),
    },
    {
      key: 'municipalityCode',
      header: '市区町村コード',
      description: '主たる事務所の市区町村の全国地方公共団体コード（6桁）',
      get: (c) => c.municipality,
    },
    {
      key: 'municipalityName',
      header: '市区町村',
      description: '市区町村名',
      get: (c, l) => name(l.bodies, c.municipality),
    },
    { key: 'postalCode', header: '郵便番号', get: (c) => c.postalCode },
    { key: 'address', header: '所在地', description: '団体が公表している所在地', get: (c) => c.address },
    {
      key: 'latitude',
      type: 'number',
      header: '緯度',
      description: '地図に示す点の緯度（世界測地系）。精度は「位置の精度」を見てください',
      get: (c, l) => placeOf(c, l.bodies)?.lat,
    },
    {
      key: 'longitude',
      type: 'number',
      header: '経度',
      description: '地図に示す点の経度',
      get: (c, l) => placeOf(c, l.bodies)?.lng,
    },
    {
      key: 'locationPrecision',
      header: '位置の精度',
      description: 'address（所在地の位置）、municipality（市区町村の代表点）、prefecture（都道府県の代表点）',
      get: (c, l) => placeOf(c, l.bodies)?.precision,
    },
    {
      key: 'categoryIds',
      header: '分野ID',
      description: '分野のID（categoriesのデータを参照）',
      list: true,
      get: (c) => c.categories,
    },
    {
      key: 'categoryNames',
      header: '分野',
      description: '分野名',
      list: true,
      get: (c, l) => c.categories.map((id) => l.categories.get(id)?.name ?? id),
    },
    { key: 'summary', header: '紹介', get: (c) => c.summary },
    { key: 'business', header: '事業', list: true, get: (c) => c.business },
    {
      key: 'serviceItems',
      header: '事業一覧',
      description: '事業一覧の項目（分野ごとの構成はJSONのservicesにあります）',
      list: true,
      get: (c) => c.services?.flatMap((s) => s.items),
    },
    { key: 'servicesAsOf', header: '事業一覧の時点', get: (c) => c.servicesAsOf },
    { key: 'licences', header: '登録業種・許認可', list: true, get: (c) => c.licences },
    { key: 'origin', header: '設立の形コード', description: ORIGIN.describe, get: (c) => c.origin },
    {
      key: 'originLabel',
      header: '設立の形',
      description: '設立の形の日本語名',
      get: (c) => (c.origin ? ORIGIN_LABELS[c.origin] : undefined),
    },
    { key: 'convertedFrom', header: '組織変更前の名称', get: (c) => c.convertedFrom },
    {
      key: 'founded',
      header: '団体の発足',
      description: '団体としての発足（労働者協同組合になる前を含む）。YYYY、YYYY-MM、YYYY-MM-DDのいずれか',
      get: (c) => c.founded,
    },
    { key: 'foundingMeeting', header: '創立総会', get: (c) => c.foundingMeeting },
    { key: 'registered', header: '設立の登記', get: (c) => c.registered },
    { key: 'converted', header: '組織変更', get: (c) => c.converted },
    {
      key: 'established',
      header: '労協としての設立',
      description: '出典が「設立」とだけ書き、創立総会・登記・組織変更のどれか分からない時期',
      get: (c) => c.established,
    },
    { key: 'corporateNumber', header: '法人番号', get: (c) => c.corporateNumber },
    {
      key: 'corporateNumberUrl',
      header: '法人番号のページ',
      description: '国税庁法人番号公表サイトのその法人番号のページ',
      get: (c) => (c.corporateNumber ? corporateNumberUrl(c.corporateNumber) : undefined),
    },
    {
      key: 'status',
      header: '状態',
      description: 'active（活動中）、dissolved（解散）',
      get: (c) => (c.dissolved ? 'dissolved' : 'active'),
    },
    { key: 'dissolvedOn', header: '解散日', description: '解散・登記記録の閉鎖等の日', get: (c) => c.dissolved?.date },
    { key: 'dissolvedCause', header: '解散の事由', description: '解散・閉鎖等の事由', get: (c) => c.dissolved?.cause },
    {
      key: 'registryOnly',
      type: 'boolean',
      header: '登記情報のみ',
      description: 'true（法人番号公表サイトの登記情報だけから作った下書きで、活動内容は未調査）',
      get: (c) => c.registryOnly === true,
    },
    {
      key: 'registryCredit',
      header: '登記情報の出典表記',
      description: '登記情報（registry）を使った行の出典表記（公共データ利用規約（第1.0版）による）',
      get: (c) => (c.registry ? registryCredit(c.registry) : undefined),
    },
    {
      key: 'tokutei',
      type: 'boolean',
      header: '特定労働者協同組合',
      description: 'true（認定を確認）、false（認定なしを確認）、空欄（未確認）',
      get: (c) => c.tokutei,
    },
    { key: 'area', header: '活動地域', get: (c) => c.area },
    { key: 'website', header: 'ウェブサイト', field: 'contact.website', get: (c) => c.contact?.website },
    { key: 'phone', header: '電話', field: 'contact.phone', get: (c) => c.contact?.phone },
    { key: 'fax', header: 'FAX', field: 'contact.fax', get: (c) => c.contact?.fax },
    { key: 'contactAsOf', header: '連絡先の時点', field: 'contact.asOf', get: (c) => c.contact?.asOf },
    {
      key: 'contractCount',
      type: 'integer',
      header: '受託件数',
      description: 'この団体が受託している事業のうち掲載している件数',
      get: (c, l) => l.contractsByContractor.get(c.id)?.length ?? 0,
    },
    { key: 'notes', header: '注記', description: '未確認事項・表記の揺れなど', list: true, get: (c) => c.notes },
    {
      key: 'lastChecked',
      header: '情報の時点',
      description: '出典の日付のうち最も新しいもの（出典の書き方どおり YYYY・YYYY-MM・YYYY-MM-DD）',
      get: (c) => lastChecked(c.sources),
    },
    {
      key: 'url',
      header: 'ページURL',
      description: '労協アトラスの団体ページ（引用に使える固定のURL）',
      get: (c, l) => l.url(paths.coop(c.id)),
    },
    ...sourceColumns<Coop>(),
  ],
  json: [
    {
      key: 'services',
      description: '事業一覧。各要素はcategory（分野ID）、group（小見出し）、items（項目の配列）',
      get: (c) => c.services,
    },
    {
      key: 'figures',
      description:
        '公表されている数値。各要素はlabel、value、unit、asOf、period、note、source（sourcesの何番目か、0始まり）',
      get: (c) => c.figures,
    },
    {
      key: 'registry',
      description:
        '国税庁法人番号公表サイトの登記情報。name（商号又は名称）、furigana、address、postalCode、municipality（団体コード）、assigned（法人番号指定年月日）、changed（変更年月日）、changeCause、closed（登記記録の閉鎖等年月日）、closeCause（01・11・21・31）、successor（承継先法人番号）、asOf（データの作成日）',
      get: (c) => c.registry,
    },
    sourceJson<Coop>(),
  ],
});

const contracts = defineDataset<Contract>({
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
      get: (c, l) => name(l.bodies, c.commissioner),
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
        return b?.kind === '都道府県' ? b.name : name(l.bodies, b?.prefecture);
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
      get: (c, l) => name(l.coops, c.contractor),
    },
    {
      key: 'contractorAsNamed',
      header: '出典での受託者の表記',
      description: '出典の表記が今の名称と違う場合の表記（組織変更前の名称など）',
      get: (c) => c.contractorAsNamed,
    },
    {
      key: 'kind',
      header: '事業の種類ID',
      description: 'konkyu・hogo・wakamono・jidokan・gakudo・shisetsu・other',
      get: (c) => c.kind,
    },
    {
      key: 'kindName',
      header: '事業の種類',
      description: '事業の種類の名前',
      get: (c) => CONTRACT_KIND_LABELS[c.kind],
    },
    { key: 'programme', header: '事業', description: '委託されている事業の名称', get: (c) => c.programme },
    {
      key: 'form',
      header: '形態',
      description: '委託・指定管理・補助の別（出典に書かれている場合）',
      get: (c) => c.form,
    },
    { key: 'facility', header: '施設', description: '指定管理などの対象施設', get: (c) => c.facility },
    {
      key: 'services',
      header: '業務の内容',
      description: '委託内容として出典に並ぶ業務',
      list: true,
      get: (c) => c.services,
    },
    { key: 'categoryId', header: '分野ID', description: '分野のID', get: (c) => c.category },
    { key: 'categoryName', header: '分野', description: '分野名', get: (c, l) => name(l.categories, c.category) },
    { key: 'asOf', header: '時点', description: '出典が示す時点（YYYY、YYYY-MM、YYYY-MM-DD）', get: (c) => c.asOf },
    { key: 'from', header: '開始', description: '委託の開始', get: (c) => c.from },
    { key: 'to', header: '終了', description: '委託の終了', get: (c) => c.to },
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
    { key: 'selection', header: '選定の方法', description: '公募・非公募・プロポーザルなど', get: (c) => c.selection },
    { key: 'department', header: '担当部署', description: '委託元の担当部署', get: (c) => c.department },
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
    { key: 'note', header: '注記', description: '出典の読み方などの注記', get: (c) => c.note },
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

const municipalities = defineDataset<Body>({
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
    { key: 'name', header: '名称', description: '名称', get: (b) => b.name },
    { key: 'reading', header: 'よみ', description: 'よみ（総務省コード表の表記）', get: (b) => b.reading },
    { key: 'kind', header: '区分', description: '国、都道府県、市、特別区、区、町、村', get: (b) => b.kind },
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
      get: (b, l) => name(l.bodies, b.prefecture),
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
      get: (b, l) => name(l.bodies, b.parent),
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
    { key: 'website', header: 'ウェブサイト', description: '公式サイト', get: (b) => b.website },
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

const categories = defineDataset<Category>({
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
    { key: 'description', header: '説明', description: 'サイトが書いた分野の説明', get: (c) => c.description },
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

const nationalCounts = defineDataset<NationalCount>({
  schema: SCHEMAS.nationalCounts,
  name: 'national-counts',
  title: '全国の労働者協同組合の数（時系列）',
  description:
    '全国で設立された労働者協同組合の数。1行が1つの時点です。厚生労働省の公表値（official=true）と、報道・自治体などによる二次的な数（false）を区別しています。',
  items: (l) => l.dir.nationalCounts ?? [],
  columns: [
    { key: 'asOf', header: '時点', description: '何日時点の数か（YYYY-MM-DD）', get: (n) => n.asOf },
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
      description: '組織変更のうち企業組合から',
      get: (n) => n.convertedFromKigyo,
    },
    {
      key: 'convertedFromNpo',
      type: 'integer',
      header: 'うちNPO法人から',
      description: '組織変更のうちNPO法人から',
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
      description: 'true（厚生労働省の公表値）、false（報道・自治体などによる二次的な数）',
      get: (n) => n.official,
    },
    { key: 'note', header: '注記', description: '注記', get: (n) => n.note },
    { key: 'url', header: 'ページURL', description: '労協アトラスの統計ページ', get: (_n, l) => l.url(paths.stats()) },
    ...sourceColumns<NationalCount>(),
  ],
  json: [sourceJson<NationalCount>()],
});

/** One number a model-project council reported: a figure of the council or of an activity, or an activity's participants or capacity. */
export interface ModelProjectFigure {
  id: string;
  council: Council;
  activity?: Activity;
  measure: 'figure' | 'participants' | 'capacity';
  label: string;
  value: number;
  unit: string;
  asOf?: string;
  period?: string;
  note?: string;
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

const modelProjectFiguresDataset = defineDataset<ModelProjectFigure>({
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
      get: (r, l) => name(l.bodies, r.council.prefecture),
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
      get: (r) => (r.activity ? ACTIVITY_KIND_LABELS[r.activity.kind] : undefined),
    },
    {
      key: 'activityStatus',
      header: '実施状況',
      description: '出典の時点の状況',
      get: (r) => (r.activity ? ACTIVITY_STATUS_LABELS[r.activity.status] : undefined),
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
export const DATASETS: Record<DatasetName, Dataset> = {
  coops,
  contracts,
  municipalities,
  categories,
  'national-counts': nationalCounts,
  'model-project-figures': modelProjectFiguresDataset,
};

/** The dataset names, for getStaticPaths. */
export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];

/** A dataset as CSV (BOM, CRLF, one header row); `only` keeps the rows whose entity id it accepts. */
export function datasetCsv(ds: Dataset, l: Lookup, only?: (id: string) => boolean): string {
  const { header, rows } = ds.table(l, only);
  return toCsv(header, rows);
}

/** The contracts one public body commissions, as CSV (a header row alone when it commissions none). */
export function bodyContractsCsv(bodyId: string, l: Lookup): string {
  const mine = new Set((l.contractsByCommissioner.get(bodyId) ?? []).map((c) => c.id));
  return datasetCsv(DATASETS.contracts, l, (id) => mine.has(id));
}

/** A dataset as a JSON document: format version, dates, licence, then one record per entity. */
export function datasetJson(
  ds: Dataset,
  l: Lookup,
  dates: { generatedAt: string; dataAsOf: string | undefined },
): string {
  const items = ds.records(l);
  const doc = {
    version: EXPORT_VERSION,
    dataset: ds.name,
    title: ds.title,
    generatedAt: dates.generatedAt,
    dataAsOf: dates.dataAsOf ?? null,
    license: LICENSE,
    attribution: ATTRIBUTION,
    documentation: l.url(paths.data()),
    count: items.length,
    items,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
