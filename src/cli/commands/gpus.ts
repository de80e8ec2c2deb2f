/** `scaleplan gpus`: the accelerator catalog. */
import type { Command } from 'commander';
import { ACCELERATORS } from '../../core/index.js';
import { table } from '../format.js';
import { print, printJson } from '../io.js';
import { action } from '../run.js';

const tflops = (x: number | null): string => (x === null ? '-' : (x / 1e12).toFixed(0));

export function registerGpus(program: Command): void {
  program
    .command('gpus')
    .description('List the accelerator catalog: dense peaks, HBM, scale-up domain, power, with sources.')
    .option('--json', 'machine-readable output (SI units)')
    .action(action((opts: { json?: boolean }) => {
      const accs = Object.values(ACCELERATORS);
      if (opts.json) return printJson({ accelerators: accs });
      print(table(
        ['id', 'name', 'BF16 TF/s', 'FP8 TF/s', 'FP4 TF/s', 'HBM GiB', 'HBM TB/s', 'scale-up GB/s/dir', 'domain', 'TDP W', 'scale-out GB/s'],
        accs.map((a) => [
          a.id, a.name, tflops(a.peakFlopsPerSec.bf16), tflops(a.peakFlopsPerSec.fp8), tflops(a.peakFlopsPerSec.fp4),
          (a.hbmBytes / 2 ** 30).toFixed(0), (a.hbmBandwidthBytesPerSec / 1e12).toFixed(2),
          ((a.scaleUp.achievedBytesPerSec ?? a.scaleUp.bandwidthBytesPerSec) / 1e9).toFixed(0), a.scaleUp.domainGpus,
          a.tdpWatts, (a.scaleOut.bandwidthBytesPerSec / 1e9).toFixed(0),
        ]),
      ));
      print('Dense tensor-core peaks (no sparsity). Sources: `scaleplan gpus --json` (field `source`).');
    }));
}
