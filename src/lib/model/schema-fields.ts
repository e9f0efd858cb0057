/**
 * Reads what fields declare about themselves in the zod schemas: which
 * refer to another collection (`ref`), which dates must lie in the past
 * (`pastDate`). The data check finds every reference and date through
 * this, so adding a field to a schema is all it takes.
 */
import type { z } from 'astro/zod';
import { fieldRules, type CollectionName } from './schemas/index.ts';

/** What a field declares. */
export interface FieldRule {
  ref?: CollectionName;
  past?: true;
}

/** What a check (`.min()`, `.regex()`, `.int()` …) records about itself. */
export interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  error?: (issue: object) => unknown;
}

/** The parts of a zod schema's definition the readers here use. */
export interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  defaultValue?: unknown;
  checks?: Array<{ _zod: { def: CheckDef } }>;
}

/** A schema's definition (zod 4 keeps it on `_zod.def`). */
export const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Every field of `schema` that declares a rule, as a path in the form
 * `valuesAt` reads (`memberOf[]`, `services[].category`, `sources[].seen`),
 * with the rule.
 */
export function declaredFields(schema: z.ZodType, path = ''): Array<[string, FieldRule]> {
  const rule = fieldRules.get(schema);
  if (rule) return [[path, rule]];
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, child]) =>
        declaredFields(child, path ? `${path}.${key}` : key),
      );
    case 'array':
      return declaredFields(def.element!, `${path}[]`);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return declaredFields(def.innerType!, path);
    case 'pipe':
      return [...declaredFields(def.in!, path), ...declaredFields(def.out!, path)];
    case 'union':
      return (def.options ?? []).flatMap((o) => declaredFields(o, path));
    default:
      return [];
  }
}

/** The description of a field: on the field itself, or on what it wraps (`.optional()` after `.describe()`). */
export function descriptionOf(schema: z.ZodType): string | undefined {
  let s: z.ZodType | undefined = schema;
  while (s) {
    if (s.description) return s.description;
    const def = defOf(s);
    s = def.innerType ?? (def.type === 'pipe' ? def.out : undefined);
  }
  return undefined;
}

/** The object or array a field holds, past optional/default/pipe wrappers, to step into. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe') s = def.out!;
    else return s;
  }
}

/** Every field of an object schema, nested fields included (`sources[].url`), with its description (undefined when it has none). */
export function fieldDescriptions(schema: z.ZodType, path = ''): Array<[string, string | undefined]> {
  const def = defOf(unwrap(schema));
  if (def.type === 'array') return fieldDescriptions(def.element!, `${path}[]`);
  if (def.type !== 'object') return [];
  return Object.entries(def.shape ?? {}).flatMap(([key, child]) => {
    const p = path ? `${path}.${key}` : key;
    return [[p, descriptionOf(child)] as [string, string | undefined], ...fieldDescriptions(child, p)];
  });
}
