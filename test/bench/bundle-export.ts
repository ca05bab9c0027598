/** `npm run bench:bundle -- [BYTES]`: a 1 GB (default) source through the bundle writer; prints one JSON line. */
import { runBundleExport } from './bundleExportRun';
import { scriptArgs } from './scriptArgs';

const bytes = scriptArgs('usage: npm run bench:bundle -- [BYTES]', { options: [], operands: ['BYTES'] }).count('BYTES', 1024 ** 3);
const r = await runBundleExport(bytes);
process.stdout.write(`${JSON.stringify({ sourceBytes: r.sourceBytes, zipBytes: r.zipBytes, seconds: r.seconds, peakRssMB: r.peakRssMB, rssGrowthMB: r.rssGrowthMB })}\n`);
