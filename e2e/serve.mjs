// A plain static file server for the release `dist/`, mounted under a sub-path
// (default `/portal/plan/`) the way a portal would host it. No dependencies.
//
// As a module: `const server = await startServer({ root, base, port })`, then
// `server.url` (ends with the base) and `await server.close()`.
// As a command: `node e2e/serve.mjs [--root dist] [--base /portal/plan/] [--port 0] [--compress]`.
//
// With `compress: true` (`--compress`) it answers the way nginx with `gzip_static` and
// `brotli_static` does: brotli or gzip by the request's Accept-Encoding, from the `.br`
// or `.gz` file beside the requested one (made in memory, once, where there is none).
//
// With `trickle: { bytes, ms }` the HTML pages are sent as they are, `bytes` at a time
// with a pause of `ms` between the pieces, the way a slow link delivers a page: the
// browser parses, and may paint, a page it has only in part (e2e/prerender.test.mjs).

import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Content types for everything Trunk puts in `dist/`. */
export const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".geojson": "application/geo+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".webmanifest": "application/manifest+json",
  ".woff2": "font/woff2",
};

/**
 * Starts the server. `root` is the folder to serve, `base` the sub-path it is
 * mounted at (leading and trailing slash), `port` 0 for a free port.
 * `headers` are added to every file response (e.g. a Content-Security-Policy).
 */
export function startServer({
  root = "dist",
  base = "/portal/plan/",
  port = 0,
  host = "127.0.0.1",
  headers = {},
  compress = false,
  trickle = null,
} = {}) {
  const rootDir = resolve(root);
  if (!base.startsWith("/") || !base.endsWith("/")) throw new Error(`base must start and end with '/': ${base}`);
  const bareBase = base.slice(0, -1);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    const send = (status, body, extra = {}) => {
      res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...extra });
      res.end(req.method === "HEAD" ? undefined : body);
    };

    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "method not allowed\n", { Allow: "GET, HEAD" });
    if (url.pathname === bareBase) return send(301, "moved\n", { Location: base + url.search });
    if (!url.pathname.startsWith(base)) return send(404, "not found\n");

    let rel;
    try {
      rel = decodeURIComponent(url.pathname.slice(base.length));
    } catch {
      return send(400, "bad request\n");
    }
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    const file = join(rootDir, rel);
    if (file !== rootDir && !file.startsWith(rootDir + sep)) return send(404, "not found\n");

    let info;
    try {
      info = await stat(file);
    } catch {
      return send(404, "not found\n");
    }
    if (!info.isFile()) return send(404, "not found\n");

    const type = MIME_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
    if (trickle && type.startsWith("text/html") && req.method === "GET") {
      const body = await readFile(file);
      res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff", ...headers });
      for (let at = 0; at < body.length && !res.destroyed; at += trickle.bytes) {
        if (at > 0) await new Promise((resume) => setTimeout(resume, trickle.ms));
        res.write(body.subarray(at, at + trickle.bytes));
      }
      return res.end();
    }
    const encoding = compress ? pickEncoding(req.headers["accept-encoding"]) : null;
    if (encoding) {
      const body = await encoded(file, encoding, info.mtimeMs);
      res.writeHead(200, {
        "Content-Type": type,
        "Content-Encoding": encoding,
        "Content-Length": body.length,
        Vary: "Accept-Encoding",
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
        ...headers,
      });
      return res.end(req.method === "HEAD" ? undefined : body);
    }

    res.writeHead(200, {
      "Content-Type": type,
      "Content-Length": info.size,
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
      ...headers,
    });
    if (req.method === "HEAD") return res.end();
    createReadStream(file).pipe(res);
  });

  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actualPort } = server.address();
      resolvePromise({
        url: `http://${host}:${actualPort}${base}`,
        origin: `http://${host}:${actualPort}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/** `br` or `gzip` if the client accepts it (brotli first), else null. */
function pickEncoding(accept = "") {
  const offered = new Set(
    accept
      .split(",")
      .map((part) => part.trim().split(";"))
      .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
      .map(([name]) => name.trim().toLowerCase()),
  );
  if (offered.has("br")) return "br";
  if (offered.has("gzip")) return "gzip";
  return null;
}

const encodedCache = new Map();

/** The file's bytes in the encoding: the precompressed file beside it, or made once. */
async function encoded(file, encoding, mtimeMs) {
  const key = `${file}\0${encoding}\0${mtimeMs}`;
  let body = encodedCache.get(key);
  if (body) return body;
  const ext = encoding === "br" ? ".br" : ".gz";
  try {
    const beside = await stat(file + ext);
    if (beside.isFile() && beside.mtimeMs >= mtimeMs) body = await readFile(file + ext);
  } catch {
    // None beside it: compress here.
  }
  if (!body) {
    const raw = await readFile(file);
    body =
      encoding === "br"
        ? brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(raw, { level: 9 });
  }
  encodedCache.set(key, body);
  return body;
}

// Run as a command.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  };
  const server = await startServer({
    root: option("root", "dist"),
    base: option("base", "/portal/plan/"),
    port: Number(option("port", "0")),
    compress: args.includes("--compress"),
  });
  console.log(`serving ${option("root", "dist")} at ${server.url}`);
}
