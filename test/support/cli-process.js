// The real `claimtrack` command line run from the TypeScript sources (so tests never depend on a stale
// dist/): `node test/support/cli-process.js serve --no-worker` behaves like `npx claimtrack serve --no-worker`.
require('./swc-register.js');
const { main } = require('../../src/cli/index.ts');

main(process.argv).catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
