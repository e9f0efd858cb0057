/**
 * The middleware of rendered-pages.ts: during `astro build`, passes every
 * prerendered HTML page through the steps the integrations added, in their
 * order, and hands Astro the result to write. Other responses pass unchanged.
 */
import { defineMiddleware } from 'astro:middleware';
import { stepsOfThisBuild } from './rendered-pages.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const s = stepsOfThisBuild();
  if (!s || !context.isPrerendered || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  let html = await response.text();
  for (const { step } of s.steps) html = await step({ pathname: context.url.pathname, html });
  s.pages++;
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
