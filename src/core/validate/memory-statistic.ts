/**
 * Which statistic a record's peak memory is. PyTorch's caching allocator reports two peaks
 * (PyTorch CUDA semantics, "Memory management"): max *allocated* (bytes of live tensors; "active"
 * bytes are the same blocks) and max *reserved* (segments the allocator holds from the driver =
 * allocated + its cache). The record's provenance says which, else the source's documentation:
 *
 * | evidence | statistic | basis |
 * |---|---|---|
 * | `measured.other.memoryMetric` or notes name active / allocated bytes | allocated | stated |
 * | notes name max_memory_reserved / reserved memory | reserved | stated |
 * | notes say how the figure was read is not stated, and name the stack's logged max_memory_reserved | reserved | documented: the stack's own logs print it (ms-swift's `memory(GiB)`); a device-level reading (nvidia-smi: reserved + CUDA context) is not excluded |
 * | torchtitan benchmark tables | reserved | torchtitan's `DeviceMemoryMonitor` logs `max_reserved_gib` (torchtitan/tools/utils.py) |
 * | notes say the statistic is unknown | allocated | assumed: DeepSpeed's `see_memory_usage` prints "MA x Max_MA y" (allocated now / max allocated), the "x/y" form of such tables |
 */
import type { RunRecord } from '../runs/record-schema.js';

export type MemoryStatistic = 'allocated' | 'reserved';

export interface RecordMemoryStatistic {
  readonly statistic: MemoryStatistic;
  readonly basis: 'stated' | 'documented' | 'assumed';
  readonly source: string;
}

function provenance(record: RunRecord): string {
  const metric = record.measured.other?.['memoryMetric'];
  return `${typeof metric === 'string' ? metric : ''} | ${record.notes}`;
}

/** The statistic of the record's `measured.peakMemGiB` (see the table above). */
export function memoryStatisticOf(record: RunRecord): RecordMemoryStatistic {
  const text = provenance(record);
  if (/allocated vs reserved unknown/i.test(text)) {
    return { statistic: 'allocated', basis: 'assumed', source: 'statistic not stated; DeepSpeed see_memory_usage prints allocated / max allocated' };
  }
  if (/active_bytes|memory active|max_memory_allocated|max allocated/i.test(text)) return { statistic: 'allocated', basis: 'stated', source: 'active / allocated bytes named by the source' };
  if (/how it was read is not stated/i.test(text) && /max_memory_reserved/i.test(text)) {
    return { statistic: 'reserved', basis: 'documented', source: 'the stack logs max_memory_reserved; how the printed figure was read is not stated' };
  }
  if (/max_memory_reserved|reserved/i.test(text)) return { statistic: 'reserved', basis: 'stated', source: 'reserved bytes named by the source' };
  if (record.framework === 'torchtitan') return { statistic: 'reserved', basis: 'documented', source: 'torchtitan DeviceMemoryMonitor logs max_reserved_gib' };
  return { statistic: 'reserved', basis: 'assumed', source: 'statistic not stated: reserved (what device-level tools show)' };
}
