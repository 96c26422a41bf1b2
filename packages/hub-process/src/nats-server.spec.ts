import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { NatsServerProcess } from './nats-server';

describe('a private nats-server', () => {
  it('keeps its JetStream streams across a stop and a restart on the same port', async () => {
    const server = await NatsServerProcess.start();
    try {
      let nc = await connect({ servers: server.url });
      await (await jetstreamManager(nc)).streams.add({ name: 'PROBE', subjects: ['probe.x'] });
      await nc.close();
      await server.halt('SIGKILL');
      await expect(connect({ servers: server.url, reconnect: false, timeout: 500 })).rejects.toThrow();
      await server.resume();
      nc = await connect({ servers: server.url });
      expect((await (await jetstreamManager(nc)).streams.info('PROBE')).config.subjects).toEqual(['probe.x']);
      await nc.close();
    } finally {
      await server.destroy();
    }
  });
});
