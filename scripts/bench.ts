/**
 * `npm run bench` (`-- --small` for the reduced size). The benchmark itself is bench/main.ts; it
 * runs in a child Node process with the `react-server` export condition, which is how Next runs
 * route handlers on the server (the `server-only` marker resolves to an empty module there). It
 * forks the app itself (bench/app-process.ts) with the same exec arguments, so the app process
 * gets the same condition.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join(root, 'bench', 'main.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' },
});
child.on('exit', (code, signal) => {
  if (signal) console.error(`[bench] stopped by ${signal}`);
  process.exit(code ?? 1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
