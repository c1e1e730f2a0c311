// Imported first by index.ts: tracing starts before http and pg load (the kit's tracing.ts says why).
import { startTracing } from '@wps/kit/tracing';

// Every span of a member carries its country (config.ts validates the code; a bad one stops the service at boot).
const country = (process.env.NAP_COUNTRY_CODE ?? '').trim().toUpperCase();
startTracing(country ? `nap-${country.toLowerCase()}` : 'nap', process.env, country ? { 'wps.country': country } : {});
