import type { Page } from '@playwright/test';

type Watch = { frames: number; on: boolean };

/**
 * Counts the frames in which the keyboard focus sits on the page's body (lost), from now on: a
 * disabled button drops it there for a frame or more, which a check after the work cannot see.
 * The returned function stops the count and returns it.
 */
export async function watchBodyFocus(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w: Watch = ((window as unknown as { dwBodyFocus: Watch }).dwBodyFocus = { frames: 0, on: true });
    const sample = () => {
      if (document.activeElement === document.body) w.frames++;
      if (w.on) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  return () =>
    page.evaluate(() => {
      const w = (window as unknown as { dwBodyFocus: Watch }).dwBodyFocus;
      w.on = false;
      return w.frames;
    });
}
