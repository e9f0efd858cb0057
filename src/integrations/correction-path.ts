/**
 * A deploy build (SITE_URL set) stops before anything is built when readers would have nowhere to send a correction:
 * neither REPO_URL (the issue form) nor CONTACT_EMAIL is set. Local builds and `astro dev` are not affected.
 */
import type { AstroIntegration } from 'astro';
import { correctionPathProblem } from '../lib/model/site.ts';

/** The build hook; the rule itself is `correctionPathProblem` (src/lib/model/site.ts). */
export default function correctionPath(): AstroIntegration {
  return {
    name: 'roukyou-atlas:correction-path',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        const problem = correctionPathProblem(process.env);
        if (problem) throw new Error(problem);
      },
    },
  };
}
