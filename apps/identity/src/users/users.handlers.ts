import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  CreateUserRequest,
  IdentitySubjects,
  ListUsersQuery,
  UserIdParams,
  type Page,
  type UserView,
} from '@fengqiao/contracts';
import { UserAdmin } from './user-admin';

@Controller()
export class UsersHandlers {
  constructor(private readonly users: UserAdmin) {}

  @MessagePattern(IdentitySubjects.userList)
  list(@Payload('actor') actor: Actor, @Payload('body') query: ListUsersQuery): Promise<Page<UserView>> {
    return this.users.list(actor, query);
  }

  @MessagePattern(IdentitySubjects.userCreate)
  @Audited()
  create(@Payload('actor') actor: Actor, @Payload('body') body: CreateUserRequest): Promise<UserView> {
    return this.users.create(actor, body);
  }

  @MessagePattern(IdentitySubjects.userDisable)
  @Audited()
  disable(@Payload('actor') actor: Actor, @Payload('body') params: UserIdParams): Promise<UserView> {
    return this.users.disable(actor, params.userId);
  }
}
