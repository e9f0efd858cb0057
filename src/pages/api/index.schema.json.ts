/** /api/index.schema.json: the JSON Schema of /api/index.json. */
import type { APIRoute } from 'astro';
import { rootSchema, toJsonText } from '../../lib/publish/api.ts';
import { jsonResponse } from '../data/_respond.ts';

export const GET: APIRoute = () => jsonResponse(toJsonText(rootSchema()));
