export { OutboxMessage } from './outbox/outbox-message.entity';
export { Outbox, outboxChannel } from './outbox/outbox';
export { OutboxRelay, EVENT_SIGNATURE_HEADER, type OutboxRelayOptions } from './outbox/outbox-relay';
export { InboxMessage } from './inbox/inbox-message.entity';
export { ensureStreams, streamConfigs, DEAD_LETTER_STREAM, deadLetterSubject } from './jetstream/streams';
export { DurableConsumer, retryDelayMs, type ConsumerSpec } from './jetstream/durable-consumer';
export {
  DurableEventHandler,
  type DurableEventHandlerOptions,
  type EventContext,
} from './jetstream/durable-event-handler.decorator';
export {
  MessagingModule,
  MessagingLifecycle,
  connectNats,
  streamOf,
  NATS_CONNECTION,
  JETSTREAM,
  JETSTREAM_MANAGER,
  type MessagingOptions,
} from './messaging.module';
export { RpcClient, toHubError } from './rpc/rpc-client';
export { failpoint, type FailpointName } from './failpoints';
export {
  RevokedSessions,
  openRevokedSessions,
  revokeSession,
  REVOKED_SESSIONS_BUCKET,
} from './revoked-sessions';

/** Entities every service that uses the outbox and durable handlers must register. */
import { OutboxMessage as OutboxEntity } from './outbox/outbox-message.entity';
import { InboxMessage as InboxEntity } from './inbox/inbox-message.entity';
export const MESSAGING_ENTITIES = [OutboxEntity, InboxEntity];
