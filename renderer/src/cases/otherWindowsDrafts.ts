import { caseDraftsHere } from './noteDrafts';

/**
 * The texts other windows (tabs of the browser host) hold typed and not saved in a case. Drafts live in
 * each window's sessionStorage, out of the others' reach, so archiving asks on a BroadcastChannel and
 * waits a moment for the answers: a case archived while another window holds a note typed in it would
 * leave that note read-only there, never saved.
 */
const CHANNEL = 'dw:case-drafts';
/** Windows answer from their event loop at once; one busy for longer (drawing a large network) is not waited for. */
const WAIT_MS = 500;

type Message = { ask: string; from: string; id: string } | { answer: string; drafts: [string, string][] };

/** This window, so that it does not answer its own question (a BroadcastChannel delivers to the sender's other channels). */
const thisWindow = crypto.randomUUID();

/** Answer other windows' questions about this window's drafts (once, at start). */
export function answerCaseDraftQuestions(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.addEventListener('message', (e: MessageEvent<Message>) => {
    const m = e.data;
    if (!('ask' in m) || m.from === thisWindow) return;
    const drafts = caseDraftsHere(m.ask);
    if (drafts.length) channel.postMessage({ answer: m.id, drafts } satisfies Message);
  });
}

/** The drafts of the case other windows hold: sessionStorage key → text (draftKeys). */
export async function caseDraftsElsewhere(caseId: string): Promise<Map<string, string>> {
  const held = new Map<string, string>();
  if (typeof BroadcastChannel === 'undefined') return held;
  const channel = new BroadcastChannel(CHANNEL);
  const id = crypto.randomUUID();
  channel.addEventListener('message', (e: MessageEvent<Message>) => {
    const m = e.data;
    if ('answer' in m && m.answer === id) for (const [key, text] of m.drafts) held.set(key, text);
  });
  channel.postMessage({ ask: caseId, from: thisWindow, id } satisfies Message);
  await new Promise((done) => setTimeout(done, WAIT_MS));
  channel.close();
  return held;
}
