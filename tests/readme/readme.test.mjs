// Runs the README's JavaScript quick start against the Node build of the wasm package.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const entry = pathToFileURL(join(root, "bindings", "wasm", "pkg-node", "index.mjs")).href;

test("the README's JavaScript quick start runs", async () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(blocks.length > 0, "README.md lost its JavaScript example");
  const dir = mkdtempSync(join(tmpdir(), "reseau-readme-"));
  for (const [i, block] of blocks.entries()) {
    const file = join(dir, `block${i}.mjs`);
    writeFileSync(file, block.replaceAll('from "reseau"', `from "${entry}"`));
    await import(pathToFileURL(file).href);
  }
});
