/**
 * SQL a service's migration runs after creating its audit_log: UPDATE and DELETE are refused for
 * every role, so the application cannot rewrite history; only someone who can disable triggers
 * (a superuser) could, and the hash chain shows it.
 */
export function auditLogTriggerSql(schema: string): string[] {
  return [
    `CREATE OR REPLACE FUNCTION "${schema}".audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`,
    `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "${schema}".audit_log
     FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".audit_log_append_only()`,
  ];
}

export function dropAuditLogTriggerSql(schema: string): string[] {
  return [
    `DROP TRIGGER IF EXISTS audit_log_append_only ON "${schema}".audit_log`,
    `DROP FUNCTION IF EXISTS "${schema}".audit_log_append_only()`,
  ];
}
