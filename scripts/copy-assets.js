// tsc copies no data files: ship the extractor's trained weights (and other assets) next to the compiled code.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
// The web workspace is bundled separately, by scripts/build-web.ts.
for (const dir of ['src/extraction/model', 'src/matching/model']) {
  const from = path.join(root, dir);
  if (fs.existsSync(from)) fs.cpSync(from, path.join(root, 'dist', dir), { recursive: true });
}
// The extraction pool's thread entry is plain JavaScript (it also loads the TypeScript sources in tests).
const entry = 'src/extraction-pool/thread-entry.js';
fs.mkdirSync(path.join(root, 'dist', path.dirname(entry)), { recursive: true });
fs.copyFileSync(path.join(root, entry), path.join(root, 'dist', entry));
