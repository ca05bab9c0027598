import type { ImportAggregates } from '../../store/schema';
import { topEntries } from './timeBuckets';

/** The tweet languages of a dataset as archived ('' for none), most tweets first: the choice Search and the Network form offer. */
export const tweetLanguagesOf = (ag: ImportAggregates | null | undefined): string[] => topEntries(ag?.tweetLanguages ?? {}, 200).map((e) => e[0]);
