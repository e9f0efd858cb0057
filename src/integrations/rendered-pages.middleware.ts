/**
 * The middleware of rendered-pages.ts: during `astro build`, passes every
 * prerendered HTML page through the steps the integrations added, in their
 * order, then writes the result itself and hands Astro a response with no
 * body (Astro writes nothing for it); a page whose path it does not map is
 * handed to Astro to write. Other responses pass unchanged.
 */
import { defineMiddleware } from 'astro:middleware';
import { stepsOfThisBuild, writeRenderedPage } from './rendered-pages.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const s = stepsOfThisBuild();
  if (!s || !context.isPrerendered || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  let html = await response.text();
  for (const { step } of s.steps) html = await step({ pathname: context.url.pathname, html });
  s.pages++;
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  if (response.status === 200 && writeRenderedPage(context.url.pathname, html)) return new Response(null, init);
  return new Response(html, init);
});
