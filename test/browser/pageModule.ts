import type { Page } from '@playwright/test';
import { build } from 'esbuild';

/**
 * Makes an app module's exports available in the page as `globalThis[name]`, for in-page checks
 * that must read stored records the way the app does (e.g. the tweet block codec) instead of
 * copying its code. page.evaluate is not subject to the page's CSP; call again after a navigation.
 */
export async function exposeModule(page: Page, file: string, name: string): Promise<void> {
  const bundle = await build({ entryPoints: [file], bundle: true, write: false, format: 'iife', globalName: name, footer: { js: `globalThis.${name} = ${name};` }, target: 'es2022', logLevel: 'silent' });
  await page.evaluate(bundle.outputFiles[0]!.text);
}
