// The playground's HTTP server (node:http, bound to 127.0.0.1): the page, the real sidebar page, and a small JSON API.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ActionResult,
  BookView,
  EditRequest,
  FileState,
  MenuRequest,
  RunResult,
} from '../../contract/playground-protocol';
import { XLSX_MAX_COLUMNS, XLSX_MAX_ROWS } from '../xlsx-limits';

/** What the HTTP layer serves; the wiring of the use cases lives behind it (playground.ts). */
export interface PlaygroundBackend {
  view(): BookView;
  /** Whether the file holds every change yet (the page asks while a write is pending or failed). */
  fileState(): FileState;
  edit(request: EditRequest): Promise<ActionResult>;
  menu(request: MenuRequest): Promise<ActionResult>;
  run(name: string, args: unknown[]): Promise<RunResult>;
}

/** The pages, read from the build (dist-node/playground.html, dist/sidebar.html). */
export interface Pages {
  playground(): string;
  sidebar(): string;
}

const MAX_BODY = 1024 * 1024;

/**
 * The sidebar page's google.script.run comes from the playground page around it (same origin), as Apps
 * Script's comes from its host page. The built sidebar itself is served unchanged below this line.
 */
const SHIM =
  '<script>(function(){var p=window.parent;if(p!==window&&p.visitLedgerPlayground)' +
  '{window.google={script:{run:p.visitLedgerPlayground.scriptRun()}};}})();</script>';

/** The built sidebar page with the google.script.run shim as the first thing in <head>. */
export function sidebarWithShim(html: string): string {
  const at = html.search(/<head[^>]*>/i);
  if (at < 0) return SHIM + html;
  const end = html.indexOf('>', at) + 1;
  return html.slice(0, end) + SHIM + html.slice(end);
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      reject(new HttpError(415, 'JSON only'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'Request too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
      } catch {
        reject(new HttpError(400, 'Bad JSON'));
      }
    });
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

const json = (res: http.ServerResponse, value: unknown, status = 200) =>
  send(res, status, 'application/json', JSON.stringify(value));

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function editRequest(body: unknown): EditRequest {
  if (
    isObject(body) &&
    typeof body.sheet === 'string' &&
    Number.isInteger(body.row) &&
    Number.isInteger(body.col) &&
    (body.row as number) >= 1 &&
    (body.row as number) <= XLSX_MAX_ROWS &&
    (body.col as number) >= 0 &&
    (body.col as number) < XLSX_MAX_COLUMNS &&
    typeof body.text === 'string'
  )
    return { sheet: body.sheet, row: body.row as number, col: body.col as number, text: body.text };
  throw new HttpError(400, 'Expected { sheet, row, col, text }');
}

function menuRequest(body: unknown): MenuRequest {
  if (isObject(body) && typeof body.action === 'string')
    return {
      action: body.action as MenuRequest['action'],
      ...(typeof body.month === 'string' ? { month: body.month } : {}),
      ...(typeof body.day === 'string' ? { day: body.day } : {}),
      ...(typeof body.semester === 'string' ? { semester: body.semester } : {}),
      ...(isObject(body.cell) && typeof body.cell.sheet === 'string' && Number.isInteger(body.cell.row)
        ? { cell: { sheet: body.cell.sheet, row: body.cell.row as number } }
        : {}),
      ...(typeof body.restore === 'string' ? { restore: body.restore } : {}),
      ...(body.confirmed === true ? { confirmed: true } : {}),
    };
  throw new HttpError(400, 'Expected { action }');
}

/** Only this machine's names: a page of another site, or a rebound DNS name, gets nothing. */
function localHost(req: http.IncomingMessage): boolean {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

async function route(
  backend: PlaygroundBackend,
  pages: Pages,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
  const path = url.pathname;
  if (method === 'GET' && (path === '/' || path === '/index.html'))
    return send(res, 200, 'text/html', pages.playground());
  if (method === 'GET' && path === '/sidebar.html')
    return send(res, 200, 'text/html', sidebarWithShim(pages.sidebar()));
  if (method === 'GET' && path === '/api/book') return json(res, backend.view());
  if (method === 'GET' && path === '/api/file') return json(res, backend.fileState());
  if (method === 'POST' && path === '/api/edit')
    return json(res, await backend.edit(editRequest(await readBody(req))));
  if (method === 'POST' && path === '/api/menu')
    return json(res, await backend.menu(menuRequest(await readBody(req))));
  const run = /^\/api\/run\/([A-Za-z_$][\w$]*)$/.exec(path);
  if (method === 'POST' && run) {
    const body = await readBody(req);
    if (!Array.isArray(body)) throw new HttpError(400, 'Expected the arguments as a JSON array');
    return json(res, await backend.run(run[1] ?? '', body));
  }
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  throw new HttpError(404, 'Not found');
}

/**
 * Whether a request that changes something comes from the playground's own page: a browser names the page's
 * origin on every POST, and another site's page (or a page opened from a file, Origin: null) is refused. A
 * request with no Origin comes from no browser page (a script, a test), which no other site can forge.
 */
function sameOrigin(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return req.headers['sec-fetch-site'] !== 'cross-site';
  return origin.toLowerCase() === `http://${(req.headers.host ?? '').toLowerCase()}`;
}

/** Every answer: never inside another site's frame (the sidebar is framed by the playground's own page). */
const FRAMING_HEADERS = {
  'x-frame-options': 'SAMEORIGIN',
  'content-security-policy': "frame-ancestors 'self'",
};

/** A server that answers the playground's requests (not yet listening). */
export function playgroundServer(backend: PlaygroundBackend, pages: Pages): http.Server {
  return http.createServer((req, res) => {
    for (const [name, value] of Object.entries(FRAMING_HEADERS)) res.setHeader(name, value);
    if (!localHost(req)) {
      send(res, 403, 'text/plain', 'The playground answers localhost only.');
      return;
    }
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD' && !sameOrigin(req)) {
      send(res, 403, 'text/plain', 'The playground takes changes from its own page only.');
      return;
    }
    route(backend, pages, req, res).catch((error: unknown) => {
      // HttpError, and a use case's refusal (ActionFailed), carry their status; anything else is a fault.
      const status = (error as { status?: unknown }).status;
      const code = typeof status === 'number' ? status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (code === 500) console.error(error);
      if (!res.headersSent) json(res, { error: message }, code);
      else res.end();
    });
  });
}

/** Listens on 127.0.0.1:port; rejects with the listen error (EADDRINUSE when another program has the port). */
export function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
