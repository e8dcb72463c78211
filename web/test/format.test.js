import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byUnit, bytes, celsius, humanize, number, percent, rate } from '../src/format.js';

test('bytes uses binary units with one decimal below 100', () => {
  assert.equal(bytes(0), '0 B');
  assert.equal(bytes(1023), '1023 B');
  assert.equal(bytes(1536), '1.5 KiB');
  assert.equal(bytes(42_949_672_960), '40.0 GiB');
  assert.equal(bytes(150 * 1024 * 1024), '150 MiB');
  assert.equal(bytes(-2048), '-2.0 KiB');
});

test('a missing or non-finite value shows as a dash, never as 0', () => {
  for (const f of [bytes, rate, percent, celsius, number]) {
    assert.equal(f(null), '—');
    assert.equal(f(undefined), '—');
    assert.equal(f(Number.NaN), '—');
  }
});

test('percent and rate', () => {
  assert.equal(percent(0.87), '87%');
  assert.equal(percent(0.1234, 1), '12.3%');
  assert.equal(rate(2048), '2.0 KiB/s');
});

test('byUnit follows the catalog unit', () => {
  assert.equal(byUnit(0.5, 'ratio'), '50.0%');
  assert.equal(byUnit(1_500_000_000, 'hertz'), '1.50 GHz');
  assert.equal(byUnit(900_000_000, 'hertz'), '900 MHz');
  assert.equal(byUnit(312.5, 'watts'), '312.5 W');
  assert.equal(byUnit(61.4, 'celsius'), '61°C');
  assert.equal(byUnit(3, 'state'), '3');
});

test('humanize turns a snake_case key into words', () => {
  assert.equal(humanize('memory_used_bytes'), 'Memory used bytes');
});
