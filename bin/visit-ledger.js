#!/usr/bin/env node
// The `visit-ledger` command: runs the built command line (dist-node/cli.js, made by `npm run build`).
'use strict';

const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cliPath = join(__dirname, '..', 'dist-node', 'cli.js');
if (!existsSync(cliPath)) {
  console.error(
    'visit-ledger: the command line is not built yet (dist-node/cli.js is missing). Run `npm run build`.',
  );
  process.exit(2);
}

// dist-node/cli.js either runs itself when loaded or exports main(argv) returning the exit code.
const cli = require(cliPath);
if (cli && typeof cli.main === 'function') {
  Promise.resolve(cli.main(process.argv.slice(2))).then(
    (code) => {
      if (typeof code === 'number') process.exitCode = code;
    },
    (error) => {
      console.error(error && error.stack ? error.stack : String(error));
      process.exitCode = 2;
    },
  );
}
