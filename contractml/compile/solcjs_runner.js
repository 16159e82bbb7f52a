// contractml's bridge to solc-js: one standard-JSON compilation per process.
//
// Reads one JSON request from stdin:
//   { "solc": "<dir of the npm 'solc' package for this version>",
//     "wrapper": "<dir of a newer 'solc' package>" (only for soljson builds older than 0.4.11),
//     "input": <solc standard-JSON input>,
//     "files": { "<source unit name>": "<absolute path>", ... },
//     "roots": ["<absolute dir>", ...] }
// and writes solc's standard-JSON output to stdout.
//
// The import callback serves only the files Python resolved ("files"), or a source unit
// name found under one of "roots"; it never reads outside "roots".
'use strict';

const fs = require('fs');
const path = require('path');

function readStdin() {
  const chunks = [];
  let total = 0;
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n = 0;
    try {
      n = fs.readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      if (e.code === 'EAGAIN') continue;
      if (e.code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
    total += n;
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

function inside(file, roots) {
  const resolved = path.resolve(file);
  return roots.some((root) => {
    const rel = path.relative(root, resolved);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}

function makeImportCallback(files, roots) {
  return function importCallback(unitName) {
    let candidate = files[unitName];
    if (candidate === undefined) {
      for (const root of roots) {
        const p = path.resolve(root, unitName);
        if (inside(p, [root]) && fs.existsSync(p)) {
          candidate = p;
          break;
        }
      }
    }
    if (candidate === undefined) return { error: 'File not found: ' + unitName };
    if (!inside(candidate, roots)) {
      return { error: 'File outside the allowed folders: ' + unitName };
    }
    try {
      return { contents: fs.readFileSync(candidate, 'utf8') };
    } catch (e) {
      return { error: 'Cannot read ' + unitName + ': ' + e.message };
    }
  };
}

function loadCompiler(request) {
  if (request.wrapper) {
    const wrapper = require(path.join(request.wrapper, 'wrapper.js'));
    return wrapper(require(path.join(request.solc, 'soljson.js')));
  }
  return require(request.solc);
}

function main() {
  const request = JSON.parse(readStdin());
  const solc = loadCompiler(request);
  const callback = makeImportCallback(request.files || {}, request.roots || []);
  const input = JSON.stringify(request.input);
  let output;
  if (typeof solc.compileStandardWrapper === 'function') {
    output = solc.compileStandardWrapper(input, callback);
  } else {
    output = solc.compile(input, { import: callback });
  }
  process.stdout.write(output);
}

main();
