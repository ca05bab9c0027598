import { diskGuardMiddleware } from './diskGuard';
import { WorkbenchDb } from './schema';

/** The app's one database connection (workers open their own with the same schema). Its writes stop short of a full disk (diskGuard.ts). */
export const db = new WorkbenchDb();
db.use(diskGuardMiddleware);
