// Bundles the server for `npm start` into server/dist (ADR 0006): plain Node runs it, without the TypeScript loader,
// which holds every transpiled module and its source map (~40 MB of the server's memory). Rebuilt only when a source
// of the server or the domain is newer than the bundle. `npm run dev` and the tests still run the sources with tsx.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const server = path.join(root, 'server');
const dist = path.join(server, 'dist');
const bundle = path.join(dist, 'main.mjs');

const newest = (target) => {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) latest = Math.max(latest, newest(path.join(target, entry)));

  return latest;
};

const sources = [
  path.join(server, 'src'),
  path.join(server, 'package.json'),
  path.join(root, 'packages', 'domain', 'src'),
  import.meta.filename,
];
const isFresh = fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= Math.max(...sources.map(newest));

if (!isFresh) {
  process.stdout.write('构建服务端 / bundling the server (server/dist) ...\n');
  const dependencies = (dir) =>
    Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).dependencies ?? {});
  // Our own workspace packages are TypeScript and go into the bundle; every installed package stays outside it.
  const external = [...dependencies(server), ...dependencies(path.join(root, 'packages', 'domain'))]
    // chinese-days is imported as JSON, which Node only loads with an import attribute: bundled instead.
    .filter((name) => !name.startsWith('@liuhen/') && name !== 'chinese-days')
    .flatMap((name) => [name, `${name}/*`]);
  fs.rmSync(dist, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(server, 'src', 'main.ts')],
    outdir: dist,
    outExtension: { '.js': '.mjs' },
    // Modules imported on first use (the document renderer with pdfmake, docx and the fonts) become chunks of their
    // own beside main.mjs, so an idle server does not hold them (ADR 0006).
    splitting: true,
    chunkNames: '[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    sourcemap: false,
    logLevel: 'warning',
  });
  // The bundle sits where main.ts does (two levels below the root), so paths it builds from its own folder hold:
  // the migrations and the hash worker are found beside it.
  fs.cpSync(path.join(server, 'src', 'db', 'migrations'), path.join(dist, 'migrations'), { recursive: true });
  fs.copyFileSync(
    path.join(server, 'src', 'ingest', 'hash-checkpoint-worker.mjs'),
    path.join(dist, 'hash-checkpoint-worker.mjs'),
  );
}
