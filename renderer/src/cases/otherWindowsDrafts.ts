import { caseDraftsHere } from './noteDrafts';

/**
 * The texts other windows (tabs of the browser host) hold typed and not saved in a case. Drafts live in
 * each window's sessionStorage, out of the others' reach, so archiving asks on a BroadcastChannel and
 * waits for the answers: a case archived while another window holds a note typed in it would leave that
 * note read-only there, never saved. Each window holds a Web Lock named for it while it lives, so the
 * asker knows how many answers to wait for: none in the desktop app's one window.
 */
const CHANNEL = 'dw:case-drafts';
const WINDOW_LOCK = 'dw:window:';
/** Windows answer from their event loop at once; one busy for longer (drawing a large network) is not waited for. */
const WAIT_MS = 500;

type Message = { ask: string; from: string; id: string } | { answer: string; drafts: [string, string][] };

/** This window, so that it does not answer its own question (a BroadcastChannel delivers to the sender's other channels). */
const thisWindow = crypto.randomUUID();

/** Answer other windows' questions about this window's drafts, and say that this window is open (once, at start). */
export function answerCaseDraftQuestions(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  // Held until the window closes (the promise never settles).
  void navigator.locks?.request(WINDOW_LOCK + thisWindow, () => new Promise<never>(() => {}));
  const channel = new BroadcastChannel(CHANNEL);
  channel.addEventListener('message', (e: MessageEvent<Message | null>) => {
    const m = e.data;
    if (!m || !('ask' in m) || m.from === thisWindow) return;
    channel.postMessage({ answer: m.id, drafts: caseDraftsHere(m.ask) } satisfies Message);
  });
}

/** How many other windows of the app are open (their locks), or null when the browser cannot tell. */
async function otherWindows(): Promise<number | null> {
  if (!navigator.locks) return null;
  const { held = [] } = await navigator.locks.query();
  return held.filter((l) => l.name?.startsWith(WINDOW_LOCK) && l.name !== WINDOW_LOCK + thisWindow).length;
}

/** The drafts of the case other windows hold: sessionStorage key → text (draftKeys). */
export async function caseDraftsElsewhere(caseId: string): Promise<Map<string, string>> {
  const held = new Map<string, string>();
  const expected = await otherWindows();
  if (typeof BroadcastChannel === 'undefined' || expected === 0) return held;
  const channel = new BroadcastChannel(CHANNEL);
  const id = crypto.randomUUID();
  let answers = 0;
  await new Promise<void>((done) => {
    const timer = setTimeout(done, WAIT_MS);
    channel.addEventListener('message', (e: MessageEvent<Message | null>) => {
      const m = e.data;
      if (!m || !('answer' in m) || m.answer !== id) return;
      for (const [key, text] of m.drafts) held.set(key, text);
      if (++answers === expected) {
        clearTimeout(timer);
        done();
      }
    });
    channel.postMessage({ ask: caseId, from: thisWindow, id } satisfies Message);
  });
  channel.close();
  return held;
}
