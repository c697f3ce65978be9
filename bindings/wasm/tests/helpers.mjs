// Shared by the Node tests: the package (the Node build of `scripts/build-wasm`), the shared
// data folder, and an assertion for the errors the package throws.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export * as reseau from '../pkg-node/index.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository's root. */
export const root = path.resolve(here, '../../..');
/** The shared data sets (RESEAU_DATA, or `../shared/data` beside the repository). */
export const dataDir = process.env.RESEAU_DATA ?? path.resolve(root, '../shared/data');

/** A shared data file's bytes, or `undefined` (and the test skipped) when it is absent. */
export function data(t, relative) {
  const file = path.join(dataDir, relative);
  if (!existsSync(file)) {
    t.skip(`${file} not found`);
    return undefined;
  }
  return readFileSync(file);
}

/**
 * Asserts that `fn` throws a real `Error` named `name` whose properties include `props`;
 * returns the error for further checks.
 */
export function throwsKind(fn, name, props = {}) {
  let error;
  assert.throws(fn, (e) => {
    error = e;
    return true;
  });
  assert.ok(error instanceof Error, `not an Error: ${error}`);
  assert.equal(error.name, name, `${error.name}: ${error.message}`);
  assert.equal(typeof error.message, 'string');
  assert.ok(error.message.length > 0);
  assert.equal(typeof error.fields, 'object');
  for (const [key, value] of Object.entries(props)) {
    if (value instanceof RegExp) {
      assert.match(String(error[key]), value, `err.${key}`);
    } else {
      assert.deepEqual(error[key], value, `err.${key}`);
    }
  }
  return error;
}
