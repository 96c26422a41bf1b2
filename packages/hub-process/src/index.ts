export { HubProcesses, HUB_SERVICES, type HubService, type HubOptions } from './hub';
export { NatsServerProcess, freePort } from './nats-server';
