#!/usr/bin/env node
// A minimal HTTP front for pipeline.mjs, with the service's routes for the cases the server
// benchmark compares (bench/server/peer.sh): GET /api/pixabot/{id} (PNG; animated=true GIF,
// plus webp=true WebP) and GET /api/pixabot/{id}/frames. Like the service's origin it renders
// on every request and keeps no response cache (the service leaves caching to its CDN).
// A benchmark peer only, not a server to deploy. See README.md.
import http from 'node:http';
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { CATALOG, ENCODING_ORDER, LAYER_ORDER, FRAME_MS, decodeId, loadPack, render } from './pipeline.mjs';

const USAGE = `usage: server.mjs --pack DIR [--port 8080] [--host 127.0.0.1] [--threads N] [--workers 1]
  --port 0 picks a free port; the address is printed as "listening on http://HOST:PORT".
  --threads sets sharp.concurrency (libvips threads per image; default: sharp's own, one per core).
  --workers N runs N node:cluster processes sharing the port (default 1: one process).`;

const { values: v } = parseArgs({
  options: {
    pack: { type: 'string' },
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    threads: { type: 'string' },
    workers: { type: 'string', default: '1' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (v.help || !v.pack) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(v.help ? 0 : 2);
}
const workers = Math.max(1, Number(v.workers) || 1);

// The bounce table of SPEC.md, unrounded, for the frames JSON (pipeline.mjs keeps its own copy
// private and hands out rounded offsets).
const BOUNCE = [
  [0, 0, 0, 0], [0, 0, 0, 0], [0, 1, 1, 0], [1, 2, 2, 1],
  [2, 2, 2, 1], [2.5, 2, 2, 1], [2, 1, 1, 1], [1, 0, 0, 0],
];
const BLINK = [0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

function send(res, status, type, body, cacheable) {
  const headers = {
    'Content-Type': type,
    'Content-Length': body.length,
    'Access-Control-Allow-Origin': '*',
  };
  if (cacheable) headers['Cache-Control'] = CACHE_CONTROL;
  res.writeHead(status, headers);
  res.end(body);
}
const error = (res, status, message) =>
  send(res, status, 'application/json', Buffer.from(JSON.stringify({ error: message })), false);

// Number() as the service reads parameters: '' and absent mean the default.
function num(q, name, dflt) {
  const s = q.get(name);
  return s === null || s === '' ? dflt : Number(s);
}

function framesJson(id, origin) {
  const combo = decodeId(id);
  const parts = Object.fromEntries(ENCODING_ORDER.map((c) => [c, CATALOG[c][combo[c]]]));
  const frames = [];
  for (let t = 0; t < 16; t++) {
    const [top, heads, eyes, body] = BOUNCE[t % 8];
    const spriteIndex = {};
    for (const c of ['top', 'heads', 'eyes', 'body']) { // the service's key order
      const [, count, kind] = parts[c];
      const f = kind === 'blink' ? BLINK[t] : kind === 'sequence' ? t % count : 0;
      spriteIndex[c] = Math.min(f, count - 1);
    }
    frames.push({ tick: t, offsets: { top, heads, eyes, body }, spriteIndex });
  }
  const sprites = Object.fromEntries(ENCODING_ORDER.map((c) => {
    const [name, count, kind] = parts[c];
    return [c, { url: `${origin}/parts/${c}/${name}.png`, frames: count, kind }];
  }));
  return {
    id, combo, parts: Object.fromEntries(ENCODING_ORDER.map((c) => [c, parts[c][0]])),
    animVersion: 2, frameMs: FRAME_MS, loopLength: 16, layerOrder: LAYER_ORDER, nativeSize: 32,
    frames, sprites,
  };
}

async function handle(pack, origin, req, res) {
  const url = new URL(req.url, origin);
  if (req.method !== 'GET' && req.method !== 'HEAD') return error(res, 405, 'Method not allowed');
  if (url.pathname === '/healthz') return send(res, 200, 'text/plain', Buffer.from('ok\n'), false);
  const m = /^\/api\/pixabot\/([^/]+)(\/frames)?$/.exec(url.pathname);
  if (!m) return error(res, 404, 'Not found');
  const id = decodeURIComponent(m[1]).toLowerCase();
  try {
    decodeId(id);
  } catch {
    return error(res, 400, 'Invalid pixabot ID');
  }
  if (m[2]) {
    return send(res, 200, 'application/json', Buffer.from(JSON.stringify(framesJson(id, origin))), true);
  }
  const q = url.searchParams;
  const size = num(q, 'size', 128);
  if (!Number.isInteger(size) || size < 32 || size > 1920) {
    return error(res, 400, 'Invalid size. Must be an integer between 32 and 1920.');
  }
  const animated = q.get('animated') === 'true';
  const format = animated ? (q.get('webp') === 'true' ? 'webp' : 'gif') : 'png';
  const o = {
    size, format, animated,
    speed: num(q, 'speed', 1), hue: num(q, 'hue', 0), saturate: num(q, 'saturate', 1),
  };
  if (![o.speed, o.hue, o.saturate].every(Number.isFinite)) return error(res, 400, 'Invalid parameter');
  const bg = q.get('bg');
  if (bg) {
    if (!/^#?[0-9a-fA-F]{6}$/.test(bg)) return error(res, 400, 'Invalid bg');
    o.bg = `#${bg.replace('#', '').toLowerCase()}`;
  }
  const body = await render(pack, id, o); // every request renders: no response cache
  return send(res, 200, `image/${format}`, body, true);
}

async function serve() {
  if (v.threads !== undefined) sharp.concurrency(Number(v.threads));
  const pack = await loadPack(v.pack); // sheets decoded once, at start
  const server = http.createServer((req, res) => {
    handle(pack, server.origin, req, res).catch((e) => {
      if (!res.headersSent) error(res, 500, String(e?.message ?? e));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise((resolve) => server.listen(Number(v.port), v.host, resolve));
  const { port } = server.address();
  server.origin = `http://${v.host}:${port}`;
  return server;
}

function announce(port) {
  process.stdout.write(`listening on http://${v.host}:${port}  (${workers} process(es), sharp ` +
    `${sharp.versions.sharp}, libvips ${sharp.versions.vips}, sharp.concurrency ${v.threads ?? sharp.concurrency()})\n`);
}

const stop = () => process.exit(0);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

if (workers === 1) {
  const server = await serve();
  announce(server.address().port);
} else if (cluster.isPrimary) {
  // The workers share one listening socket; with --port 0 the primary picks the port once.
  let ready = 0;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('listening', (_worker, address) => {
    if (++ready === workers) announce(address.port);
  });
  cluster.on('exit', (_w, code) => {
    process.stderr.write(`server.mjs: a worker exited (${code})\n`);
    process.exit(1);
  });
  const stopAll = () => {
    cluster.removeAllListeners('exit');
    for (const w of Object.values(cluster.workers)) process.kill(w.process.pid, 'SIGTERM');
    process.exit(0);
  };
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  process.on('SIGTERM', stopAll);
  process.on('SIGINT', stopAll);
} else {
  process.on('disconnect', stop); // the primary is gone
  await serve();
}
