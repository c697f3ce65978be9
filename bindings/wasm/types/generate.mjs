// The TypeScript declarations of the core's requests, options and results, generated from the
// JSON Schemas the core prints (`cargo run -p reseau --example schema --features schema`), so
// that a default or an option cannot differ between the core and the declarations.
//
//   node bindings/wasm/types/generate.mjs <schema.json> > bindings/wasm/types/generated.d.ts
//
// scripts/test-wasm checks that the committed file is this script's output. Keys are written
// in camelCase (the binding's deserializer reads them so); `default` and `description` become
// the doc comments. What the binding does differently from the core's serde form is listed
// below, once: `ARRAYS` (which typed array a result's `Vec` becomes, as `src/ser.rs` does) and
// `SHAPES` (the fields a result gains or changes in JavaScript).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The types declared, by the use they are put to. */
export const ROOTS = {
  // What functions take (u64 fields accept a BigInt; every field with a default is optional).
  input: [
    'SimulateRequest', 'TraceRequest', 'ExactSpreadRequest', 'ReferralRequest', 'LoadCurveRequest',
    'SelectRelaysRequest', 'ReputationRequest', 'EReputationRequest', 'BalanceRequest', 'ReportRequest', 'ErdosRenyiRequest',
    'BarabasiAlbertRequest', 'WattsStrogatzRequest', 'KleinbergRequest', 'StochasticBlockRequest',
    'ProfessionalOptions', 'Model', 'Fatigue', 'RouteOptions', 'Layer', 'Person', 'TieSpec',
    'EdgeListOptions', 'CsvOptions', 'MultiplexOptions', 'MpxOptions', 'SignedOptions',
    'FitRequest', 'ShuffleRequest', 'ShadowRequest', 'AdoptionsCsv', 'ShadowGapRequest',
  ],
  // What the simulations return: numeric `Vec`s are typed arrays.
  typed: [
    'CascadeSummary', 'CascadeTrace', 'ReferralSummary', 'ReferralTrace', 'LoadCurve', 'RelaySelection', 'Reputation',
    'EReputation',
  ],
  // Plain JSON results.
  plain: ['BalanceReport', 'CascadeFit', 'ShuffleTest', 'ShadowInference', 'ShadowGap'],
};

/**
 * The typed array of a `Vec` in a typed result, by element format (src/ser.rs, `kind`): ids
 * (u32) Uint32Array, steps and indices (i64) Int32Array, floats and counts (u64) Float64Array,
 * but for the counts JavaScript has always seen as Uint32Array.
 */
export const ARRAYS = {
  double: 'Float64Array',
  uint32: 'Uint32Array',
  int64: 'Int32Array',
  uint64: 'Float64Array',
  uint32Counts: ['chain_lengths', 'alive', 'dropped'],
};

/**
 * How JavaScript's objects differ from the core's serde form: `type` replaces a field's type,
 * `add` adds fields ([type, description]) the core's type does not have (yet: one it has is
 * declared from its schema), `omit` removes fields, `extends` names a type whose fields stand
 * at the top, `required` makes fields required, `deprecated` adds old spellings.
 */
export const SHAPES = {
  SpreadStats: { type: { by_layer: 'Record<string, number>' } },
  CascadeSummary: {
    extends: 'SpreadStats',
    omit: ['total'],
    type: { layer_shares: 'Record<string, number>' },
    add: { layer_shares: ['Record<string, number>', 'The share of the convinced (seeds excluded) carried by each layer, by name.'] },
  },
  CascadeTrace: { add: { spread: ['number', 'The number of people convinced, seeds included.'] } },
  ReferralSummary: {
    type: { layer_shares: 'Record<string, number>' },
    add: { mean_intermediaries: ['number | null', 'Mean intermediaries of the completed chains, `meanChainLength - 1`.'] },
  },
  Overloaded: { add: { label: ['string', '`net.labels[person]`.'] } },
  RelaySelection: {
    add: {
      labels: ['string[]', 'The relays\' labels (`net.labels`).'],
      costs: ['Float64Array', 'Each relay\'s cost.'],
    },
  },
  Reputation: { type: { layer_degree: 'Record<string, Float64Array>', layer_pagerank: 'Record<string, Float64Array>' } },
  Model: { deprecated: { relays: ['amplifiers', 'Amplifiers'] } },
  // A fit's model and fatigue are what `simulate` and the models take (src/inference.rs).
  CascadeFit: { type: { model: 'Model' } },
  FittedFatigue: { type: { fatigue: 'Fatigue' } },
  ShadowInference: { type: { network: 'Network' } },
  // A map's values may be numbers and booleans, written as text (src/value.rs).
  Person: { type: { attributes: 'Record<string, string | number | boolean>' } },
  BalanceRequest: { deprecated: { seeds: ['num_seeds', 'number'], routing: ['the routing options at the top', 'Omit<RouteOptions, "physicalShare">'] } },
  // JavaScript's generators name their seed: randomness is explicit (src/functions.rs).
  ErdosRenyiRequest: { required: ['seed'] },
  BarabasiAlbertRequest: { required: ['seed'] },
  WattsStrogatzRequest: { required: ['seed'] },
  KleinbergRequest: { required: ['seed'] },
  StochasticBlockRequest: { required: ['seed'] },
};

/** Types written by hand in static.d.ts (what JavaScript spells its own way). */
const HAND_WRITTEN = new Set(['PersonRef']);

/** `mean_degree` → `meanDegree`. */
export const camel = (key) => key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

const refName = (ref) => ref.replace('#/$defs/', '');

/** A doc comment, indented, from a description and a default. */
function doc(schema, indent, extra = []) {
  const lines = [];
  if (schema.description) lines.push(...schema.description.split('\n'));
  if ('default' in schema && schema.default !== null && typeof schema.default !== 'object') {
    lines.push(`@default ${JSON.stringify(schema.default)}`);
  }
  lines.push(...extra);
  if (lines.length === 0) return '';
  const body = lines.map((l) => `${indent} *${l ? ` ${l.replace(/\*\//g, '*\\/')}` : ''}`).join('\n');
  return `${indent}/**\n${body}\n${indent} */\n`;
}

class Generator {
  constructor(schemas) {
    this.defs = {};
    for (const [name, schema] of Object.entries(schemas)) {
      for (const [def, s] of Object.entries(schema.$defs ?? {})) this.define(def, s);
      const { $defs, $schema, title, ...own } = schema;
      this.define(name, own);
    }
    this.seen = new Set(); // `name mode` pairs declared or being declared
    this.texts = {}; // name → its declaration
    this.out = [];
  }

  define(name, schema) {
    const known = this.defs[name];
    if (known && JSON.stringify(known) !== JSON.stringify(schema)) {
      throw new Error(`two schemas named ${name}`);
    }
    this.defs[name] = schema;
  }

  /**
   * Declares `name` for `mode` (and what it refers to), once; a type wanted in two modes must
   * read the same in both.
   */
  declare(name, mode) {
    if (HAND_WRITTEN.has(name)) return;
    const schema = this.defs[name];
    if (!schema) throw new Error(`no schema named ${name}`);
    const key = `${name} ${mode}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const text = this.declaration(name, schema, mode);
    if (this.texts[name] === undefined) {
      this.texts[name] = text;
      this.out.push(text);
    } else if (this.texts[name] !== text) {
      throw new Error(`${name} reads differently as ${mode}:\n${text}\nand before:\n${this.texts[name]}`);
    }
  }

  declaration(name, schema, mode) {
    const shape = SHAPES[name] ?? {};
    if (schema.type === 'object' || schema.properties) {
      const required = new Set([...(schema.required ?? []), ...(shape.required ?? [])]);
      const lines = [];
      for (const [key, prop] of Object.entries(schema.properties ?? {})) {
        if (shape.omit?.includes(key)) continue;
        const optional = mode === 'input' && !required.has(key);
        const type = shape.type?.[key] ?? this.type(prop, mode, key);
        lines.push(`${doc(prop, '  ')}  ${camel(key)}${optional ? '?' : ''}: ${type};`);
      }
      for (const [key, [type, description]] of Object.entries(shape.add ?? {})) {
        if (schema.properties?.[key]) continue; // the core has it now: declared above
        lines.push(`${doc({ description }, '  ')}  ${camel(key)}: ${type};`);
      }
      for (const [key, [now, type]] of Object.entries(shape.deprecated ?? {})) {
        lines.push(`  /** @deprecated the old name of \`${camel(now)}\`. */\n  ${camel(key)}?: ${type};`);
      }
      const base = shape.extends ? ` extends ${shape.extends}` : '';
      if (shape.extends) this.declare(shape.extends, mode);
      return `${doc(schema, '')}export interface ${name}${base} {\n${lines.join('\n')}\n}\n`;
    }
    return `${doc(schema, '')}export type ${name} = ${this.type(schema, mode, '')};\n`;
  }

  /** The TypeScript type of a schema, in `mode`, for the field `key`. */
  type(schema, mode, key) {
    if (schema.$ref) {
      const name = refName(schema.$ref);
      this.declare(name, mode);
      return name;
    }
    if (schema.const !== undefined) return JSON.stringify(schema.const);
    if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
    const union = schema.oneOf ?? schema.anyOf;
    if (union) {
      // A list of people, or one: `seeds`, `badSeeds`.
      const people = union.some((s) => s.type === 'array' && s.items?.$ref === '#/$defs/PersonRef');
      if (people) return 'People | PersonRef';
      return [...new Set(union.map((s) => this.variant(s, mode, key)))].join(' | ');
    }
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const parts = types.map((t) => this.single(t, schema, mode, key));
    return [...new Set(parts)].join(' | ');
  }

  /** One branch of a union: an inline object (a tagged variant) or a type. */
  variant(schema, mode, key) {
    if (schema.type === 'object' && schema.properties) {
      const required = new Set(schema.required ?? []);
      const fields = Object.entries(schema.properties).map(
        ([k, p]) => `${camel(k)}${required.has(k) || mode !== 'input' ? '' : '?'}: ${this.type(p, mode, k)}`,
      );
      return `{ ${fields.join('; ')} }`;
    }
    if (schema.type === 'null') return 'null';
    return this.type(schema, mode, key);
  }

  single(type, schema, mode, key) {
    switch (type) {
      case 'null':
        return 'null';
      case 'boolean':
        return 'boolean';
      case 'string':
        return 'string';
      case 'number':
        return 'number';
      case 'integer':
        return mode === 'input' && /64/.test(schema.format ?? '') ? 'number | bigint' : 'number';
      case 'object': {
        const values = schema.additionalProperties;
        const value = values && typeof values === 'object' ? this.type(values, mode, '') : 'unknown';
        return `Record<string, ${value}>`;
      }
      case 'array':
        return this.array(schema, mode, key);
      default:
        throw new Error(`no type for ${JSON.stringify(schema)}`);
    }
  }

  array(schema, mode, key) {
    const items = schema.items ?? {};
    if (schema.minItems !== undefined && schema.minItems === schema.maxItems) {
      const one = this.type(items, mode, '');
      const tuple = `[${Array(schema.minItems).fill(one).join(', ')}]`;
      return mode === 'input' ? `readonly ${tuple}` : tuple;
    }
    const numeric = [items.type].flat().some((t) => t === 'number' || t === 'integer');
    if (numeric && mode === 'input') return 'ArrayLike<number>';
    if (numeric && mode === 'typed') {
      if (ARRAYS.uint32Counts.includes(key)) return 'Uint32Array';
      return ARRAYS[items.format] ?? 'Float64Array';
    }
    const one = this.type(items, mode, '');
    const element = / \| |^readonly /.test(one) ? `(${one})` : one;
    return mode === 'input' ? `readonly ${element}[]` : `${element}[]`;
  }
}

/** The declarations of `schemas` (the core's schema dump, by type name), as text. */
export function declarations(schemas) {
  const g = new Generator(schemas);
  for (const [mode, names] of Object.entries(ROOTS)) for (const name of names) g.declare(name, mode);
  const header =
    '// Generated by bindings/wasm/types/generate.mjs from the core\'s JSON Schemas: do not edit.\n' +
    '// `cargo run -p reseau --example schema --features schema | node bindings/wasm/types/generate.mjs -`\n';
  return `${header}\n${g.out.join('\n')}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const source = process.argv[2];
  if (!source) {
    console.error('usage: node generate.mjs <schema.json | ->');
    process.exit(2);
  }
  const text = readFileSync(source === '-' ? 0 : source, 'utf8');
  process.stdout.write(declarations(JSON.parse(text)));
}
