import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AUDITED_SERVICES,
  auditVerifySubject,
  CreateUserRequest,
  IdentitySubjects,
  ListUsersQuery,
  UserIdParams,
  UserView,
  type AuditChainReport,
  type Page,
} from '@fengqiao/contracts';
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

  @Get('users')
  @Allow('admin')
  listUsers(@CurrentActor() actor: RequestActor, @Query() query: ListUsersQuery): Promise<Page<UserView>> {
    return this.services.identity(IdentitySubjects.userList, actor, query);
  }

  @Post('users')
  @Allow('admin')
  @HttpCode(201)
  @ApiOkResponse({
    type: UserView,
    description: '409 when the username is taken, 422 without the scope the role needs',
  })
  createUser(@CurrentActor() actor: RequestActor, @Body() body: CreateUserRequest): Promise<UserView> {
    return this.services.identity(IdentitySubjects.userCreate, actor, body);
  }

  /** The user can no longer sign in, and every session they have ends now. */
  @Post('users/:userId/disable')
  @Allow('admin')
  @HttpCode(200)
  disableUser(@CurrentActor() actor: RequestActor, @Param() params: UserIdParams): Promise<UserView> {
    return this.services.identity(IdentitySubjects.userDisable, actor, params);
  }
}
