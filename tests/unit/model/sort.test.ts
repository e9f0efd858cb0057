/** 五十音順 by reading (src/lib/model/sort.ts). */
import { expect, test } from 'vitest';
import { sortByReading, compareReading } from '../../../src/lib/model/sort.ts';

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

test('voiced and unvoiced kana sort together', () => {
  expect(compareReading('か', 'が')).toBe(0);
});
