// The test page's server: loopback only, an ephemeral port, and nothing but
// the routes run.mjs hands it (no file system behind it).
import { createServer } from 'node:http';

/** routes: Map of path -> { type, body }. Paths asked for and not there land in `missed`. */
export async function serve(routes) {
  const missed = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    const route = request.method === 'GET' ? routes.get(path) : undefined;
    if (!route) {
      missed.push(`${request.method} ${request.url}`);
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    missed,
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}
