import type { Locator, Page } from '@playwright/test';

/**
 * Is a piece of text visibly drawn on screen? Screenshot just its box (the compositor's output, so
 * DOM text and canvas text alike) and count the pixels that differ clearly from the box's
 * background (its most common colour). A glyph that the layout places but that draws nothing (a
 * COLRv1 colour emoji in a Chromium that does not paint COLRv1) leaves its box background-only.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Ink {
  /** Share (0–1) of the box's pixels that are not background. */
  share: number;
  /** The box in page pixels, as screenshotted. */
  box: Box;
  /** Share of ink in the middle of the box (its central half, by width and by height). A .notdef "tofu" box is a hollow rectangle: ink at its edges, none there. */
  middle: number;
  /** Share (0–1) of the box's pixels in a strong colour (channels more than 96 apart): a colour flag has many; black text and a monochrome emoji none. */
  colour: number;
  /** Ink mask as a string of 0/1 (to tell two glyphs apart: identical masks mean the same drawing, e.g. two .notdef boxes). */
  mask: string;
}

/** Client rect of `needle` inside the text of `scope` (a Range over its text node: the glyphs' own box, not the element's). */
export async function textBox(scope: Locator, needle: string): Promise<Box> {
  const rect = await scope.evaluate((el, n) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(n);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + n.length);
      // A wrapped range has several rects; the emoji itself is never split across lines.
      const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return null;
  }, needle);
  if (!rect) throw new Error(`text ${JSON.stringify(needle)} not found`);
  return rect;
}

/** Ink in `box` (page CSS pixels; scrolled into view by the caller). */
export async function inkIn(page: Page, box: Box): Promise<Ink> {
  const clip = { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.max(1, Math.ceil(box.width)), height: Math.max(1, Math.ceil(box.height)) };
  const png = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  // Decoded by the page's own PNG decoder: no image library in the test dependencies.
  const { share, middle, colour, mask } = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const freq = new Map<number, number>();
    for (let i = 0; i < px.length; i += 4) {
      const key = (px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!;
      freq.set(key, (freq.get(key) ?? 0) + 1);
    }
    const bg = [...freq].sort((a, b) => b[1] - a[1])[0]![0];
    const [br, bgG, bb] = [(bg >> 16) & 255, (bg >> 8) & 255, bg & 255];
    const { width: w, height: h } = bitmap;
    let ink = 0;
    let mid = 0;
    let midArea = 0;
    let coloured = 0;
    let mask = '';
    for (let i = 0; i < px.length; i += 4) {
      const on = Math.max(Math.abs(px[i]! - br), Math.abs(px[i + 1]! - bgG), Math.abs(px[i + 2]! - bb)) > 64;
      const x = (i / 4) % w, y = Math.floor(i / 4 / w);
      const inMiddle = x >= w / 4 && x < (3 * w) / 4 && y >= h / 4 && y < (3 * h) / 4;
      if (inMiddle) midArea++;
      if (on) ink++;
      if (on && inMiddle) mid++;
      if (Math.max(px[i]!, px[i + 1]!, px[i + 2]!) - Math.min(px[i]!, px[i + 1]!, px[i + 2]!) > 96) coloured++;
      mask += on ? '1' : '0';
    }
    return { share: ink / (w * h), middle: midArea ? mid / midArea : 0, colour: coloured / (w * h), mask };
  }, png.toString('base64'));
  return { share, middle, colour, box: clip, mask };
}

/** Ink of the glyphs of `needle` inside `scope`. */
export async function textInk(scope: Locator, needle: string): Promise<Ink> {
  await scope.scrollIntoViewIfNeeded();
  return inkIn(scope.page(), await textBox(scope, needle));
}

/** The fonts Chromium actually drew an element's text with (DevTools protocol), e.g. { 'Noto Emoji': 3, 'Noto Sans': 12 }. */
export async function fontsUsed(page: Page, selector: string): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return Object.fromEntries(fonts.map((f) => [f.familyName, f.glyphCount]));
  } finally {
    await cdp.detach();
  }
}
