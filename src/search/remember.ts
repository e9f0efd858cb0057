/** The search code's memo: the one of src/lib/model/remember.ts (the build's views use it too). */
export { remembering } from '../lib/model/remember.ts';
