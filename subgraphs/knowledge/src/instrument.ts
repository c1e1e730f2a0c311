// Imported first by index.ts: tracing starts before http and pg load (the kit's tracing.ts says why).
import { startTracing } from '@wps/kit/tracing';

startTracing('knowledge', process.env);
