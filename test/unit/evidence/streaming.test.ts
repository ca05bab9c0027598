import { describe, expect, it } from 'vitest';
import { runBundleExport } from '../../bench/bundleExportRun';

describe('streaming bundle export', () => {
  it('streams a 200 MB generated source with flat memory (ZIP not held in memory)', async () => {
    const size = 200 * 1024 * 1024;
    const r = await runBundleExport(size);
    console.log(JSON.stringify(r));
    expect(r.zipBytes).toBeGreaterThan(size); // stored, not deflated: the source plus tag files
    expect(r.payloadSha256).toMatch(/^[0-9a-f]{64}$/);
    // Flat: growth well below the source size (a buffered implementation would grow by >= 200 MB).
    expect(r.rssGrowthMB).toBeLessThan(80);
  });
});
