import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GPU_FIELDS, PROCESS_FIELDS, VIEW_FIELDS } from '../src/contract.js';
import { fromClara, fromSnapshot, fromValues } from '../src/model.js';

const sample = { pid: 42, start_time_ticks: 7, name: 'python3', user: 'me', state: 'R', cpu_percent: 150.5, rss_bytes: 1048576, memory_percent: 1.5, threads: 4, gpu_memory_bytes: 2048 };

const snapshot = {
  time: '2026-12-07T05:00:00.5Z',
  host: { hostname: 'box' },
  cpu: { total: { busy: 0.25 }, cores: [{ id: 0, times: { busy: 0.5 } }, { id: 1, online: false }], load: { one: 1, five: 2, fifteen: 3 } },
  memory: { used_ratio: 0.5, used_bytes: 100, total_bytes: 200, swap_total_bytes: 0, swap_used_ratio: 0 },
  thermal: { sensors: [{ id: 'a', label: 'Package', celsius: 50 }, { id: 'b', label: '', celsius: 70, critical_celsius: 100 }] },
  disks: [{ device: 'sda', read_bytes_per_second: 10, write_bytes_per_second: 20 }],
  network: { interfaces: [{ name: 'eth0', rates: { rx_bytes_per_second: 1, tx_bytes_per_second: 2 } }] },
  processes: [sample],
  gpus: [{ index: 0, name: 'NVIDIA H100', vendor: 'nvidia', source: 'nvml', utilization_percent: 87, memory_total_bytes: 80, memory_used_bytes: 40, power_watts: 312.5 }],
};

function assertShape(view) {
  for (const field of VIEW_FIELDS) assert.notEqual(view[field], undefined, `view.${field}`);
  for (const p of view.processes) for (const field of PROCESS_FIELDS) assert.notEqual(p[field], undefined, `process.${field}`);
  for (const g of view.gpus) for (const field of GPU_FIELDS) assert.notEqual(g[field], undefined, `gpu.${field}`);
}

test('fromSnapshot reads the snapshot contract', () => {
  const view = fromSnapshot(snapshot);
  assertShape(view);
  assert.equal(view.time, Date.parse('2026-12-07T05:00:00.5Z') / 1000);
  assert.equal(view.cpu.usage, 0.25);
  assert.deepEqual(view.cpu.cores, [{ id: 0, usage: 0.5, online: true }, { id: 1, usage: null, online: false }]);
  assert.equal(view.swap.ratio, null, 'no swap is not 0 %');
  assert.deepEqual(view.hottest, { celsius: 70, label: 'b', high: 100 });
  assert.deepEqual(view.processes[0], { pid: 42, name: 'python3', user: 'me', state: 'R', cpu: 150.5, memPercent: 1.5, rss: 1048576, threads: 4, gpuMem: 2048 });
  const gpu = view.gpus[0];
  assert.equal(gpu.util, 0.87);
  assert.equal(gpu.memUsed, 40);
  assert.equal(gpu.readings.power_watts, 312.5);
  assert.equal(gpu.readings.name, undefined, 'identity is not a reading');
});

test('fromSnapshot: a reading the GPU does not report stays null', () => {
  const view = fromSnapshot({ ...snapshot, gpus: [{ index: 1, name: 'AMD', vendor: 'amd', source: 'amdgpu' }] });
  assert.equal(view.gpus[0].util, null);
  assert.equal(view.gpus[0].memTotal, null);
});

test('fromClara reads ClaraVerse names and makes rates from the previous body', () => {
  const body = (t, recv) => ({
    timestamp: new Date(t * 1000).toISOString(),
    cpu: { usage: 12.5, temperature: 55 },
    memory: { used: 1, total: 4, usedPercent: 25, swap: { total: 0, used: 0, usedPercent: 0 } },
    network: { bytesRecv: recv, bytesSent: 0 },
    processes: [{ pid: 1, name: 'init', cpu: 0.5, memory: 0.1, status: 'S' }],
    gpu: [{ name: 'RTX', usage: 40, memoryUsed: 10, memoryTotal: 20, powerDraw: 80.5 }],
  });
  const first = fromClara(body(1000, 100), null);
  const second = fromClara(body(1002, 300), first);
  assertShape(second);
  assert.equal(first.nets[0].rx, null, 'no rate from one reading');
  assert.equal(second.nets[0].rx, 100);
  assert.equal(second.cpu.usage, 0.125);
  assert.equal(second.memory.ratio, 0.25);
  assert.equal(second.swap.ratio, null);
  assert.equal(second.processes[0].state, 'S');
  assert.deepEqual([second.gpus[0].index, second.gpus[0].util, second.gpus[0].readings.power_watts], [0, 0.4, 80.5]);
});

test('fromValues takes GPU utilisation from the gpu engine, not whichever engine came last', () => {
  const body = {
    time: 1000,
    values: {
      'aura_cpu_usage_ratio': 0.3,
      'aura_cpu_core_usage_ratio{cpu="1"}': 0.2,
      'aura_cpu_core_usage_ratio{cpu="0"}': 0.4,
      'aura_disk_read_bytes_per_second{device="we\\"ird"}': 5,
      'aura_gpu_utilization_ratio{gpu="0",engine="gpu"}': 0.9,
      'aura_gpu_utilization_ratio{gpu="0",engine="decoder"}': 0.1,
      'aura_gpu_memory_used_bytes{gpu="0"}': 3,
      'aura_gpu_clock_hertz{gpu="0",clock="sm"}': 1.5e9,
    },
  };
  const view = fromValues(body, { processes: [sample] }, fromSnapshot(snapshot));
  assertShape(view);
  assert.deepEqual(view.cpu.cores.map((c) => c.id), [0, 1]);
  assert.equal(view.disks[0].name, 'we"ird');
  const gpu = view.gpus[0];
  assert.equal(gpu.name, 'NVIDIA H100', 'named after the live GPU of that index');
  assert.equal(gpu.util, 0.9);
  assert.equal(gpu.memUsed, 3);
  assert.equal(gpu.readings.decoder_utilization_ratio, 0.1);
  assert.equal(gpu.readings.sm_clock_hertz, 1.5e9);
  assert.equal(view.processes[0].cpu, 150.5);
});
