/**
 * `npm run check:dist`: the gate before a deploy uploads dist/ (or $DIST_DIR,
 * or the folder given as argument). Exits 1, saying why, unless the folder is
 * a whole build of this project: its completion marker is there (written last
 * by src/integrations/whole-build.ts), the file count matches it, no link is
 * inside, and — when BASE_PATH is set — it was built for that base path.
 */
import { resolve } from 'node:path';
import { checkWholeBuild } from '../src/integrations/build-marker.ts';

const root = resolve(process.argv[2] ?? process.env.DIST_DIR ?? 'dist');
const verdict = checkWholeBuild(root, process.env.BASE_PATH || undefined);
if (!verdict.ok) {
  console.error(`npm run check:dist: ${verdict.reason}`);
  process.exit(1);
}
console.log(`${root}: 完成したビルドです（${verdict.marker.files}ファイル、BASE_PATH=${verdict.marker.base}）`);
