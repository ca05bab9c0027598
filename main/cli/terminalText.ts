/**
 * Text for a terminal: archive values, file and entry names are attacker-controlled, and a control
 * character (ESC, BEL, CR, C1) printed raw lets them clear the screen, retitle the window, move the
 * cursor or fake report lines. Every control character but line feed and tab is shown as `\xHH`, and
 * a bidi control (which reorders the rest of the line) as `\u202E` (JSON output escapes them
 * already). Backslashes stay as they are (Windows paths): `--json` tells a name spelling `\x1B` apart.
 */
export function terminalText(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
