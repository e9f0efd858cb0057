/** Rules a contract must meet: its period runs forwards and is written one way. */
import { latestDay } from '../../model/dates.ts';
import { problemList, type EntryRule } from '../types.ts';

/** from/to in order, fiscal years in order, and not both a period and fiscal years. */
export const contractRules: EntryRule = ({ entry, data }) => {
  const { out, add } = problemList(entry.file);
  if (typeof data.from === 'string' && typeof data.to === 'string' && latestDay(data.to) < latestDay(data.from)) {
    add('to', `終了 ${data.to} が開始 ${data.from} より前です`);
  }
  const fy = data.fiscalYears as { from?: unknown; to?: unknown } | undefined;
  if (fy && typeof fy.from === 'number' && typeof fy.to === 'number' && fy.to < fy.from) {
    add('fiscalYears.to', `最後の年度 ${fy.to} が最初の年度 ${fy.from} より前です`);
  }
  if ((data.from !== undefined || data.to !== undefined) && fy !== undefined) {
    add('fiscalYears', '期間は from/to か fiscalYears のどちらか一方で書いてください');
  }
  return out;
};
