/**
 * A response a CRM vendor documents, kept as a contract fixture: where it is
 * published (URL and section), the status and headers it comes with, and the
 * body as published. Tests serve it to the adapter and check what it maps to.
 */
export type DocumentedExample = {
  source: string;
  status: number;
  headers?: Record<string, string>;
  body: unknown;
};

/** The example as a fetch answer. */
export function answer(example: DocumentedExample): Response {
  return new Response(JSON.stringify(example.body), { status: example.status, headers: { 'content-type': 'application/json', ...example.headers } });
}
