/**
 * Text for a terminal: archive values, file and entry names are attacker-controlled, and a control
 * character (ESC, BEL, CR, C1) printed raw lets them clear the screen, retitle the window, move the
 * cursor or fake report lines. Every control character but line feed and tab is shown as `\xHH`
 * (JSON output escapes them already).
 */
export function terminalText(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
