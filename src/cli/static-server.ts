/**
 * A static file server for the built web app, on node:http. It serves the files under one root
 * directory and nothing else: GET and HEAD only, no directory listings, no writes, and a request
 * path is resolved only after it has been decoded once and checked segment by segment, so
 * `../`, `%2e%2e%2f`, `..%5c`, double-encoded `%252e%252e` and NUL bytes can never leave the root.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';

/** The app computes everything itself: no third-party origin, no inline script, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** A safe path segment: no dot-only names, no separators, no control characters. */
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * The file a URL path names, relative to the root, or null when the path is not a plain path to a
 * file under the root. The path is decoded exactly once; a `%` left after decoding (double encoding)
 * or any segment that is not a plain file name is refused.
 */
export function resolveRequestPath(urlPath: string): string | null {
  const pathOnly = urlPath.split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathOnly);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('%') || decoded.includes('\\')) return null;
  const segments = decoded.slice(1).split('/');
  const file = segments.at(-1) === '' ? [...segments.slice(0, -1), 'index.html'] : segments;
  if (!file.every((s) => SAFE_SEGMENT.test(s))) return null;
  return file.join('/');
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, head: boolean): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  });
  res.end(head ? undefined : body);
}

/** Reads `relative` under `root` if it is a regular file whose real path stays under the root. */
async function readUnderRoot(root: string, relative: string): Promise<Buffer | null> {
  try {
    const realRoot = await realpath(root);
    const real = await realpath(join(realRoot, relative));
    if (!real.startsWith(realRoot + sep)) return null;
    if (!(await stat(real)).isFile()) return null;
    return await readFile(real);
  } catch {
    return null;
  }
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'method not allowed\n', 'text/plain; charset=utf-8', head);
  }
  const relative = resolveRequestPath(req.url ?? '/');
  if (relative === null) return send(res, 400, 'bad path\n', 'text/plain; charset=utf-8', head);
  const body = await readUnderRoot(root, relative);
  if (body === null) return send(res, 404, 'not found\n', 'text/plain; charset=utf-8', head);
  send(res, 200, body, CONTENT_TYPES[extname(relative).toLowerCase()] ?? 'application/octet-stream', head);
}

/** An http.Server serving the files under `root` (call `listen` on it). */
export function createStaticServer(root: string): Server {
  return createServer((req, res) => {
    handle(root, req, res).catch(() => send(res, 500, 'internal error\n', 'text/plain; charset=utf-8', false));
  });
}
