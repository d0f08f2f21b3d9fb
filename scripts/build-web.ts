import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { fromRoot } from '../src/paths';
import { WEB_OUT } from '../src/web/serve';

/**
 * Bundles the web workspace (src/web/app, TypeScript + Preact) into static files the API serves from
 * dist/public: no build server at run time. Fast (well under a second), so the tests build it too.
 */
export async function buildWeb(outDir = WEB_OUT): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [fromRoot('src/web/app/main.tsx')],
    bundle: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    sourcemap: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outfile: path.join(outDir, 'app.js'),
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'style.css']) fs.copyFileSync(fromRoot('src/web', file), path.join(outDir, file));
}

if (require.main === module) {
  buildWeb().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
