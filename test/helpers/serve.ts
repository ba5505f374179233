// A static server for a built site, under its base path (as GitHub Pages serves it):
// everything outside the base, and every missing file, is a 404 the tests can see.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface Served {
  /** The site's address, ending with the base path. */
  url: string;
  close(): Promise<void>;
}

export async function serve(folder: string, base = '/'): Promise<Served> {
  const files = sirv(folder, { dev: false, etag: false, dotfiles: false });
  const server: Server = createServer((request, response) => {
    const notFound = () => {
      response.statusCode = 404;
      response.end('not found');
    };
    const url = request.url ?? '/';
    if (!url.startsWith(base)) return notFound();
    request.url = `/${url.slice(base.length)}`;
    files(request, response, notFound);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
