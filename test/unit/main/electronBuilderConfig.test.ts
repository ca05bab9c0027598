import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../fixtures/paths';

const config = parse(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8'));

describe('electron-builder.yml', () => {
  it('sets every fuse of the security baseline', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('has no publish step and no auto-update, ships an asar without source maps', () => {
    expect(config.publish).toBeNull();
    expect(config.asar).toBe(true);
    expect(config.files).toContain('!**/*.map');
    expect(JSON.stringify(config)).not.toMatch(/autoUpdat|electron-updater|publish":\{/);
  });

  it('targets Linux AppImage, deb and tar.gz, macOS dmg, Windows nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb', 'tar.gz']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('packages only the built app (every runtime library is bundled, none is a runtime dependency)', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(config.files.filter((f: string) => !f.startsWith('!'))).toEqual(['dist/main/**', 'dist/renderer/**', 'package.json']);
  });
});
