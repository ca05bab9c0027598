/** A qualitative palette (Okabe–Ito + Tableau tones) readable on white; communities beyond it reuse it, grey for none. */
const PALETTE = [
  '#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#8C6D31', '#7B4173',
  '#BCBD22', '#E7298A', '#66A61E', '#A6761D', '#4E79A7', '#F28E2B', '#59A14F', '#B07AA1',
];
export const NO_COMMUNITY_COLOUR = '#9a9a9a';

export function communityColour(community: number): string {
  return community < 0 ? NO_COMMUNITY_COLOUR : PALETTE[community % PALETTE.length]!;
}
