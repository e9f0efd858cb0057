/** A schema's complaint (a zod issue) as problems in Japanese, naming the field. */
import type { z } from 'astro/zod';
import { formatPath } from './paths.ts';
import type { Problem } from './types.ts';

/** Japanese names of the value types a schema expects. */
const TYPE_NAMES: Record<string, string> = {
  string: '文字列',
  number: '数値',
  int: '整数',
  boolean: 'true か false',
  array: '一覧（- で始まる行）',
  object: '項目の組（キー: 値）',
  date: '日付',
};

/** What kind of value a YAML file gave, in words. */
function typeNameOf(value: unknown): string {
  if (value === null) return '空の値（null）';
  if (Array.isArray(value)) return '一覧';
  if (value instanceof Date) return '日付';
  if (typeof value === 'string') return `文字列 "${value.slice(0, 40)}"`;
  if (typeof value === 'number') return `数値 ${String(value)}`;
  if (typeof value === 'boolean') return `真偽値 ${String(value)}`;
  return typeof value === 'object' ? '項目の組' : typeof value;
}

/** The problems one zod issue stands for (an unknown key each, a missing field, a wrong type, a rule's own message). */
export function issueProblems(file: string, issue: z.core.$ZodIssue): Problem[] {
  const base = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => ({
      file,
      field: base ? `${base}.${k}` : k,
      message: '定義されていないフィールドです（綴りを確認してください）',
    }));
  }
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return [{ file, field: base || '(entry)', message: '必須のフィールドがありません' }];
    return [
      {
        file,
        field: base || '(entry)',
        message: `${TYPE_NAMES[issue.expected] ?? issue.expected}を書いてください（${typeNameOf(issue.input)}が書かれています）`,
      },
    ];
  }
  return [{ file, field: base || '(entry)', message: issue.message }];
}
