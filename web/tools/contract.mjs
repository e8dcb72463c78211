// Run by tests/Aura.Cockpit.Tests/ContractTests with the real server's JSON: builds the page's View from each source
// (model.js), checks every contract field is there, and prints the views for the test to compare with the JSON.
// Usage: node contract.mjs SNAPSHOT.json STATS.json VALUES.json PROCESSES.json
import { readFileSync } from 'node:fs';
import { GPU_FIELDS, PROCESS_FIELDS, VIEW_FIELDS } from '../src/contract.js';
import { fromClara, fromSnapshot, fromValues } from '../src/model.js';

const [snapshotPath, statsPath, valuesPath, processesPath] = process.argv.slice(2);
const read = (path) => JSON.parse(readFileSync(path, 'utf8'));

const snapshot = fromSnapshot(read(snapshotPath));
const clara = fromClara(read(statsPath), null);
const dvr = fromValues(read(valuesPath), read(processesPath), snapshot);

const missing = [];
for (const [source, view] of Object.entries({ snapshot, clara, dvr })) {
  for (const field of VIEW_FIELDS) if (view[field] === undefined) missing.push(`${source}: ${field}`);
  view.processes.forEach((p, i) => { for (const field of PROCESS_FIELDS) if (p[field] === undefined) missing.push(`${source}: processes[${i}].${field}`); });
  view.gpus.forEach((g, i) => { for (const field of GPU_FIELDS) if (g[field] === undefined) missing.push(`${source}: gpus[${i}].${field}`); });
}

process.stdout.write(JSON.stringify({ missing, snapshot, clara, dvr }));
