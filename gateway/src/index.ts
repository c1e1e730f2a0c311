import './instrument.js';
import { createLogger, runService } from '@wps/kit';
import { loadGatewayConfig } from './config.js';
import { openGatewayServer } from './server.js';

const config = loadGatewayConfig(process.env);
const logger = createLogger('gateway', config.logLevel, config.logFormat);

void runService('gateway', logger, async () => {
  // Listening first: /health answers while the supergraph and the registry load, /ready once they are.
  const server = openGatewayServer(config, logger);
  const url = await server.listen(config.port, config.host);
  await server.loaded;
  return { url, stop: () => server.stop() };
});
