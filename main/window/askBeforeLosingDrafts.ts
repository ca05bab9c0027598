import { dialog, type BrowserWindow } from 'electron';

/**
 * The page refuses to unload while a case's text is typed and not saved (renderer/src/cases/noteDrafts.ts:
 * its drafts live in the window's sessionStorage and close with it). Electron shows no dialog of its
 * own for that: without this handler the window would just stay open, unexplained. Asked here, the
 * analyst stays (the default) or closes and loses the text.
 */
export function askBeforeLosingDrafts(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: ['Stay and save them', 'Close and lose them'],
      defaultId: 0,
      cancelId: 0,
      message: 'Some notes, tags or a new case name are typed and not saved yet.',
      detail: 'Closing this window loses them. Stay, then save each (its box says “not saved yet”).',
    });
    // preventDefault here lets the unload go on.
    if (choice === 1) event.preventDefault();
  });
}
