import { countOf } from '../import/formatters';
import type { DatasetRecord } from '../store/schema';

/** A dataset as the Explore and Network dataset lists offer it: "name (1 tweet)", "name (2,000 tweets)". */
export const datasetOptionLabel = (d: DatasetRecord): string => `${d.name} (${countOf(d.counts.tweets, 'tweet')})`;
