// tsc copies no data files: ship the extractor's trained weights (and other assets) next to the compiled code.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
// The web workspace is bundled separately, by scripts/build-web.ts.
for (const dir of ['src/extraction/model']) {
  const from = path.join(root, dir);
  if (fs.existsSync(from)) fs.cpSync(from, path.join(root, 'dist', dir), { recursive: true });
}
