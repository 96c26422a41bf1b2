import { Controller, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { verifyAuditChain } from '@fengqiao/audit';
import { Actor, auditVerifySubject, type AuditChainReport } from '@fengqiao/contracts';
import { HubError } from '@fengqiao/errors';

/** Walks this service's audit chain on request: what `npm run audit:verify` does, for the admin console. */
export function createAuditVerifyController(serviceName: string, schema: string): Type<unknown> {
  @Controller()
  class AuditVerifyController {
    constructor(readonly dataSource: DataSource) {}

    @MessagePattern(auditVerifySubject(serviceName))
    async verify(@Payload('actor') actor: Actor): Promise<AuditChainReport> {
      if (actor.role !== 'admin')
        throw new HubError(
          403,
          'FORBIDDEN',
          'only an admin may check the audit chain',
          '只有管理员可以校验审计链',
        );
      const report = await verifyAuditChain((sql, params) => this.dataSource.query(sql, params), schema);
      return {
        service: serviceName,
        entries: report.entries,
        intact: !report.firstBroken,
        ...(report.firstBroken ? { firstBroken: report.firstBroken } : {}),
      };
    }
  }
  return AuditVerifyController;
}
