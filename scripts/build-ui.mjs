#!/usr/bin/env node
// Bundles the web catalog (apps/ui: React, H5Web and the TypeScript client)
// with esbuild into dist/ui, which the gateway serves at /ui. Type-checking
// is tsc's job (apps/ui/tsconfig.json, run by the tests' lint step).
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'ui');

export async function buildUi() {
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: { app: path.join(root, 'apps/ui/src/main.tsx') },
    outdir: out,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
    logLevel: 'warning',
  });
  await copyFile(path.join(root, 'apps/ui/index.html'), path.join(out, 'index.html'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildUi();
