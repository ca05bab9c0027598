import { describe, expect, it } from 'vitest';
import { custodyLine, toolCodes } from '../../bench/demoBundleReport';

const OUT = '/tmp/demo-out';
const CHECK = '/tmp/dw-demo-bundle-check-Ab12';
/** The runs recipientChecks makes (test/browser/casesTools.ts), in its order. */
const RUNS = [
  `unzip -t ${OUT}/bundle.zip`,
  `unzip -q -o ${OUT}/bundle.zip -d ${CHECK}`,
  'ssh-keygen -lf metadata/signer/id_ed25519.pub',
  'ssh-keygen -Y verify -f metadata/signer/allowed_signers -I a@example.org -n dw -s signatures/tagmanifest-sha512.txt.sig',
  'sha512sum -c tagmanifest-sha512.txt',
  'sha512sum -c manifest-sha512.txt',
  'sha256sum -c manifest-sha256.txt',
  'minisign -Vm tagmanifest-sha512.txt -x signatures/tagmanifest-sha512.txt.minisig -p metadata/signer/minisign.pub',
  'sh verify.sh SHA256:abc',
].map((cmd) => ({ cmd, code: 0 }));

describe('demo:bundle JSON line', () => {
  it('keys the tools of one bundle check by their first three words, as before', () => {
    expect(Object.keys(toolCodes(RUNS, [OUT, CHECK]))).toEqual([
      'unzip -t bundle.zip', 'unzip -q -o', 'ssh-keygen -lf metadata/signer/id_ed25519.pub', 'ssh-keygen -Y verify', 'sha512sum -c tagmanifest-sha512.txt',
      'sha512sum -c manifest-sha512.txt', 'sha256sum -c manifest-sha256.txt', 'minisign -Vm tagmanifest-sha512.txt', 'sh verify.sh SHA256:abc',
    ]);
  });

  it('gives a second ssh-keygen -Y verify (and a command run twice) keys of their own: no exit code is lost', () => {
    const report = 'ssh-keygen -Y verify -f metadata/signer/allowed_signers -I a@example.org -n dw -s signatures/evidence-report.pdf.sig';
    const codes = toolCodes([...RUNS, { cmd: report, code: 255 }, { cmd: report, code: 0 }, { cmd: `unzip -q -o ${OUT}/bundle.zip -d ${CHECK}`, code: 9 }], [OUT, CHECK]);
    expect(codes['ssh-keygen -Y verify']).toBe(0);
    expect(codes[report]).toBe(255);
    expect(codes[`${report} (2)`]).toBe(0);
    expect(codes['unzip -q -o bundle.zip -d .']).toBe(9);
    expect(Object.keys(codes)).toHaveLength(RUNS.length + 3);
  });

  it("says the chain's last entry is this export, recorded after the bundle was written", () => {
    expect(custodyLine('Chain intact: 9 entries, head 0123456789abcdef…', 8)).toBe(
      "Chain intact: 9 entries, the last of them this export, recorded after the bundle was written (the bundle's metadata/custody.jsonl holds the other 8), head 0123456789abcdef…",
    );
    // Counts that do not differ by the export are said as they are.
    expect(custodyLine('Chain intact: 9 entries, head 01…', 9)).toBe("Chain intact: 9 entries (the bundle's metadata/custody.jsonl holds 9), head 01…");
    expect(custodyLine('Chain broken at entry 3', 8)).toBe("Chain broken at entry 3 (the bundle's metadata/custody.jsonl holds 8)");
  });
});
