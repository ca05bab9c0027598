import { vi } from 'vitest';

/** performance.now() returns these readings, one per call, in order (restore with vi.restoreAllMocks). */
export function performanceReads(ms: number[]): void {
  const now = vi.spyOn(performance, 'now');
  for (const t of ms) now.mockReturnValueOnce(t);
}
