// The entry of the npm package `reseau` under Node (the "node" condition of its exports): the
// same module as in a browser, with the .wasm beside it loaded at import, so that a Node
// program needs no `await init()` (calling it anyway does nothing more).
import { readFileSync } from 'node:fs';
import { initSync } from './reseau_wasm.js';

initSync({ module: readFileSync(new URL('./reseau_wasm_bg.wasm', import.meta.url)) });

export * from './index.js';
export { default } from './index.js';
