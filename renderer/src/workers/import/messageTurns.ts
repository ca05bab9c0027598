/** How much parsing may run before the worker's queued messages get a turn. */
const TURN_EVERY_MS = 50;

/**
 * Gives the import worker's queued messages (Cancel) a turn now and then. A parse that awaits only
 * data already read resolves microtasks and never returns to the event loop, so Cancel was heard
 * only at the next batch write or file read: 1.4-2 s after the click on an idle machine, 4-10 s on a
 * loaded one. A MessageChannel message, not setTimeout: timers nested in timers wait at least 4 ms.
 */
export class MessageTurns {
  private last = performance.now();
  private readonly channel = new MessageChannel();
  private resume: (() => void) | undefined;

  constructor() {
    this.channel.port1.onmessage = () => this.resume?.();
  }

  /** Resolves at once, or after one turn of the event loop when TURN_EVERY_MS of parsing have passed. */
  async take(): Promise<void> {
    if (performance.now() - this.last < TURN_EVERY_MS) return;
    await new Promise<void>((resolve) => {
      this.resume = resolve;
      this.channel.port2.postMessage(null);
    });
    this.last = performance.now();
  }
}
