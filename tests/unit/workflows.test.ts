/**
 * The GitHub Actions workflows (.github/workflows/): every file validates
 * against the workflow schema (@action-validator/core: the SchemaStore
 * `github-workflow` schema, compiled to WebAssembly, offline), broken
 * fixtures are refused (so a broken workflow fails npm test), and each
 * workflow does what README's Deploy section says.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { parse as parseYaml } from 'yaml';

const DIR = '.github/workflows';
const FIXTURES = 'tests/fixtures/workflows';
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const workflow = (name: string) => parseYaml(readFileSync(join(DIR, name), 'utf8')) as Record<string, any>;
const steps = (wf: Record<string, any>) =>
  Object.values(wf.jobs as Record<string, { steps?: Array<Record<string, any>> }>).flatMap((j) => j.steps ?? []);

test('the three workflows exist', () => {
  expect(files.sort()).toEqual(['ci.yml', 'deploy.yml', 'registry.yml']);
});

test.each(files)('%s validates against the workflow schema', (name) => {
  expect(validateWorkflow(readFileSync(join(DIR, name), 'utf8')).errors).toEqual([]);
});

test.each(readdirSync(FIXTURES).filter((f) => f.endsWith('.yml')))('the broken fixture %s is refused', (name) => {
  expect(validateWorkflow(readFileSync(join(FIXTURES, name), 'utf8')).errors.length).toBeGreaterThan(0);
});

describe('what each workflow does', () => {
  test('every action is pinned to a major version', () => {
    for (const name of files)
      for (const step of steps(workflow(name)).filter((s) => s.uses))
        expect(step.uses, `${name}: ${step.uses}`).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
  });

  test('registry.yml: monthly and on demand; the secret reaches only the refresh; a pull request only when content/ changed', () => {
    const wf = workflow('registry.yml');
    expect(wf.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \d+ \* \*$/) }]);
    expect(wf.on).toHaveProperty('workflow_dispatch');
    const all = steps(wf);
    const refresh = all.find((s) => /npm run --silent refresh:registry/.test(s.run ?? ''))!;
    expect(refresh.env).toEqual({ HOUJIN_APP_ID: '${{ secrets.HOUJIN_APP_ID }}' });
    expect(readFileSync(join(DIR, 'registry.yml'), 'utf8').match(/secrets\./g)).toHaveLength(1);
    const order = ['npm install', 'refresh:registry', 'npm run check:data', 'peter-evans/create-pull-request'];
    const at = order.map((what) => all.findIndex((s) => (s.run ?? s.uses ?? '').includes(what)));
    expect(at.every((i) => i >= 0) && at.every((i, k) => k === 0 || i > at[k - 1]!), String(at)).toBe(true);
    const pr = all.find((s) => s.uses?.startsWith('peter-evans/create-pull-request'))!;
    expect(pr.if).toBe("steps.changes.outputs.changed == 'true'");
    expect(pr.with).toMatchObject({ 'add-paths': 'content', 'body-path': '${{ runner.temp }}/registry-pr.md' });
  });

  test('deploy.yml: on push to main, builds with SITE_URL and REPO_URL from repository variables, deploys to Pages', () => {
    const wf = workflow('deploy.yml');
    expect(wf.on.push).toEqual({ branches: ['main'] });
    expect(wf.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(wf.concurrency).toBeDefined();
    const all = steps(wf);
    const build = all.find((s) => s.run === 'npm run build')!;
    expect(build.env.SITE_URL).toContain('vars.SITE_URL');
    expect(build.env.REPO_URL).toContain('vars.REPO_URL');
    for (const action of ['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages'])
      expect(
        all.some((s) => s.uses?.startsWith(`${action}@`)),
        action,
      ).toBe(true);
    // Only a whole build is uploaded: check:dist runs after the build and before the upload, for the same base path.
    const at = (pred: (s: Record<string, any>) => boolean) => all.findIndex(pred);
    const gate = at((s) => s.run === 'npm run check:dist');
    expect(gate).toBeGreaterThan(at((s) => s.run === 'npm run build'));
    expect(gate).toBeLessThan(at((s) => String(s.uses).startsWith('actions/upload-pages-artifact@')));
    expect(all[gate]!.env.BASE_PATH).toBe(build.env.BASE_PATH);
  });

  test('ci.yml runs .ci/run', () => {
    expect(steps(workflow('ci.yml')).some((s) => s.run === 'bash .ci/run')).toBe(true);
  });
});
