import { ownString } from './ownString';

/**
 * Strings as small integer codes: `values[code(s)] === s`. Each new value is copied once
 * (ownString), so a dictionary kept to the end of an import or a search session pins no record or
 * block it was read from.
 */
export class Dict {
  private readonly map = new Map<string, number>();
  readonly values: string[] = [];

  code(s: string): number {
    let c = this.map.get(s);
    if (c === undefined) {
      c = this.values.length;
      s = ownString(s);
      this.map.set(s, c);
      this.values.push(s);
    }
    return c;
  }
}
