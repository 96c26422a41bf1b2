import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import { IdentitySubjects, LoginCommand, RefreshRequest, type SessionView } from '@fengqiao/contracts';
import { Sessions } from './sessions';

@Controller()
export class SessionsHandlers {
  constructor(private readonly sessions: Sessions) {}

  @MessagePattern(IdentitySubjects.login)
  @Audited()
  login(@Payload('body') body: LoginCommand): Promise<SessionView> {
    return this.sessions.login(body);
  }

  @MessagePattern(IdentitySubjects.refresh)
  @Audited()
  refresh(@Payload('body') body: RefreshRequest): Promise<SessionView> {
    return this.sessions.refresh(body.refreshToken);
  }

  @MessagePattern(IdentitySubjects.logout)
  @Audited()
  async logout(@Payload('body') body: RefreshRequest): Promise<{ signedOut: true }> {
    await this.sessions.logout(body.refreshToken);
    return { signedOut: true };
  }
}
