import { defineConfig } from '@playwright/test';
import { findElectronBinary } from './electronBinary';

const found = findElectronBinary();
if ('reason' in found) console.log(`Electron suite skipped: ${found.reason}`);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/electron',
  timeout: 120_000,
  workers: 1,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: '../../playwright-report/electron' }]] : 'list',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
