/** Names that appear in signatures, bundles and file locations: change them only with a migration. */
export const APP_NAME = 'Disclosure Workbench';
export const APP_ID = 'org.disclosure-workbench';
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://workbench`;
