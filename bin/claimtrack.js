#!/usr/bin/env node
// Thin launcher: the CLI is compiled TypeScript (`npm install` builds it through the prepare script).
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', 'dist', 'src', 'cli', 'index.js');
if (!fs.existsSync(entry)) {
  console.error('claimtrack is not built yet: run `npm install` (or `npm run build`) in the repository first.');
  process.exit(1);
}
require(entry)
  .main(process.argv)
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
