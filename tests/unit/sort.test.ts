import { expect, test } from 'vitest';
import { sortByReading, kanaRow, compareReading } from '../../src/lib/sort.ts';

test('五十音順 by reading, katakana and hiragana alike', () => {
  const items = [
    { id: 'c', reading: 'きふくと', name: 'キフクト' },
    { id: 'a', reading: 'あるく', name: 'あるく' },
    { id: 'b', reading: 'ウンナン', name: 'うんなん' },
    { id: 'd', reading: 'がくどう', name: '学童' },
  ];
  expect(sortByReading(items).map((i) => i.id)).toEqual(['a', 'b', 'd', 'c']);
});

test('sorting does not depend on input order', () => {
  const items = [
    { id: 'x', reading: 'さんさん' },
    { id: 'y', reading: 'さんさん' },
  ];
  expect(sortByReading(items).map((i) => i.id)).toEqual(sortByReading([...items].reverse()).map((i) => i.id));
});

test('kana rows', () => {
  expect(kanaRow('あるく')).toBe('あ行');
  expect(kanaRow('ガクドウ')).toBe('か行');
  expect(kanaRow('ぷらすちっく')).toBe('は行');
  expect(kanaRow('わーい')).toBe('わ行');
  expect(kanaRow('TNG')).toBe('英数');
  expect(compareReading('か', 'が')).toBe(0);
});
