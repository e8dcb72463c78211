// The one view every panel renders, whatever fed it: Aura's snapshot (signed in), ClaraVerse's /api/stats body
// (public), or the DVR's values at a scrubbed moment (model.js builds it from each). Panels read only these fields.
// tests/Aura.Cockpit.Tests/ContractTests checks model.js against the real server's JSON of each source.

/**
 * @typedef {object} ProcessView
 * @property {number} pid
 * @property {string} name
 * @property {string} user
 * @property {string} state
 * @property {number|null} cpu        percent of one core
 * @property {number|null} memPercent percent of RAM
 * @property {number|null} rss        bytes
 * @property {number|null} threads
 * @property {number|null} gpuMem     GPU memory held, bytes
 */

/**
 * @typedef {object} GpuView
 * @property {number} index
 * @property {string} name
 * @property {number|null} util     busy share of the GPU engine, 0–1
 * @property {number|null} memUsed  bytes
 * @property {number|null} memTotal bytes
 * @property {Record<string, unknown>} readings every other reading the source has, by its snake_case name
 */

/**
 * @typedef {object} View
 * @property {'snapshot'|'clara'|'dvr'} source
 * @property {number} time epoch seconds
 * @property {string} host
 * @property {{usage: number|null, cores: {id: number, usage: number|null, online: boolean}[], load: number[]|null}} cpu
 * @property {{ratio: number|null, used: number|null, total: number|null}} memory
 * @property {{ratio: number|null, used: number|null, total: number|null}} swap
 * @property {{celsius: number, label: string, high: number|null}|null} hottest
 * @property {{name: string, read: number|null, write: number|null}[]} disks
 * @property {{name: string, rx: number|null, tx: number|null}[]} nets
 * @property {ProcessView[]} processes
 * @property {GpuView[]} gpus
 * @property {object|null} jetson the snapshot's jetson section as the server sends it (rendered field by field)
 * @property {object} [raw] ClaraVerse's body, kept to compute the next body's rates
 */

/** Every field of a View, for the contract test: a source that leaves one undefined has drifted from the server. */
export const VIEW_FIELDS = ['source', 'time', 'host', 'cpu', 'memory', 'swap', 'hottest', 'disks', 'nets', 'processes', 'gpus', 'jetson'];

/** Every field of a ProcessView and a GpuView, likewise. */
export const PROCESS_FIELDS = ['pid', 'name', 'user', 'state', 'cpu', 'memPercent', 'rss', 'threads', 'gpuMem'];
export const GPU_FIELDS = ['index', 'name', 'util', 'memUsed', 'memTotal', 'readings'];
