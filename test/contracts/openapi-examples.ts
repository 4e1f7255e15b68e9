import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** A parsed OpenAPI document, read only as far as the contract tests need. */
export type OpenApiDoc = { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };

export type ResponseExample = { path: string; status: number; name: string; body: unknown };

export function loadOpenApi(file: string): OpenApiDoc {
  return parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 }) as OpenApiDoc;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every inline response example of one operation: `content.<type>.example` and
 * each `content.<type>.examples.<name>.value`, for every status code.
 */
export function responseExamples(doc: OpenApiDoc, path: string, method = 'get'): ResponseExample[] {
  const op = doc.paths[path]?.[method];
  if (!op) throw new Error(`the spec has no ${method.toUpperCase()} ${path}`);
  const out: ResponseExample[] = [];
  for (const [code, response] of Object.entries(op.responses ?? {})) {
    const status = Number(code);
    if (!isRecord(response) || !isRecord(response.content)) continue;
    for (const media of Object.values(response.content)) {
      if (!isRecord(media)) continue;
      if ('example' in media) out.push({ path, status, name: `${code} example`, body: media.example });
      if (isRecord(media.examples)) {
        for (const [name, example] of Object.entries(media.examples)) {
          if (isRecord(example) && 'value' in example) out.push({ path, status, name: `${code} ${name}`, body: example.value });
        }
      }
    }
  }
  return out;
}

/** A fetch that answers one canned JSON body per request, as a CRM would. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
