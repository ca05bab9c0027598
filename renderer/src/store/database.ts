import { WorkbenchDb } from './schema';

/** The app's one database connection (workers open their own with the same schema). */
export const db = new WorkbenchDb();
