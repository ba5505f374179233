// Preloaded into a measured process (`node --import`): at exit, writes the process's peak
// resident memory (KiB, from getrusage) to the file BENCH_PEAK_FILE names.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
