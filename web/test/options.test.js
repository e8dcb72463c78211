import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKey } from '../src/series.js';
import { seriesOptions } from '../src/timeline/options.js';

const catalog = [
  { name: 'aura_cpu_usage_ratio', labels: [], kind: 'gauge', help: 'CPU busy.', unit: 'ratio' },
  { name: 'aura_load1', labels: [], kind: 'gauge', help: 'Load over one minute.', unit: 'load' },
  { name: 'aura_context_switches_total', labels: [], kind: 'counter', help: 'Switches.', unit: 'switches' },
  { name: 'aura_gpu_power_watts', labels: ['gpu'], kind: 'gauge', help: 'GPU power draw.', unit: 'watts' },
];

const view = {
  cpu: { cores: [{ id: 0 }, { id: 1 }] },
  disks: [{ name: 'disk "quoted"\\x' }],
  nets: [{ name: 'eth0' }],
  gpus: [{ index: 2 }],
};

test('device names with quotes and backslashes give keys that parse back to the same name', () => {
  const keys = seriesOptions(catalog, view, 'aura_cpu_usage_ratio').map(([key]) => key);
  const disk = keys.find((k) => k.startsWith('aura_disk_read_bytes_per_second'));
  assert.equal(disk, 'aura_disk_read_bytes_per_second{device="disk \\"quoted\\"\\\\x"}');
  assert.equal(parseKey(disk).labels.device, 'disk "quoted"\\x');
});

test('headline series first, then per core, device and GPU, then unlabelled gauges; counters are not offered', () => {
  const options = seriesOptions(catalog, view, 'aura_cpu_usage_ratio');
  const keys = options.map(([key]) => key);
  assert.deepEqual(keys.slice(0, 4), ['aura_cpu_usage_ratio', 'aura_memory_used_ratio', 'aura_swap_used_ratio', 'aura_temperature_hottest_celsius']);
  assert.ok(keys.includes('aura_cpu_core_usage_ratio{cpu="1"}'));
  assert.ok(keys.includes('aura_gpu_power_watts{gpu="2"}'));
  assert.ok(keys.includes('aura_load1'));
  assert.ok(!keys.includes('aura_context_switches_total'));
  assert.equal(new Set(keys).size, keys.length, 'no series twice');
});

test('the current series stays selectable when nothing else offers it', () => {
  const keys = seriesOptions([], null, 'aura_gpu_fan_ratio{gpu="7"}').map(([key]) => key);
  assert.ok(keys.includes('aura_gpu_fan_ratio{gpu="7"}'));
});
