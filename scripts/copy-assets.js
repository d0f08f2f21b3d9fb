// tsc copies no data files: ship the extractor's trained weights (and other assets) next to the compiled code.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
for (const dir of ['src/extraction/model', 'src/matching/model', 'src/web']) {
  const from = path.join(root, dir);
  if (fs.existsSync(from)) fs.cpSync(from, path.join(root, 'dist', dir), { recursive: true });
}
