// A tiny static server for the demo page, on 127.0.0.1 only. No dependencies: `node serve.mjs`
// serves this folder (with the package copied into `pkg/` by scripts/demo) and prints the
// address; `serve({ root, port, routes })` does the same for the browser test, which adds a
// page or two in memory (`routes`: path → [content type, body]).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm', // what WebAssembly.instantiateStreaming insists on
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Starts serving `root`; resolves to the `http.Server` once it listens (port 0: any free). */
export function serve({ root, port = 0, routes = {} }) {
  const base = path.resolve(root);
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    let pathname = decodeURIComponent(url.pathname);
    if (routes[pathname]) {
      const [type, body] = routes[pathname];
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(base, `.${pathname}`);
    if (file !== base && !file.startsWith(base + path.sep)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const type = types[path.extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${pathname}`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.dirname(fileURLToPath(import.meta.url));
  const port = Number(process.env.PORT ?? process.argv[2] ?? 8765);
  const server = await serve({ root, port });
  const { port: actual } = server.address();
  console.log(`reseau demo: http://127.0.0.1:${actual}/  (Ctrl-C to stop)`);
}
