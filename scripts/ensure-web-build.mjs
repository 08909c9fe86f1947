// Builds the web client when web/dist is missing or older than its sources, so `npm start` always serves current pages.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'web');
const builtIndex = path.join(web, 'dist', 'index.html');

const newest = (target) => {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) latest = Math.max(latest, newest(path.join(target, entry)));

  return latest;
};

const sources = ['src', 'index.html', 'vite.config.ts', 'package.json', 'public']
  .map((p) => path.join(web, p))
  .filter((p) => fs.existsSync(p));
const domainSources = path.join(root, 'packages', 'domain', 'src');
const sourceTime = Math.max(...sources.map(newest), newest(domainSources));
const isFresh = fs.existsSync(builtIndex) && fs.statSync(builtIndex).mtimeMs >= sourceTime;

if (!isFresh) {
  process.stdout.write('构建网页 / building the web client (web/dist) ...\n');
  const result = spawnSync('npm', ['run', 'build', '-w', 'web', '--silent'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
