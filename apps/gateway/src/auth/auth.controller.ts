import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, IdentitySubjects, LoginRequest, RefreshRequest, SessionView } from '@fengqiao/contracts';
import { Public } from '../http/access';
import { CurrentActor } from '../http/actor';
import { ServiceClient } from '../http/service-client';

/** Sign-in, token refresh and sign-out, answered by the identity service. */
@ApiTags('auth 登录')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly services: ServiceClient) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({
    type: SessionView,
    description: '401 bad credentials, 423 account locked, 429 too many attempts',
  })
  login(
    @CurrentActor() actor: Actor & { origin?: string },
    @Body() body: LoginRequest,
  ): Promise<SessionView> {
    return this.services.identity(IdentitySubjects.login, actor, {
      ...body,
      origin: actor.origin ?? 'unknown',
    });
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SessionView, description: 'a new access token and the next refresh token' })
  refresh(@CurrentActor() actor: Actor, @Body() body: RefreshRequest): Promise<SessionView> {
    return this.services.identity(IdentitySubjects.refresh, actor, body);
  }

  @Post('logout')
  @Public()
  @HttpCode(200)
  logout(@CurrentActor() actor: Actor, @Body() body: RefreshRequest): Promise<{ signedOut: true }> {
    return this.services.identity(IdentitySubjects.logout, actor, body);
  }
}
