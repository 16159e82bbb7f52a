// A `solc`-compatible command line over solc-js, for benchmarks only: lets Slither
// (crytic-compile) compile with exactly the solc-js builds contractml uses.
//
//   node solc.js --solcjs PKG [--solcjs-wrapper PKG] --solc-version X.Y.Z ARGS...
//
// ARGS are what crytic-compile passes to solc:
//   --version                                  prints "Version: X.Y.Z+..." like solc
//   --standard-json [--allow-paths DIR[,DIR]]   standard JSON on stdin -> stdout
// Sources given by "urls" are read from disk (relative to the working directory), and
// imports are served from the working directory and the allowed paths, as solc does.
// For builds older than standard JSON (before 0.4.11) a newer package's wrapper drives the
// old soljson (as contractml's runner does), and its "legacyAST" is also given as "ast",
// the only key crytic-compile's standard-JSON reader looks at. With $SOLC_WRAPPER_TIMES
// set, each compilation appends its seconds to that file.
'use strict';

const fs = require('fs');
const path = require('path');

function parseArgs(argv) {
  const opts = { allow: [process.cwd()], rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--solcjs') opts.solcjs = argv[++i];
    else if (arg === '--solcjs-wrapper') opts.wrapper = argv[++i];
    else if (arg === '--solc-version') opts.version = argv[++i];
    else if (arg === '--allow-paths') opts.allow.push(...argv[++i].split(',').filter(Boolean));
    else opts.rest.push(arg);
  }
  opts.allow = opts.allow.map((p) => path.resolve(p));
  return opts;
}

function inside(file, roots) {
  return roots.some((root) => {
    const rel = path.relative(root, file);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

function reader(allow) {
  return function read(unitName) {
    const candidates = path.isAbsolute(unitName)
      ? [unitName]
      : allow.map((root) => path.resolve(root, unitName));
    for (const file of candidates) {
      if (inside(file, allow) && fs.existsSync(file)) {
        return { contents: fs.readFileSync(file, 'utf8') };
      }
    }
    return { error: 'File not found: ' + unitName };
  };
}

function loadCompiler(opts) {
  if (opts.wrapper) {
    const wrap = require(path.join(opts.wrapper, 'wrapper.js'));
    return wrap(require(path.join(opts.solcjs, 'soljson.js')));
  }
  return require(opts.solcjs);
}

function standardJson(opts) {
  const input = JSON.parse(fs.readFileSync(0, 'utf8'));
  const read = reader(opts.allow);
  for (const [name, source] of Object.entries(input.sources || {})) {
    if (source.content === undefined && Array.isArray(source.urls)) {
      for (const url of source.urls) {
        const found = read(url);
        if (found.contents !== undefined) {
          source.content = found.contents;
          delete source.urls;
          break;
        }
      }
      if (source.content === undefined) {
        process.stderr.write('Cannot read ' + name + '\n');
      }
    }
  }
  const solc = loadCompiler(opts);
  const text = JSON.stringify(input);
  const raw = typeof solc.compileStandardWrapper === 'function'
    ? solc.compileStandardWrapper(text, read)
    : solc.compile(text, { import: read });
  const output = JSON.parse(raw);
  for (const info of Object.values(output.sources || {})) {
    if (info.ast === undefined && info.legacyAST !== undefined) info.ast = info.legacyAST;
  }
  process.stdout.write(JSON.stringify(output));
  if (process.env.SOLC_WRAPPER_TIMES) {
    // The benchmark's record of how long compiling took (node start included).
    fs.appendFileSync(process.env.SOLC_WRAPPER_TIMES,
      JSON.stringify({ version: opts.version, seconds: process.uptime() }) + '\n');
  }
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.rest.includes('--version')) {
    process.stdout.write('solc, the solidity compiler commandline interface\n'
      + 'Version: ' + opts.version + '+solcjs.Emscripten.clang\n');
    return;
  }
  if (opts.rest.includes('--standard-json')) {
    standardJson(opts);
    return;
  }
  process.stderr.write('solc.js wrapper: only --version and --standard-json are supported, got '
    + opts.rest.join(' ') + '\n');
  process.exit(2);
}

main();
