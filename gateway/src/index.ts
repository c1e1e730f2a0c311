import { createLogger, runService } from '@wps/kit';
import { loadGatewayConfig } from './config.js';
import { createGatewayServer } from './server.js';

const config = loadGatewayConfig(process.env);
const logger = createLogger('gateway', config.logLevel);

void runService('gateway', logger, async () => {
  const server = await createGatewayServer(config, logger);
  const url = await server.listen(config.port, config.host);
  return { url, stop: () => server.stop() };
});
