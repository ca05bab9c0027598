/**
 * State that outlives the views showing it (the running import, the network analysis): kept outside
 * React, read with `useSyncExternalStore(session.subscribe, session.getState)`.
 */
export class SessionState<T> {
  private readonly listeners = new Set<() => void>();

  constructor(protected state: T) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): T => this.state;

  protected set(next: T | ((s: T) => T)): void {
    this.state = typeof next === 'function' ? (next as (s: T) => T)(this.state) : next;
    for (const l of this.listeners) l();
  }
}
