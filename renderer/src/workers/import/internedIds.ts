import { ownString } from '../../../../shared/archive/ownString';

/** Ids (account ids) as small integers: `ids[indexOf(id)] === id`. Each new id is copied once (ownString). */
export class InternedIds {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();

  indexOf(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      id = ownString(id);
      this.ids.push(id);
      this.index.set(id, i);
    }
    return i;
  }
}
