import 'reflect-metadata';
import { exitOnBootFailure } from '@fengqiao/service-runtime';
import { loadGatewayConfig, SERVICE_NAME } from './config';
import { createGatewayApp } from './http/create-gateway-app';

async function main() {
  const config = loadGatewayConfig();
  const app = await createGatewayApp(config);
  await app.listen(config.PORT, '0.0.0.0');
  process.stdout.write(
    `gateway listening on http://127.0.0.1:${config.PORT} (API docs: http://127.0.0.1:${config.PORT}/api/docs)\n`,
  );
}

main().catch(exitOnBootFailure(SERVICE_NAME));
