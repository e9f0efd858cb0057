/**
 * `npm run edit`: the site's CMS (Decap CMS, the same page, bundle and
 * configuration as /admin/) on the working tree, for a maintainer. One
 * server on 127.0.0.1 serves /admin/ and, at /api/v1, decap-server's local
 * file-system backend (`registerLocalFs`, Decap's documented way to run it
 * inside another server): Decap reads content/ from disk and Publish writes
 * the file straight into it — no commit, no pull request (decap-server
 * offers only Decap's simple workflow). Review with `git diff`, then
 * `npm run check:data`.
 *
 * Nothing but this machine can reach it: it listens on 127.0.0.1 only,
 * answers only requests addressed to 127.0.0.1 or localhost at its port (a
 * web page cannot rebind a name of its own to it), and sends /admin/'s own
 * Content-Security-Policy. PORT (default 4322) and CONTENT_DIR (another
 * content folder, e.g. a copy; the folder above it is the tree decap-server
 * works in) change where.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { contentDir, readContent } from '../src/content/files.ts';
import { adminCspHeader } from '../src/lib/publish/csp.ts';
import { bodyOptions, cmsConfigYaml, cmsSettingsFrom, type BodyChoice } from '../src/lib/publish/cms/config.ts';
import { decapDist, isServedDecapFile } from '../src/lib/publish/cms/decap.ts';
import { adminPage } from '../src/lib/publish/cms/page.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** The part of an Express application used here (Express comes with decap-server, which registers its routes on one). */
interface ExpressApp {
  (req: IncomingMessage, res: ServerResponse): void;
  use(handler: Handler): void;
  use(path: string, handler: Handler): void;
  get(path: string, handler: (req: IncomingMessage, res: ServerResponse) => void): void;
  disable(setting: string): void;
}

/** decap-server's entry for running its backend inside another Express server. */
interface DecapServer {
  registerLocalFs(app: ExpressApp, options?: { logLevel?: string }): Promise<void>;
}

/** A running editor. */
export interface Editor {
  server: Server;
  /** The CMS's page, e.g. http://127.0.0.1:4322/admin/. */
  url: string;
}

/** Public bodies a reference may name: every body of the official list and the hand-kept files, read from `content`. */
function bodiesIn(content: string): BodyChoice[] {
  const { entries } = readContent(content, dirname(content));
  return entries
    .filter((e) => e.collection === 'municipalities')
    .map((e) => ({ ...(e.data as Omit<BodyChoice, 'id'>), id: e.id }));
}

/** Starts the editor for the content folder `content` on 127.0.0.1:`port` (0 = any free port). */
export async function startEditor(content: string, port: number): Promise<Editor> {
  const root = dirname(content);
  // decap-server reads the tree it works in from here when its routes are registered.
  process.env.GIT_REPO_DIRECTORY = root;
  // Express as decap-server itself resolves it: the version its routes are written for.
  const fromDecap = createRequire(createRequire(import.meta.url).resolve('decap-server/package.json'));
  const express = fromDecap('express') as () => ExpressApp;
  const decapServer = fromDecap('./dist/middlewares.js') as DecapServer;
  const app = express();
  app.disable('x-powered-by');
  const allowedHosts = new Set<string>();
  app.use((req, res, next) => {
    if (allowedHosts.has(req.headers.host ?? '')) return next();
    res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('misdirected request\n');
  });
  await decapServer.registerLocalFs(app, { logLevel: process.env.LOG_LEVEL ?? 'info' });
  const bodies = bodyOptions(bodiesIn(content));
  const settings = cmsSettingsFrom(process.env);
  const withPolicy = (res: ServerResponse) => {
    res.setHeader('Content-Security-Policy', adminCspHeader());
    res.setHeader('X-Content-Type-Options', 'nosniff');
  };
  app.get('/', (_req, res) => void res.writeHead(302, { location: '/admin/' }).end());
  app.get('/admin/', (_req, res) => {
    withPolicy(res);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(adminPage({ base: '/', enabled: true }));
  });
  app.get('/admin/config.yml', (req, res) => {
    withPolicy(res);
    const yaml = cmsConfigYaml({
      ...settings,
      bodies,
      contentFolder: basename(content),
      // The page's own origin: the same host name the browser used, so the policy's connect-src 'self' covers it.
      localBackendUrl: `http://${req.headers.host}/api/v1`,
    });
    res.writeHead(200, { 'content-type': 'text/yaml; charset=utf-8' }).end(yaml);
  });
  const bundle = sirv(decapDist(), { dev: false, dotfiles: false });
  app.use('/admin/decap', (req, res, next) => {
    if (!isServedDecapFile(basename((req.url ?? '').split('?')[0]!))) return next();
    withPolicy(res);
    bundle(req, res, next);
  });
  const server = createServer(app);
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const actual = (server.address() as { port: number }).port;
  for (const host of ['127.0.0.1', 'localhost']) allowedHosts.add(`${host}:${actual}`);
  return { server, url: `http://127.0.0.1:${actual}/admin/` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const content = contentDir();
  const { url } = await startEditor(content, Number(process.env.PORT ?? 4322));
  console.log(`編集画面: ${url}`);
  console.log(
    `${content} のファイルを直接書き換えます。確かめるには git diff と npm run check:data を使います（Ctrl+C で停止）`,
  );
}
