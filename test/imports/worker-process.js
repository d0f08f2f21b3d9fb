// A real `claimtrack worker` process run from the TypeScript sources (configured by its environment),
// so tests can SIGKILL it mid-job. Prints "ready" once its workers are listening.
require('../support/swc-register.js');
const { startWorkerProcess } = require('../../src/server/runtime.ts');

startWorkerProcess().then(
  () => process.stdout.write('ready\n'),
  (err) => {
    process.stderr.write(`${err.stack ?? err}\n`);
    process.exit(1);
  },
);
