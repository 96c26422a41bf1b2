import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AUDITED_SERVICES, auditVerifySubject, type AuditChainReport } from '@fengqiao/contracts';
import { Allow, type RequestActor } from '../http/access';
import { CurrentActor } from '../http/actor';
import { ServiceClient } from '../http/service-client';

@ApiTags('admin 管理')
@Controller('api/v1/admin')
export class AdminController {
  constructor(private readonly services: ServiceClient) {}

  /** Every service's audit chain, walked now: intact, or the first broken link (as `npm run audit:verify`). */
  @Get('audit/verify')
  @Allow('admin')
  @ApiOkResponse({ description: '{ intact, services: [{ service, entries, intact, firstBroken? }] }' })
  async verifyAudit(
    @CurrentActor() actor: RequestActor,
  ): Promise<{ intact: boolean; services: AuditChainReport[] }> {
    const services = await Promise.all(
      AUDITED_SERVICES.map((service) =>
        this.services.request<AuditChainReport>(service, auditVerifySubject(service), actor, {}),
      ),
    );
    return { intact: services.every((s) => s.intact), services };
  }
}
