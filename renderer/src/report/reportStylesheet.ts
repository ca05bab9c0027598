import reportCssHref from './report.css?url';

/**
 * Absolute URL of the report stylesheet as vite bundled it (with the @fontsource fonts it imports):
 * the standalone report document links it from the app's own origin, never the network.
 */
export function reportStylesheetUrl(): string {
  return new URL(reportCssHref, document.baseURI).href;
}
