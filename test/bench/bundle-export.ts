/** `npm run bench:bundle -- [bytes]`: a 1 GB (default) source through the bundle writer; prints one JSON line. */
import { runBundleExport } from './bundleExportRun';

const bytes = Number(process.argv[2] ?? 1024 ** 3);
const r = await runBundleExport(bytes);
process.stdout.write(`${JSON.stringify({ sourceBytes: r.sourceBytes, zipBytes: r.zipBytes, seconds: r.seconds, peakRssMB: r.peakRssMB, rssGrowthMB: r.rssGrowthMB })}\n`);
