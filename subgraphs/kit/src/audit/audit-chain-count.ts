import type { Database } from '../db/database';
import { MAX_AUDIT_CHAINS } from './audit-chains.migration';

/**
 * Sets how many chains appends spread over (SplitAuditTrailIntoChains1732406400030), as the
 * table's owner: more than the appends that run at once. Existing chains stay as they are and
 * are still verified; with fewer chains the others simply stop growing. One chain is the trail as
 * it was before there were chains: every append waits for the one before it.
 */
export async function setAuditChainCount(database: Database, chains: number): Promise<void> {
  if (!Number.isInteger(chains) || chains < 1 || chains > MAX_AUDIT_CHAINS) {
    throw new RangeError(`the number of audit chains must be an integer from 1 to ${MAX_AUDIT_CHAINS}`);
  }
  // One transaction: no append runs between the two statements without its trigger.
  await database.dataSource.transaction(async (manager) => {
    await manager.query('DROP TRIGGER audit_log_chain ON audit_log');
    await manager.query(
      `CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
         FOR EACH ROW EXECUTE FUNCTION audit_log_chain('${chains}')`,
    );
  });
}
