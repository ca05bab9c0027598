/**
 * Node sizes are drawn to a quantum of SIZE_STEP px. Cytoscape's canvas renderer draws each node
 * body once into a texture keyed by its style (size, colour, border) and then copies that texture;
 * with a distinct size per node (a continuous metric) every node needs a texture of its own, and
 * the first frame of 5k nodes / 20k edges took several times as long. About twenty sizes times
 * sixteen community colours share a few hundred textures.
 */
export const SIZE_STEP = 2;

export const quantizeSize = (px: number): number => Math.max(SIZE_STEP, Math.round(px / SIZE_STEP) * SIZE_STEP);
