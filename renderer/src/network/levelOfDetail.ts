/**
 * Node sizes are drawn to a quantum of SIZE_STEP px. Cytoscape's canvas renderer draws each node
 * body once into a texture keyed by its style (size, colour, border) and then copies that texture;
 * with a distinct size per node (a continuous metric) every node needs a texture of its own, and
 * the first frame of 5k nodes / 20k edges took several times as long. About twenty sizes times
 * sixteen community colours share a few hundred textures.
 */
export const SIZE_STEP = 2;

export const quantizeSize = (px: number): number => Math.max(SIZE_STEP, Math.round(px / SIZE_STEP) * SIZE_STEP);

/** `#rgb`/`#rrggbb` drawn at `alpha` over white, as the opaque `#rrggbb` it looks like; anything else unchanged. */
export function overWhite(colour: string, alpha: number): string {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour);
  if (!m) return colour;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return '#' + [0, 2, 4].map((i) => Math.round(255 - alpha * (255 - parseInt(hex.slice(i, i + 2), 16))).toString(16).padStart(2, '0')).join('');
}
