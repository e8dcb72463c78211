import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TimelineData, timelineUrl } from '../src/timeline/data.js';

const point = (t, avg) => ({ t, avg, min: avg - 1, max: avg + 1 });

test('append keeps only points later than the last', () => {
  const data = new TimelineData();
  data.reset(0, 10, { from: 0, to: 10, tier: 'raw', events: [], points: [point(1, 5), point(2, 6)] });
  data.append([point(2, 99), point(3, 7)]);
  assert.deepEqual(data.t, [1, 2, 3]);
  assert.deepEqual(data.avg, [5, 6, 7]);
  assert.deepEqual(data.columns().map((c) => c.length), [3, 3, 3, 3]);
});

test('slide drops the points and events that scrolled out of the window', () => {
  const data = new TimelineData();
  data.reset(0, 10, { from: 0, to: 10, tier: 'raw', events: [{ id: 1, t: 2 }], points: [point(1, 1), point(5, 5), point(9, 9)] });
  data.addEvents([{ id: 1, t: 2 }, { id: 2, t: 8 }]);
  data.slide(13, 10);
  assert.equal(data.from, 3);
  assert.deepEqual(data.t, [5, 9]);
  assert.deepEqual(data.min, [4, 8]);
  assert.deepEqual(data.events.map((e) => e.id), [2]);
});

test('an empty answer leaves an empty window over what was asked', () => {
  const data = new TimelineData(100, 200);
  assert.equal(data.last, null);
  assert.deepEqual([data.from, data.to], [100, 200]);
});

test('timelineUrl encodes the series key, label quotes and all', () => {
  const url = new URL(timelineUrl('aura_disk_read_bytes_per_second{device="a&b"}', 1, 2.5, 300), 'http://x');
  assert.equal(url.pathname, '/api/timeline');
  assert.equal(url.searchParams.get('series'), 'aura_disk_read_bytes_per_second{device="a&b"}');
  assert.equal(url.searchParams.get('from'), '1.000');
  assert.equal(url.searchParams.get('to'), '2.500');
  assert.equal(url.searchParams.get('points'), '300');
  assert.equal(url.searchParams.get('missing'), 'empty');
});
