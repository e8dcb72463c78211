// The series the timeline offers: the headline ones first, then one per core, disk, interface and GPU the live view
// has, then every other unlabelled gauge of the catalog. Keys are built with seriesKey, so a device or interface name
// with a quote or backslash still names its series.
import { seriesKey } from '../series.js';

/** [key, label] pairs, the current series kept even when nothing offers it. */
export function seriesOptions(catalog, view, current) {
  const options = [];
  const add = (key, label) => { if (!options.some((o) => o[0] === key)) options.push([key, label]); };
  add('aura_cpu_usage_ratio', 'CPU');
  add('aura_memory_used_ratio', 'Memory');
  add('aura_swap_used_ratio', 'Swap');
  add('aura_temperature_hottest_celsius', 'Hottest temperature');
  for (const c of view?.cpu.cores ?? []) add(seriesKey('aura_cpu_core_usage_ratio', { cpu: c.id }), `CPU ${c.id}`);
  for (const d of view?.disks ?? []) {
    add(seriesKey('aura_disk_read_bytes_per_second', { device: d.name }), `${d.name} read`);
    add(seriesKey('aura_disk_write_bytes_per_second', { device: d.name }), `${d.name} write`);
  }
  for (const n of view?.nets ?? []) {
    add(seriesKey('aura_network_receive_bytes_per_second', { interface: n.name }), `${n.name} in`);
    add(seriesKey('aura_network_transmit_bytes_per_second', { interface: n.name }), `${n.name} out`);
  }
  for (const s of catalog) {
    if (s.labels.length === 0 && s.kind === 'gauge') add(s.name, s.help.replace(/\.$/, ''));
    if (s.labels.length === 1 && s.labels[0] === 'gpu') {
      for (const g of view?.gpus ?? []) add(seriesKey(s.name, { gpu: g.index }), `GPU ${g.index} ${s.name.replace(/^aura_gpu_/, '').replace(/_/g, ' ')}`);
    }
  }
  if (!options.some((o) => o[0] === current)) add(current, current);
  return options;
}
