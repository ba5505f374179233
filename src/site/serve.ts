// The server of `planc preview`: the built site as a static folder under its base path
// (sirv for the files), every HTML page with the preview's script added (preview-client.ts),
// and the events that script listens to, as Server-Sent Events. The folder is read at each
// request, so a rebuild that swaps it in is served at once. On the loopback address only
// requests that name a loopback host are answered: a page elsewhere cannot reach the
// server through a DNS name it rebinds to 127.0.0.1.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import sirv from 'sirv';
import { isWithin } from '../util/paths.ts';
import { previewClientScript, type PreviewReload, type PreviewState } from './preview-client.ts';

export interface ServeOptions {
  /** The site's folder (it may not be there yet: the first build is under way). */
  folder: string;
  /** The base path the site is built for: `/` or `/a/b/`. */
  base: string;
  host: string;
  /** 0 for any free port. */
  port: number;
  /** Fail when the port is taken, instead of trying the next ones. */
  strictPort: boolean;
}

export interface PreviewServer {
  /** The port it listens on. */
  readonly port: number;
  /** The site's address: `http://127.0.0.1:4321/`. */
  readonly url: string;
  /** Pages connected to the events now. */
  readonly connections: number;
  /** Tells every open page (and each page that opens later) the site's state. */
  state(state: PreviewState): void;
  /** Tells every open page which pages a rebuild changed. */
  reload(reload: PreviewReload): void;
  /** Stops listening and ends the open connections. */
  close(): Promise<void>;
}

/** A port taken, or an address that cannot be listened on: the caller says so as a usage error. */
export class ListenError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** How many ports after the default are tried when it is taken. */
const PORTS_TRIED = 20;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export async function startPreviewServer(options: ServeOptions): Promise<PreviewServer> {
  const { folder, base } = options;
  const events = new Set<ServerResponse>();
  let current: PreviewState = { building: true, problems: [] };
  const files = sirv(folder, { dev: true, dotfiles: false, extensions: [], onNoMatch: (request, response) => notFound(request, response) });
  const loopbackOnly = LOOPBACK.has(options.host);

  const page = (response: ServerResponse, status: number, html: string, served: string, method: string) => {
    // Before </head>, so that it runs as soon as the page is parsed.
    const script = `<script>${previewClientScript({ base, served })}</script>`;
    const at = html.search(/<\/head>/i);
    const body = at === -1 ? script + html : html.slice(0, at) + script + html.slice(at);
    response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(method === 'HEAD' ? undefined : body);
  };

  const notFound = (request: IncomingMessage, response: ServerResponse) => {
    const missing = join(folder, '404.html');
    if (existsSync(missing)) return page(response, 404, readFileSync(missing, 'utf8'), '404.html', request.method ?? 'GET');
    if (!existsSync(folder)) return page(response, 503, BUILDING, 'building', request.method ?? 'GET');
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return void response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    const hostname = /^(\[[^\]]*\]|[^:]*)/.exec(request.headers.host ?? '')?.[1]?.toLowerCase() ?? '';
    if (loopbackOnly && !LOOPBACK.has(hostname)) {
      return void response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('planc preview answers on localhost only (start it with --host to be reached otherwise)\n');
    }
    const url = new URL(request.url ?? '/', 'http://preview');
    if (url.pathname === `${base}_planc/preview/events`) return listen(response);
    if (!url.pathname.startsWith(base)) {
      // The address without the base (or without its last slash) leads to the site.
      if (`${url.pathname}/` === base || url.pathname === '/') return void response.writeHead(302, { Location: base }).end();
      return void response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not found: the site is at ${base}\n`);
    }
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname.slice(base.length));
    } catch {
      return void response.writeHead(400).end();
    }
    const target = normalize(join(folder, rel));
    if (rel.includes('\0') || !isWithin(target, folder) || rel.split('/').some((part) => part.startsWith('.'))) return notFound(request, response);
    const html = rel === '' || rel.endsWith('/') ? join(target, 'index.html') : rel.endsWith('.html') ? target : undefined;
    if (html !== undefined) {
      if (!isFile(html)) return notFound(request, response);
      return page(response, 200, readFileSync(html, 'utf8'), rel.replace(/index\.html$/, ''), method);
    }
    // Astro's pages are folders: /plans/x is /plans/x/.
    if (extname(rel) === '' && isFile(join(target, 'index.html'))) return void response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
    request.url = `/${rel}`;
    files(request, response);
  };

  const listen = (response: ServerResponse) => {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    // A page whose connection dropped (the server restarted) tries again after a second.
    response.write(`retry: 1000\n\n${message('state', current)}`);
    events.add(response);
    response.on('close', () => events.delete(response));
  };

  const server: Server = createServer(handle);
  const port = await listenOn(server, options);
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    port,
    url: `http://${shownHost}:${port}${base}`,
    get connections() {
      return events.size;
    },
    state(state) {
      current = state;
      for (const response of events) response.write(message('state', state));
    },
    reload(reload) {
      for (const response of events) response.write(message('reload', reload));
    },
    close: () =>
      new Promise<void>((done) => {
        for (const response of events) response.end();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** One event of the stream: JSON holds no raw line break, so its data is one line. */
function message(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** Listens on the port asked for, or, unless it must be that one, the next free one. */
async function listenOn(server: Server, options: ServeOptions): Promise<number> {
  const last = options.strictPort || options.port === 0 ? options.port : Math.min(65_535, options.port + PORTS_TRIED - 1);
  for (let port = options.port; ; port++) {
    try {
      await new Promise<void>((done, fail) => {
        server.once('error', fail);
        server.listen(port, options.host, () => {
          server.off('error', fail);
          done();
        });
      });
      return (server.address() as AddressInfo).port;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
      if (code === 'EADDRINUSE' && port < last) continue;
      const range = port === options.port ? `port ${port}` : `ports ${options.port} to ${port}`;
      throw new ListenError(code, code === 'EADDRINUSE' ? `${range} ${port === options.port ? 'is' : 'are'} in use` : `cannot listen on ${options.host}:${port} (${code})`);
    }
  }
}

/** What a page shows before the first build is done; the preview's script reloads it then. */
const BUILDING = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Building the site…</title>
<style>body{font:16px/1.5 system-ui,sans-serif;display:grid;place-items:center;height:90vh;color:#334155}</style></head>
<body><p>planc is building the site; this page reloads when it is ready.</p></body></html>`;
