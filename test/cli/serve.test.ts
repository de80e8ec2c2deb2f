/**
 * The static server behind `scaleplan serve`: it serves the app's files and nothing else. Raw
 * request paths (sent without URL normalisation) try every way out of the root we know of.
 */
import { request, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createStaticServer, resolveRequestPath } from '../../src/cli/static-server.js';

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

let dir: string;
let server: Server;
let port: number;

/** GET with the path sent byte for byte (no client-side normalisation of `..` or escapes). */
function get(path: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scaleplan-serve-'));
  mkdirSync(join(dir, 'root', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'root', 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dir, 'root', 'assets', 'app-1.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  server = createStaticServer(join(dir, 'root'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('server not listening on a port');
  port = address.port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('createStaticServer', () => {
  it('serves index.html at / with a Content-Security-Policy and nosniff', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>app</title>');
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves an asset with its JavaScript type; a missing file is 404', async () => {
    expect((await get('/assets/app-1.js')).headers['content-type']).toMatch(/^text\/javascript/);
    expect((await get('/assets/nope.js')).status).toBe(404);
    expect((await get('/assets/')).status).toBe(404);
  });

  const ESCAPES = [
    '/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt', '/..%5csecret.txt', '/..\\secret.txt', '/assets/..%5c..%5csecret.txt', '/%252e%252e%252fsecret.txt',
    '/%252e%252e/secret.txt', '/.%2e/secret.txt', '/%c0%ae%c0%ae/secret.txt', '/assets%2f..%2f..%2fsecret.txt',
    '/%2fetc%2fpasswd', '//etc/passwd', '/index.html%00.js', '/.%00./secret.txt', '/%', '/....//secret.txt',
  ];
  it.each(ESCAPES)('refuses %s without serving a byte outside the root', async (path) => {
    const r = await get(path);
    expect([400, 404]).toContain(r.status);
    expect(r.body).not.toContain('SECRET');
    expect(r.body).not.toContain('root:');
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('/', 'POST')).status).toBe(405);
    expect((await get('/', 'PUT')).status).toBe(405);
    const head = await get('/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});

describe('resolveRequestPath', () => {
  it('maps / to index.html and keeps plain paths', () => {
    expect(resolveRequestPath('/')).toBe('index.html');
    expect(resolveRequestPath('/assets/a-B_1.js?x=1#y')).toBe('assets/a-B_1.js');
  });
  it('refuses dot segments, backslashes, double encoding and hidden files', () => {
    for (const p of ['/..', '/a/../b', '/%2e%2e', '/a%5cb', '/%252e', '/.env', '/a//b', '/%zz']) expect(resolveRequestPath(p), p).toBeNull();
  });
});
