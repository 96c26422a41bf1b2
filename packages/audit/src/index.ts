export { AuditEntry } from './audit-entry.entity';
export {
  appendAudit,
  verifyAuditChain,
  entryHash,
  GENESIS_HASH,
  type AuditRecord,
  type ChainReport,
} from './chain';
export { auditLogTriggerSql, dropAuditLogTriggerSql } from './audit-log.sql';
export { Audited, AuditInterceptor } from './audited';
