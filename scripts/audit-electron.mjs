// Security audit: Electronegativity (offline, with the Electron version given) over the main
// process, the renderer sources and the built index.html. Fails on any finding that
// security-audit.json does not accept with a written reason. An acceptance names the flagged line's
// code exactly: when that line changes (a new CSP, another switch), the finding is open again.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const toolDir = 'tools/electronegativity';
const bin = path.join(toolDir, 'node_modules/.bin/electronegativity');
if (!existsSync(bin)) execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', toolDir], { stdio: 'inherit' });
if (!existsSync('dist/renderer/index.html')) throw new Error('run `npm run build` first: the audit reads dist/renderer/index.html');

const staged = mkdtempSync(path.join(tmpdir(), 'dw-audit-'));
cpSync('main', path.join(staged, 'main'), { recursive: true });
cpSync('renderer/src', path.join(staged, 'renderer'), { recursive: true });
cpSync('dist/renderer/index.html', path.join(staged, 'index.html'));

const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const sarif = path.join(staged, 'findings.sarif');
execFileSync(bin, ['-i', staged, '-e', electronVersion, '-r', '-v', 'false', '-o', sarif], { stdio: ['ignore', 'ignore', 'inherit'] });

const findings = JSON.parse(readFileSync(sarif, 'utf8')).runs.flatMap((run) =>
  run.results.map((r) => {
    const where = r.locations?.[0]?.physicalLocation;
    const uri = where?.artifactLocation?.uri ?? '';
    const line = where?.region?.startLine;
    const code = line ? (readFileSync(path.join(staged, uri), 'utf8').split('\n')[line - 1] ?? '').trim() : '';
    return { check: r.ruleId, file: uri.replace(/^(main|renderer)\//, ''), line, code };
  }),
);
rmSync(staged, { recursive: true, force: true });
const { accepted } = JSON.parse(readFileSync('security-audit.json', 'utf8'));
const open = findings.filter((f) => !accepted.some((a) => a.check === f.check && a.file === f.file && a.code === f.code));
console.log(JSON.stringify({ electronVersion, findings: findings.length, accepted: findings.length - open.length, open }));
if (open.length) {
  console.error(`electronegativity: ${open.length} failed (not accepted in security-audit.json)`);
  process.exit(1);
}
console.log(`electronegativity: ${findings.length} passed, 0 failed`);
