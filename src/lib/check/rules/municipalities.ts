/** Rules a public body's hand-kept file must meet: kind against its code, prefecture, windows. */
import { isNationalBodyId, prefectureCodeOf } from '../../places/lgcode.ts';
import { problemList, type EntryRule } from '../types.ts';

/** Windows only on prefectures and national bodies, one at most; kind and prefecture agree with the code. */
export const municipalityRules: EntryRule = ({ entry, data }) => {
  const { out, add } = problemList(entry.file);
  const kind = data.kind as string;
  const windows = (data.windows ?? []) as Array<{ source: number }>;
  if (windows.length > 0 && kind !== '都道府県' && kind !== '国')
    add('windows', '窓口（windows）は都道府県と国の機関にだけ書けます');
  if (windows.length > 1) add('windows[1]', `窓口は一つだけにしてください（${windows.length} 件あります）`);
  if (isNationalBodyId(entry.id)) {
    if (kind !== '国') add('kind', `国の機関の id "${entry.id}" には kind: 国 を指定してください`);
  } else if (kind === '国') {
    add('kind', '地方公共団体コードを id に持つエントリに kind: 国 は指定できません');
  } else if (kind === '都道府県') {
    if (prefectureCodeOf(entry.id) !== entry.id) add('kind', `コード ${entry.id} は都道府県のコードではありません`);
  } else if (/^\d{6}$/.test(entry.id)) {
    const pref = prefectureCodeOf(entry.id);
    if (data.prefecture === undefined) add('prefecture', `市区町村には prefecture（${pref}）が必要です`);
    else if (data.prefecture !== pref)
      add(
        'prefecture',
        `コード ${entry.id} の都道府県は ${pref} ですが ${data.prefecture as string} が指定されています`,
      );
  }
  return out;
};
