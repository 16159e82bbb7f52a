// contractml's bridge to solc-js: one standard-JSON compilation per process, or, with
// --serve, a stream of them (see serve() below).
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

function compileRequest(solc, request) {
  const callback = makeImportCallback(request.files || {}, request.roots || []);
  const input = JSON.stringify(request.input);
  if (typeof solc.compileStandardWrapper === 'function') {
    return solc.compileStandardWrapper(input, callback);
  }
  return solc.compile(input, { import: callback });
}

function main() {
  const request = JSON.parse(readStdin());
  process.stdout.write(compileRequest(loadCompiler(request), request));
}

// --serve: many requests in one process, each framed as "<byte length>\n<JSON>" on
// stdin and answered the same way on stdout; the compiler of a package folder loads
// once. Whatever else the compiler prints goes to stderr, so stdout holds only frames.
// Ends at the end of stdin.
function readExactly(n) {
  const out = Buffer.alloc(n);
  let got = 0;
  while (got < n) {
    let k = 0;
    try {
      k = fs.readSync(0, out, got, n - got, null);
    } catch (e) {
      if (e.code === 'EAGAIN') continue;
      if (e.code === 'EOF') return null;
      throw e;
    }
    if (k === 0) return null;
    got += k;
  }
  return out;
}

function readHeader() {
  const digits = [];
  const one = Buffer.alloc(1);
  for (;;) {
    const b = readExactly(1);
    if (b === null) return null;
    one[0] = b[0];
    if (one[0] === 10) break;
    digits.push(String.fromCharCode(one[0]));
  }
  return parseInt(digits.join(''), 10);
}

function writeAll(buffer) {
  let sent = 0;
  while (sent < buffer.length) {
    try {
      sent += fs.writeSync(1, buffer, sent, buffer.length - sent);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
    }
  }
}

function serve() {
  console.log = console.error;
  console.info = console.error;
  console.warn = console.error;
  const loaded = new Map();
  for (;;) {
    const length = readHeader();
    if (length === null || Number.isNaN(length)) return;
    const body = readExactly(length);
    if (body === null) return;
    const request = JSON.parse(body.toString('utf8'));
    const key = String(request.solc) + '|' + String(request.wrapper);
    if (!loaded.has(key)) loaded.set(key, loadCompiler(request));
    const output = Buffer.from(compileRequest(loaded.get(key), request), 'utf8');
    writeAll(Buffer.concat([Buffer.from(String(output.length) + '\n'), output]));
  }
}

if (process.argv.includes('--serve')) {
  serve();
} else {
  main();
}
