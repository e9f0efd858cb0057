/**
 * The zod schemas as Decap CMS fields: each field of a collection's schema
 * becomes one field of the editor, with its label and hint from the
 * schema's description, `required: false` where the schema lets it be left
 * out, vocabularies as selects, references as relations (or a select of
 * public bodies), dates and URLs as text checked against the same forms
 * the data check accepts, numbers, booleans, lists and nested objects.
 * A schema construct this does not know stops the build, naming the field.
 */
import type { z } from 'astro/zod';
import { defOf, descriptionOf, type CheckDef } from '../../model/schema-fields.ts';
import {
  DATE_PATTERN,
  WEB_URL_PATTERN,
  fieldRules,
  partialDate,
  pastDate,
  webUrl,
  type CollectionName,
} from '../../model/schemas/index.ts';
import * as vocabularies from '../../model/vocabularies.ts';

/** One choice of a select: what the editor sees, and what is written to the file. */
export interface CmsOption {
  label: string;
  value: string;
}

/** A field of Decap CMS's configuration (https://decapcms.org/docs/widgets/), as far as this site uses it. */
export interface CmsField {
  name: string;
  label: string;
  widget: 'string' | 'text' | 'number' | 'boolean' | 'select' | 'relation' | 'list' | 'object' | 'markdown';
  /** Only written when false: Decap's default is required. */
  required?: false;
  hint?: string;
  default?: unknown;
  /** A regular expression the value must match, and what to tell the editor when it does not. */
  pattern?: [string, string];
  value_type?: 'int' | 'float';
  min?: number;
  max?: number;
  options?: Array<CmsOption | string>;
  multiple?: true;
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
  fields?: CmsField[];
  field?: CmsField;
  /** Markdown: the toolbar's buttons, the blocks it may insert, its modes. */
  buttons?: string[];
  editor_components?: string[];
  modes?: string[];
  sanitize_preview?: boolean;
}

/** How a reference to a collection is edited: a relation to its entries, or a select (public bodies). */
export type ReferenceWidget = (collection: CollectionName) => Partial<CmsField>;

/** Text fields people write sentences in: a multi-line box instead of one line. */
const MULTILINE = new Set(['summary', 'description', 'note', 'text', 'problem', 'theme']);

/** The date forms, as the message Decap shows next to its own 「入力規則（…）と一致しません」. */
const DATE_RULE = 'YYYY、YYYY-MM、YYYY-MM-DD のいずれか';

/** Every vocabulary of vocabularies.ts (values and labels), keyed by its values, to label a select's options. */
const LABELS = new Map(
  Object.values(vocabularies as Record<string, unknown>)
    .filter((v): v is { values: string[]; labels: Record<string, string> } => typeof v === 'object' && v !== null)
    .filter((v) => Array.isArray(v.values) && typeof v.labels === 'object')
    .map((v) => [v.values.join('\0'), v.labels]),
);

/** The short label of a field: its description up to the first explanation (（, a colon or 。), or its key when that leaves nothing readable. */
export function labelOf(description: string | undefined, key: string): string {
  const head = description?.split(/[（(]|[:：]\s|。/)[0]?.trim();
  return head && !head.includes('=') ? head : key;
}

/** Whether `schema` is one of the date schemas, or a copy of one made by `.describe()`. */
function isDate(schema: z.ZodType): boolean {
  for (let s: z.ZodType | undefined = schema; s; s = (s as unknown as { _zod: { parent?: z.ZodType } })._zod.parent)
    if (s === partialDate || s === pastDate) return true;
  return false;
}

/** Whether `schema` is webUrl or a copy of it. */
function isWebUrl(schema: z.ZodType): boolean {
  for (let s: z.ZodType | undefined = schema; s; s = (s as unknown as { _zod: { parent?: z.ZodType } })._zod.parent)
    if (s === webUrl) return true;
  return false;
}

/** A field's schema without optional/default wrappers, whether one let it be left out, and the default. */
function unwrapOptional(schema: z.ZodType): { core: z.ZodType; optional: boolean; defaultValue?: unknown } {
  let s = schema;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const def = defOf(s);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') {
      optional = true;
      if (def.type === 'default' && defaultValue === undefined) defaultValue = def.defaultValue;
      s = def.innerType!;
    } else if (def.type === 'readonly' || def.type === 'nonoptional' || def.type === 'catch') {
      s = def.innerType!;
    } else return { core: s, optional, defaultValue };
  }
}

const checksOf = (schema: z.ZodType): CheckDef[] => (defOf(schema).checks ?? []).map((c) => c._zod.def);

/** The message a check gives, as far as it is a fixed text. */
function messageOf(check: CheckDef): string | undefined {
  const m = check.error?.({});
  if (typeof m === 'string') return m;
  if (m && typeof m === 'object' && 'message' in m && typeof m.message === 'string') return m.message;
  return undefined;
}

/** Decap's `pattern` for a string schema's regex check, when Decap can run it (it builds the RegExp without flags). */
function patternOf(schema: z.ZodType): [string, string] | undefined {
  const check = checksOf(schema).find((c) => c.check === 'string_format' && c.format === 'regex' && c.pattern);
  if (!check?.pattern || check.pattern.flags !== '') return undefined;
  return [check.pattern.source, messageOf(check) ?? check.pattern.source];
}

/** Decap's `min`/`max` for a number or list: the bounds of its checks, when inclusive. */
function boundsOf(schema: z.ZodType): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  for (const c of checksOf(schema)) {
    if (c.check === 'min_length' && c.minimum !== undefined) out.min = c.minimum;
    if (c.check === 'max_length' && c.maximum !== undefined) out.max = c.maximum;
    if (c.check === 'greater_than' && c.inclusive && c.value !== undefined) out.min = c.value;
    if (c.check === 'less_than' && c.inclusive && c.value !== undefined) out.max = c.value;
  }
  return out;
}

/** A select's options: each value with its label from its vocabulary, or the value itself. */
function optionsOf(schema: z.ZodType): Array<CmsOption | string> {
  const values = Object.values(defOf(schema).entries ?? {});
  const labels = LABELS.get(values.join('\0'));
  return labels ? values.map((value) => ({ label: `${labels[value]}（${value}）`, value })) : values;
}

/** What the walk carries down the tree. */
export interface FieldContext {
  reference: ReferenceWidget;
  /** Inside an object the file may leave out: Decap checks a field's presence even when its object is absent. */
  inOptional?: boolean;
  /** Where the walk is, for error messages (`coops: contact.phone`). */
  path: string;
}

/** The widget part of a field (no name, label or required): what value it holds and how it is edited. */
type Widget = Omit<CmsField, 'name' | 'label'>;

/** How a field of schema `schema` is edited; `field` names it (a list of single values repeats it for each item). */
function widgetOf(field: Pick<CmsField, 'name' | 'label'>, schema: z.ZodType, ctx: FieldContext): Widget {
  const key = field.name;
  const ref = fieldRules.get(schema)?.ref;
  if (ref) return { widget: 'relation', ...ctx.reference(ref) };
  if (isDate(schema)) return { widget: 'string', pattern: [DATE_PATTERN, DATE_RULE] };
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      const pattern = isWebUrl(schema)
        ? ([WEB_URL_PATTERN, 'http:// か https:// で始まる URL'] as [string, string])
        : patternOf(schema);
      return { widget: MULTILINE.has(key) ? 'text' : 'string', ...(pattern ? { pattern } : {}) };
    }
    case 'number': {
      const int = checksOf(schema).some((c) => c.check === 'number_format' && c.format === 'safeint');
      return { widget: 'number', value_type: int ? 'int' : 'float', ...boundsOf(schema) };
    }
    case 'boolean':
      return { widget: 'boolean' };
    case 'enum':
      return { widget: 'select', options: optionsOf(schema) };
    case 'object':
      return { widget: 'object', fields: cmsFields(schema, ctx) };
    case 'array':
      return listOf(field, schema, ctx);
    default:
      throw new Error(
        `CMSの設定: ${ctx.path}の型「${def.type}」を編集欄にできません（src/lib/publish/cms/fields.tsで扱いを決めてください）`,
      );
  }
}

/** A list: of references or vocabulary values as one multiple choice, else a list of items (objects or single values). */
function listOf(field: Pick<CmsField, 'name' | 'label'>, list: z.ZodType, ctx: FieldContext): Widget {
  const bounds = boundsOf(list);
  const item = unwrapOptional(defOf(list).element!).core;
  // A list the file leaves out has no items for Decap to check: inside an item, fields are required as the schema says.
  const inner = widgetOf(field, item, { ...ctx, inOptional: false, path: `${ctx.path}[]` });
  if (inner.widget === 'relation' || inner.widget === 'select') return { ...inner, multiple: true, ...bounds };
  if (inner.widget === 'object') return { widget: 'list', ...bounds, fields: inner.fields ?? [] };
  return { widget: 'list', ...bounds, field: { ...field, ...inner } };
}

/** One field of an object schema as a CMS field. */
export function cmsField(key: string, schema: z.ZodType, ctx: FieldContext): CmsField {
  const path = ctx.path ? `${ctx.path}.${key}` : key;
  const { core, optional, defaultValue } = unwrapOptional(schema);
  const description = descriptionOf(schema);
  const label = labelOf(description, key);
  const widget = widgetOf({ name: key, label }, core, { ...ctx, inOptional: ctx.inOptional || optional, path });
  // Decap fills defaults into a new entry's absent objects too, which would leave half an object behind.
  const filled =
    !ctx.inOptional && defaultValue !== undefined && (typeof defaultValue !== 'object' || defaultValue === null);
  return {
    name: key,
    label,
    ...(optional || ctx.inOptional ? { required: false as const } : {}),
    ...(description && description !== label ? { hint: description } : {}),
    ...(filled ? { default: defaultValue } : {}),
    ...widget,
  };
}

/** Every field of an object schema (a collection's, or a nested object's), in the schema's order. */
export function cmsFields(schema: z.ZodType, ctx: FieldContext): CmsField[] {
  const def = defOf(unwrapOptional(schema).core);
  if (def.type !== 'object') throw new Error(`CMSの設定: ${ctx.path || '(top)'}はオブジェクトではありません`);
  return Object.entries(def.shape ?? {}).map(([key, child]) => cmsField(key, child, ctx));
}
