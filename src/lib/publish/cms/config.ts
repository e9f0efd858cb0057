/**
 * The configuration of Decap CMS at /admin/config.yml, generated from the
 * zod schemas (src/lib/model/schemas/): one folder collection per content
 * collection, every field of its schema in the schema's order (Decap writes
 * a file's top-level keys in that order). Edits go to the GitHub repository
 * as pull requests (editorial workflow); `npm run edit` points the same
 * configuration at decap-server on the maintainer's machine instead.
 */
import { stringify } from 'yaml';
import type { z } from 'astro/zod';
import { COLLECTION_NAMES, folderOf, idRef, schemasFor, type CollectionName } from '../../model/schemas/index.ts';
import { repoUrlFrom } from '../../model/site.ts';
import { cmsFields, type CmsField, type CmsOption, type ReferenceWidget } from './fields.ts';

/** How one collection appears in the CMS besides its fields. */
interface CollectionSettings {
  label: string;
  /** Fields a relation to this collection shows and searches. */
  display: string[];
  /** The field Decap treats as the entry's title. */
  identifier: string;
  summary: string;
  /** New entries: only where the file name (the id) follows from the fields; elsewhere ids are chosen by hand. */
  slug?: string;
  description?: string;
  viewFilters?: Array<{ label: string; field: string; pattern: string | boolean }>;
}

/** The collections as editors see them. */
export const CMS_COLLECTIONS: Record<CollectionName, CollectionSettings> = {
  coops: {
    label: '組合・団体',
    display: ['name'],
    identifier: 'name',
    summary: '{{name}}（{{filename}}）',
    description:
      '新しい組合は、毎月の登記情報の取り込みで「登記情報のみ」の下書きとして入ります。下書きを仕上げる手順はdocs/cms.mdにあります。id（ファイル名）は変えられません。',
    viewFilters: [{ label: '登記情報のみ（下書き）', field: 'registryOnly', pattern: true }],
  },
  categories: { label: '分野', display: ['name'], identifier: 'name', summary: '{{name}}（{{filename}}）' },
  municipalities: {
    label: '公共団体（追記）',
    display: ['name'],
    identifier: 'name',
    summary: '{{filename}} {{name}}',
    description:
      '名称・よみ・種類・代表点は公式コード表から自動で入ります。ここには編集部が加えた事実（都道府県と国の機関の窓口、ウェブサイト、訂正した座標）とその出典だけを書きます。ファイル名は全国地方公共団体コードです。新しいファイルはnpm run add:municipalityで作ります。',
  },
  contracts: {
    label: '委託・指定管理',
    display: ['programme'],
    identifier: 'programme',
    summary: '{{programme}}（{{filename}}）',
    slug: '{{fields.contractor}}-{{fields.kind}}-{{fields.commissioner}}',
  },
  councils: { label: 'モデル事業の協議会', display: ['name'], identifier: 'name', summary: '{{name}}（{{filename}}）' },
  programmes: { label: '国の事業', display: ['name'], identifier: 'name', summary: '{{name}}（{{filename}}）' },
  guides: { label: '解説', display: ['title'], identifier: 'title', summary: '{{title}}（{{filename}}）' },
  nationalCounts: {
    label: '全国の法人数',
    display: ['asOf'],
    identifier: 'asOf',
    summary: '{{asOf}}',
    slug: '{{fields.asOf}}',
  },
};

/**
 * The guide body: Markdown, shown as its source first (the rich-text editor rewrites the whole body on any change:
 * tables padded, list markers changed), with the buttons for text, headings, lists, links and quotes only — no code,
 * no images, no blocks to insert.
 */
export const GUIDE_BODY: CmsField = {
  name: 'body',
  label: '本文',
  widget: 'markdown',
  hint: 'Markdownの文章だけを書きます。コード・HTML・{ }の式は書けません（データの点検で止まります）。出典は<Cite n={0} />の形で、sourcesの番号（0から数えます）を指します。',
  buttons: ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'quote', 'bulleted-list', 'numbered-list'],
  editor_components: [],
  modes: ['raw', 'rich_text'],
  sanitize_preview: true,
};

/** What a build or `npm run edit` supplies. */
export interface CmsOptions {
  /** The GitHub repository as owner/name (from REPO_URL); without it the deployed /admin/ does not start the CMS. */
  repo?: string;
  /** The branch pull requests go to. */
  branch?: string;
  /** Decap's `base_url`: the OAuth client that signs editors in with GitHub (CMS_AUTH_URL); Netlify's when unset. */
  authUrl?: string;
  /** Decap's `auth_endpoint` on that client (CMS_AUTH_ENDPOINT). */
  authEndpoint?: string;
  /** The public site's address (SITE_URL with the base), for Decap's links to it. */
  siteUrl?: string;
  /** Public bodies a reference may name, in the order to offer them. */
  bodies: CmsOption[];
  /** The content folder, relative to the repository root. */
  contentFolder?: string;
  /** `npm run edit`: decap-server's API on this machine (Decap then reads and writes the working tree). */
  localBackendUrl?: string;
}

/** The GitHub repository (owner/name) of a REPO_URL such as https://github.com/owner/name. Throws on any other address. */
export function githubRepoOf(repoUrl: string): string {
  const m = /^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(repoUrl);
  if (!m)
    throw new Error(
      `REPO_URL "${repoUrl}"はGitHubのリポジトリ（https://github.com/owner/name）ではありません。/admin/のCMSはGitHubのリポジトリに編集を送ります`,
    );
  return `${m[1]}/${m[2]}`;
}

/** What the build's environment says about the CMS: REPO_URL, CMS_AUTH_URL and CMS_AUTH_ENDPOINT. Throws on an unusable value, naming it. */
export function cmsSettingsFrom(
  env: Record<string, string | undefined>,
): Pick<CmsOptions, 'repo' | 'authUrl' | 'authEndpoint'> {
  const repoUrl = repoUrlFrom(env);
  const authUrl = env.CMS_AUTH_URL?.trim() || undefined;
  if (authUrl && (!/^https:\/\/[^\s/]+/.test(authUrl) || !URL.canParse(authUrl)))
    throw new Error(`CMS_AUTH_URL "${authUrl}"はhttps://で始まるOAuthクライアントのURLではありません`);
  const authEndpoint = env.CMS_AUTH_ENDPOINT?.trim() || undefined;
  return {
    ...(repoUrl ? { repo: githubRepoOf(repoUrl) } : {}),
    ...(authUrl ? { authUrl: authUrl.replace(/\/+$/, '') } : {}),
    ...(authEndpoint ? { authEndpoint: authEndpoint.replace(/^\/+/, '') } : {}),
  };
}

/** A public body as a reference may name it. */
export interface BodyChoice {
  id: string;
  name: string;
  prefecture?: string | undefined;
  parent?: string | undefined;
}

/** Public bodies as a select's options, 「埼玉県桶川市（112313）」: national bodies first, then in code order (prefecture by prefecture). */
export function bodyOptions(bodies: readonly BodyChoice[]): CmsOption[] {
  const byId = new Map(bodies.map((b) => [b.id, b]));
  const nameOf = (id: string | undefined) => (id ? (byId.get(id)?.name ?? '') : '');
  const national = (b: BodyChoice) => !/^\d{6}$/.test(b.id);
  return [...bodies]
    .sort((a, b) => Number(national(b)) - Number(national(a)) || a.id.localeCompare(b.id))
    .map((b) => ({
      label: `${b.prefecture === b.id ? '' : nameOf(b.prefecture)}${nameOf(b.parent)}${b.name}（${b.id}）`,
      value: b.id,
    }));
}

/** A select of public bodies (every code is valid, most have no file to relate to), else a relation to the collection's entries. */
function referenceWidget(bodies: CmsOption[]): ReferenceWidget {
  return (collection) => {
    if (collection === 'municipalities') return { widget: 'select', options: bodies };
    const display = CMS_COLLECTIONS[collection].display;
    return {
      widget: 'relation',
      collection,
      value_field: '{{slug}}',
      search_fields: display,
      display_fields: display,
      options_length: 1000,
    };
  };
}

/** The fields of one collection, its file format and what editors may do with it. */
function collectionConfig(name: CollectionName, schema: z.ZodType, options: CmsOptions): Record<string, unknown> {
  const s = CMS_COLLECTIONS[name];
  const guide = name === 'guides';
  let fields = cmsFields(schema, { reference: referenceWidget(options.bodies), path: name });
  // A hand-kept body file holds only what it adds to the official list: every field but its sources may be left out.
  if (name === 'municipalities')
    fields = fields.map((f) => (f.name === 'sources' ? f : { ...f, required: false as const }));
  return {
    name,
    label: s.label,
    label_singular: s.label,
    ...(s.description ? { description: s.description } : {}),
    folder: `${options.contentFolder ?? 'content'}/${folderOf(name)}`,
    ...(guide ? { extension: 'mdx', format: 'frontmatter' } : { extension: 'yaml', format: 'yml' }),
    create: s.slug !== undefined,
    ...(s.slug ? { slug: s.slug } : {}),
    // Ids are in URLs people cite: an entry is never deleted or renamed here.
    delete: false,
    identifier_field: s.identifier,
    summary: s.summary,
    ...(s.viewFilters ? { view_filters: s.viewFilters } : {}),
    editor: { preview: guide },
    fields: guide ? [...fields, GUIDE_BODY] : fields,
  };
}

/** The whole configuration object. */
export function cmsConfig(options: CmsOptions): Record<string, unknown> {
  const schemas = schemasFor(idRef);
  return {
    backend: {
      name: 'github',
      ...(options.repo ? { repo: options.repo } : {}),
      branch: options.branch ?? 'main',
      ...(options.authUrl ? { base_url: options.authUrl } : {}),
      ...(options.authEndpoint ? { auth_endpoint: options.authEndpoint } : {}),
      squash_merges: true,
    },
    ...(options.localBackendUrl ? { local_backend: { url: options.localBackendUrl } } : {}),
    publish_mode: 'editorial_workflow',
    locale: 'ja',
    ...(options.siteUrl ? { site_url: options.siteUrl } : {}),
    // The site keeps no uploads: content/uploads is not a collection, so a file put there fails the data check.
    media_folder: `${options.contentFolder ?? 'content'}/uploads`,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: COLLECTION_NAMES.map((c) => collectionConfig(c, schemas[c] as z.ZodType, options)),
  };
}

/** The configuration as the YAML file Decap reads (the public-body options written once, then referred to). */
export function cmsConfigYaml(options: CmsOptions): string {
  return `# Generated from the schemas in src/lib/model/schemas/ by src/lib/publish/cms/config.ts; do not edit.\n${stringify(
    cmsConfig(options),
    { lineWidth: 0, aliasDuplicateObjects: true },
  )}`;
}
