import { crossWindowEvent } from './crossWindowEvent';

/** Datasets were added, changed or deleted, in this window or another. */
export const DATASETS_CHANGED = 'dw:datasets-changed';

export const announceDatasetsChanged = crossWindowEvent(DATASETS_CHANGED);
