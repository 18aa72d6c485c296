// The JavaScript consumers read corpgraph's exports: Kuzu (npm `kuzu`) runs schema.cypher, loads
// the CSVs with COPY FROM and answers a Cypher MATCH; Cytoscape.js (headless) loads the elements;
// the neo4j-admin import CSV headers follow the import tool's documented header grammar.
// Run on the samples graph and on a graph of hostile names.
// Usage: node exchange_consumers_test.mjs BINARY SOURCE_DIR BUILD_DIR
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [binary, sourceDir, buildDir] = process.argv.slice(2);
const require = createRequire(path.join(sourceDir, 'tests/js/package.json'));
let kuzu, cytoscape;
try {
  kuzu = require('kuzu');
  cytoscape = require('cytoscape');
} catch (e) {
  console.log(`skipped: ${e.message} (run npm install in tests/js)`);
  process.exit(77);
}

const SYMMETRIC = new Set(['partners', 'talked-to', 'former-deal', 'competes-with']);
let failures = 0;
function check(condition, what) {
  if (!condition) {
    failures++;
    console.log('FAIL:', what);
  }
}
const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
const show = (s) => JSON.stringify([...s].sort());

function edgeKey(source, label, target) {
  return SYMMETRIC.has(label) ? `${label}|${[source, target].sort().join('|')}`
                              : `${label}|${source}|${target}`;
}

function expectedSamples() {
  const names = new Set();
  const edges = new Map();
  const text = fs.readFileSync(path.join(sourceDir, 'samples/relations/founding.jsonl'), 'utf8');
  for (const line of text.split('\n').filter((l) => l.trim())) {
    const r = JSON.parse(line);
    names.add(r.source).add(r.target);
    edges.set(edgeKey(r.source, r.relation, r.target), { ...r, label: r.relation });
  }
  return { name: 'samples', names, edges, aliases: new Map(),
           input: path.join(sourceDir, 'samples/relations/founding.jsonl') };
}

function expectedHostile() {
  const input = path.join(sourceDir, 'tests/data/exchange/hostile.json');
  const data = JSON.parse(fs.readFileSync(input, 'utf8'));
  const byId = new Map(data.nodes.map((n) => [n.id, n.name]));
  const names = new Set(byId.values());
  const aliases = new Map(data.nodes.map((n) => [n.name, n.aliases]));
  const edges = new Map();
  for (const l of data.links) {
    const source = byId.get(l.source), target = byId.get(l.target);
    edges.set(edgeKey(source, l.label, target), { source, target, label: l.label, status: l.status });
  }
  return { name: 'hostile', names, edges, aliases, input };
}

function run(...args) {
  const r = spawnSync(binary, args, { encoding: 'utf8' });
  if (r.status !== 0) console.log(r.stdout, r.stderr);
  return r.status;
}

// The graph `corpgraph build` writes; when build itself is broken (not what this test is about)
// export reads the input directly, converting JSON lines to CSV first.
function buildGraph(work, expected) {
  const graph = path.join(work, `${expected.name}.json`);
  if (run('build', expected.input, '-o', graph) === 0) return graph;
  console.log(`note: corpgraph build failed on ${expected.input}; exporting from the input`);
  if (!expected.input.endsWith('.jsonl')) return expected.input;
  const q = (s) => `"${String(s).replaceAll('"', '""')}"`;
  const rows = ['source,relation,target,status,confidence,doc'];
  for (const line of fs.readFileSync(expected.input, 'utf8').split('\n').filter((l) => l.trim())) {
    const r = JSON.parse(line);
    rows.push([r.source, r.relation, r.target, r.status ?? '', r.confidence ?? '', r.doc ?? '']
      .map(q).join(','));
  }
  const csv = path.join(work, `${expected.name}.csv`);
  fs.writeFileSync(csv, rows.join('\n') + '\n');
  return csv;
}

function partnersOf(expected, name) {
  const out = new Set();
  for (const e of expected.edges.values())
    if (e.label === 'partners' && (e.source === name || e.target === name))
      out.add(e.source === name ? e.target : e.source);
  return out;
}

// RFC 4180, as neo4j-admin reads it with --multiline-fields=true.
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(cell); cell = ''; i++; continue; }
    if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; continue; }
    cell += c; i++;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// The header grammar of neo4j-admin database import: name, name:type, name:type[],
// [name]:ID[(group)], :LABEL, :START_ID[(group)], :END_ID[(group)], :TYPE, :IGNORE.
const NEO4J_TYPES = 'int|long|float|double|boolean|byte|short|char|string|point|date|localtime|' +
                    'time|localdatetime|datetime|duration';
const NEO4J_FIELD = new RegExp(
  `^(?:[^:]+(?::(?:${NEO4J_TYPES})(?:\\[\\])?)?|[^:]*:ID(?:\\([^)]*\\))?|:LABEL|` +
  `:START_ID(?:\\([^)]*\\))?|:END_ID(?:\\([^)]*\\))?|:TYPE|:IGNORE)$`);

function checkNeo4j(expected, dir) {
  const nodes = parseCsv(fs.readFileSync(path.join(dir, 'nodes.csv'), 'utf8'));
  const rels = parseCsv(fs.readFileSync(path.join(dir, 'relationships.csv'), 'utf8'));
  const [nodeHeader, relHeader] = [nodes[0], rels[0]];
  for (const field of [...nodeHeader, ...relHeader])
    check(NEO4J_FIELD.test(field), `neo4j: header field ${JSON.stringify(field)} is not in the grammar`);
  check(nodeHeader.filter((f) => /:ID(\(|$)/.test(f)).length === 1, 'neo4j: nodes.csv has one :ID');
  check(nodeHeader.includes(':LABEL'), 'neo4j: nodes.csv has :LABEL');
  for (const f of [':START_ID', ':END_ID', ':TYPE'])
    check(relHeader.includes(f), `neo4j: relationships.csv has ${f}`);
  check(nodes.slice(1).every((r) => r.length === nodeHeader.length), 'neo4j: node rows are whole');
  check(rels.slice(1).every((r) => r.length === relHeader.length), 'neo4j: relationship rows are whole');
  const idColumn = nodeHeader.findIndex((f) => f.includes(':ID'));
  const nameColumn = nodeHeader.indexOf('name');
  const nameOf = new Map(nodes.slice(1).map((r) => [r[idColumn], r[nameColumn]]));
  check(sameSet(new Set(nameOf.values()), expected.names), `${expected.name} neo4j: names`);
  const [s, t, ty] = [':START_ID', ':END_ID', ':TYPE'].map((f) => relHeader.indexOf(f));
  const keys = new Set(rels.slice(1).map((r) =>
    edgeKey(nameOf.get(r[s]), r[ty].toLowerCase().replaceAll('_', '-'), nameOf.get(r[t]))));
  check(sameSet(keys, new Set(expected.edges.keys())), `${expected.name} neo4j: edges`);
  check(rels.slice(1).every((r) => /^[A-Z_]+$/.test(r[ty])), 'neo4j: types are identifiers');
}

async function checkKuzu(expected, dir, work) {
  const db = new kuzu.Database(path.join(work, `${expected.name}.kuzu-db`));
  const conn = new kuzu.Connection(db);
  const all = async (q) => (await conn.query(q)).getAll();
  const cwd = process.cwd();
  process.chdir(dir);  // schema.cypher's COPY paths are relative to its folder, by design
  try {
    const schema = fs.readFileSync('schema.cypher', 'utf8');
    for (const statement of schema.split('\n').filter((l) => l.trim() && !l.startsWith('//')))
      await conn.query(statement);
  } finally {
    process.chdir(cwd);
  }
  const names = new Set((await all('MATCH (c:Company) RETURN c.name AS n')).map((r) => r.n));
  check(sameSet(names, expected.names),
        `${expected.name} kuzu: names ${show(names)} vs ${show(expected.names)}`);
  const edges = await all('MATCH (a:Company)-[r]->(b:Company) ' +
                          'RETURN a.name AS s, label(r) AS t, b.name AS d, r.status AS status, ' +
                          'r.evidence_count AS n');
  const keys = new Set(edges.map((e) => edgeKey(e.s, e.t.toLowerCase().replaceAll('_', '-'), e.d)));
  check(sameSet(keys, new Set(expected.edges.keys())),
        `${expected.name} kuzu: edges ${show(keys)}`);
  for (const e of edges) {
    const want = expected.edges.get(edgeKey(e.s, e.t.toLowerCase().replaceAll('_', '-'), e.d));
    check(want && e.status === (want.status ?? 'current'), `${expected.name} kuzu: status`);
    check(Number(e.n) === 1, `${expected.name} kuzu: evidence_count`);
  }
  const partners = new Set((await all(
    "MATCH (a:Company {name: 'Apple'})-[:PARTNERS]-(b:Company) RETURN b.name AS n")).map((r) => r.n));
  check(sameSet(partners, partnersOf(expected, 'Apple')),
        `${expected.name} kuzu: Apple's partners ${show(partners)}`);
  const byName = await conn.prepare('MATCH (c:Company) WHERE c.name = $name RETURN c.aliases AS a');
  for (const [name, aliases] of expected.aliases) {
    const rows = await (await conn.execute(byName, { name })).getAll();
    check(rows.length === 1 && JSON.stringify(JSON.parse(rows[0].a).sort()) ===
          JSON.stringify([...aliases].sort()), `${expected.name} kuzu: aliases of ${name}`);
  }
}

function checkCytoscape(expected, file) {
  const { elements } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const cy = cytoscape({ headless: true, elements });
  check(cy.nodes().length === expected.names.size, `${expected.name} cytoscape: node count`);
  check(cy.edges().length === expected.edges.size, `${expected.name} cytoscape: edge count`);
  const names = new Set(cy.nodes().map((n) => n.data('name')));
  check(sameSet(names, expected.names), `${expected.name} cytoscape: names`);
  const keys = new Set(cy.edges().map((e) =>
    edgeKey(e.source().data('name'), e.data('label'), e.target().data('name'))));
  check(sameSet(keys, new Set(expected.edges.keys())), `${expected.name} cytoscape: edges`);
  const partnerEdges = [...expected.edges.values()].filter((e) => e.label === 'partners').length;
  check(cy.edges('.partners').length === partnerEdges, `${expected.name} cytoscape: .partners`);
  check(cy.edges('.symmetric').length ===
        [...expected.edges.values()].filter((e) => SYMMETRIC.has(e.label)).length,
        `${expected.name} cytoscape: .symmetric`);
  const apple = cy.nodes().filter((n) => n.data('name') === 'Apple');
  check(apple.length === 1, `${expected.name} cytoscape: Apple`);
  const partners = new Set(apple.connectedEdges('.partners').connectedNodes()
    .filter((n) => n.data('name') !== 'Apple').map((n) => n.data('name')));
  check(sameSet(partners, partnersOf(expected, 'Apple')), `${expected.name} cytoscape: partners`);
  check(cy.edges().every((e) => typeof e.data('confidence') === 'number' &&
                                e.data('evidence').length === e.data('evidence_count')),
        `${expected.name} cytoscape: edge data`);
  cy.destroy();
}

const work = fs.mkdtempSync(path.join(buildDir || os.tmpdir(), 'exchange-consumers-js-'));
try {
  for (const expected of [expectedSamples(), expectedHostile()]) {
    const graph = buildGraph(work, expected);
    const out = (name) => path.join(work, `${expected.name}.${name}`);
    for (const [format, name] of [['kuzu', 'kuzu'], ['neo4j', 'neo4j'], ['cytoscape', 'cyjs']]) {
      if (run('export', graph, '--format', format, '-o', out(name)) !== 0) {
        console.log(`FAIL: ${expected.name}: corpgraph export --format ${format}`);
        process.exit(1);
      }
    }
    await checkKuzu(expected, out('kuzu'), work);
    checkNeo4j(expected, out('neo4j'));
    checkCytoscape(expected, out('cyjs'));
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
if (failures) {
  console.log(`${failures} failures`);
  process.exit(1);
}
console.log('kuzu, cytoscape and the neo4j headers accept the exports');
