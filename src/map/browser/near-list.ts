/**
 * Writes a near-me answer into <near-me>'s result area, in the words of the
 * place pages (src/components/NearestCoops.astro, texts from
 * src/lib/places/nearby.ts): a heading naming the point, the list within the
 * radius or the nearest beyond it, how many more share the last distance,
 * and a note on the place's own organisations. Returns the sentence the live
 * region announces. With no answer, clears the area.
 */
import type { MapPin } from '../pins.ts';
import { PRECISION_LABELS } from '../precision.ts';
import { formatKm } from '../../lib/places/nearest.ts';
import { moreAtCutText, noneWithinText, type Nearby, type NearbyEntry } from '../../lib/places/nearby.ts';

/** What to show: the answer, the point's label (「現在地」「横浜市の代表点（…）」), the site's base path. */
export interface NearAnswer {
  near: Nearby<MapPin>;
  label: string;
  base: string;
  /** The picked place's own organisations, left out of the list: how many, and the place page that lists them. */
  own?: { count: number; name: string; page: string };
}

function link(entry: NearbyEntry<MapPin>, base: string): HTMLAnchorElement {
  const p = entry.item.properties;
  const a = document.createElement('a');
  a.href = `${base}${p.page}`;
  a.textContent = p.name;
  a.dataset.nearId = p.id;
  a.dataset.km = entry.km.toFixed(3);
  return a;
}

function item(entry: NearbyEntry<MapPin>, base: string): HTMLLIElement {
  const p = entry.item.properties;
  const li = document.createElement('li');
  li.dataset.nearId = p.id;
  li.dataset.km = entry.km.toFixed(3);
  const a = link(entry, base);
  delete a.dataset.nearId;
  delete a.dataset.km;
  const dist = document.createElement('span');
  dist.className = 'km';
  dist.textContent = formatKm(entry.km);
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.textContent = `${p.placeName}・位置: ${PRECISION_LABELS[p.precision]}`;
  li.append(a, dist, meta);
  return li;
}

/** Shows `answer` in `root` (or clears it) and returns the status sentence. */
export function renderNearby(root: HTMLElement, answer: NearAnswer | undefined): string {
  const heading = root.querySelector<HTMLElement>('[data-near-heading]');
  const list = root.querySelector<HTMLOListElement>('[data-near-list]');
  const more = root.querySelector<HTMLElement>('[data-near-more]');
  const beyond = root.querySelector<HTMLElement>('[data-near-beyond]');
  const own = root.querySelector<HTMLElement>('[data-near-own]');
  list?.replaceChildren();
  for (const el of [heading, more, beyond, own]) if (el) el.hidden = true;
  if (!answer) return '';
  const { near, label, base } = answer;
  if (heading) {
    heading.textContent = `${label}から近い団体（${near.radiusKm}km以内）`;
    heading.hidden = false;
  }
  if (answer.own && answer.own.count > 0 && own) {
    const a = document.createElement('a');
    a.href = `${base}${answer.own.page}`;
    a.textContent = `${answer.own.name}のページ`;
    own.replaceChildren(
      `${answer.own.name}に所在する${answer.own.count}団体は含めていません（`,
      a,
      'に載っています）。',
    );
    own.hidden = false;
  }
  const last = near.within.at(-1) ?? near.beyond.at(-1);
  if (more && last && near.moreAtCut > 0) {
    more.textContent = moreAtCutText(near.moreAtCut, last.km);
    more.hidden = false;
  }
  if (near.within.length > 0) {
    list?.replaceChildren(...near.within.map((n) => item(n, base)));
    const first = near.within[0]!;
    return `${label}から${near.radiusKm}km以内の${near.within.length}団体を、直線距離で近い順に表示しました。いちばん近いのは${first.item.properties.name}（${formatKm(first.km)}）です。`;
  }
  const first = near.beyond[0];
  if (!first) return '位置のわかる団体がありません。';
  const names = near.beyond.flatMap((n, i) => (i > 0 ? ['、', link(n, base)] : [link(n, base)]));
  if (beyond) {
    beyond.replaceChildren(noneWithinText(near.radiusKm), '最も近いのは', ...names, `（${formatKm(first.km)}）です。`);
    beyond.hidden = false;
  }
  return `${label}から${noneWithinText(near.radiusKm)}最も近いのは${near.beyond.map((n) => n.item.properties.name).join('、')}（${formatKm(first.km)}）です。`;
}
