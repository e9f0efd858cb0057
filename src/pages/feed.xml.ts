/** /feed.xml: an Atom feed of organisations and contracts, newest source date first. */
import type { APIRoute } from 'astro';
import { feedResponse } from './feed/_respond.ts';

export const GET: APIRoute = ({ site }) => feedResponse(undefined, site);
