import './instrument.js';
import 'reflect-metadata';
import { createLogger, runService } from '@wps/kit';
import { loadNapConfig } from './config.js';
import { napServiceName, startNapMember } from './member-service.js';

const config = loadNapConfig(process.env);
const service = napServiceName(config.countryCode);
const logger = createLogger(service, config.logLevel, config.logFormat);

void runService(service, logger, () => startNapMember(config, logger));
