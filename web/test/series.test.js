import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeLabel, familyOf, parseKey, seriesKey } from '../src/series.js';

test('seriesKey escapes quotes, backslashes and newlines as the server writes them', () => {
  assert.equal(seriesKey('aura_disk_read_bytes_per_second', { device: 'we"ird\\disk' }), 'aura_disk_read_bytes_per_second{device="we\\"ird\\\\disk"}');
  assert.equal(escapeLabel('a\nb'), 'a\\nb');
});

test('seriesKey without labels is the bare name, and keeps label order', () => {
  assert.equal(seriesKey('aura_cpu_usage_ratio'), 'aura_cpu_usage_ratio');
  assert.equal(seriesKey('aura_gpu_clock_hertz', { gpu: 0, clock: 'sm' }), 'aura_gpu_clock_hertz{gpu="0",clock="sm"}');
});

test('parseKey undoes seriesKey for awkward label values', () => {
  for (const value of ['plain', 'quote"d', 'back\\slash', 'new\nline', 'brace}{', 'comma,="x"']) {
    const parsed = parseKey(seriesKey('aura_network_receive_bytes_per_second', { interface: value }));
    assert.deepEqual(parsed, { name: 'aura_network_receive_bytes_per_second', labels: { interface: value } });
  }
});

test('familyOf is the name before the labels', () => {
  assert.equal(familyOf('aura_cpu_core_usage_ratio{cpu="3"}'), 'aura_cpu_core_usage_ratio');
  assert.equal(familyOf('aura_memory_used_ratio'), 'aura_memory_used_ratio');
});
