import { metricsRegistry } from '@wps/kit';
import client from 'prom-client';

/**
 * What an operator watches on the gateway, beside the kit's HTTP metrics:
 * which member made a regional query slow, which failed and why, whose
 * circuit is open, and how often clients are refused. Labelled by country
 * (the registry's members: a bounded set) and by reason (the hub's own list).
 */
export const memberFetchSeconds = new client.Histogram({
  name: 'hub_member_fetch_duration_seconds',
  help: 'Time of one call to a member subgraph, by country and outcome (ok or the MEMBER_UNAVAILABLE reason)',
  labelNames: ['country', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const memberErrors = new client.Counter({
  name: 'hub_member_errors_total',
  help: 'Member parts answered as MEMBER_UNAVAILABLE, by country and reason',
  labelNames: ['country', 'reason'] as const,
  registers: [metricsRegistry],
});

/** 0 closed (calls go through), 1 half-open (one trial call), 2 open (failing fast). */
export const memberCircuitState = new client.Gauge({
  name: 'hub_member_circuit_state',
  help: "State of a member's circuit breaker: 0 closed, 1 half-open, 2 open",
  labelNames: ['country'] as const,
  registers: [metricsRegistry],
});

export const rateLimitRefusals = new client.Counter({
  name: 'hub_rate_limit_refusals_total',
  help: 'Requests refused with RATE_LIMITED, by client kind (anonymous or signed_in) and limit (requests or concurrency)',
  labelNames: ['client', 'limit'] as const,
  registers: [metricsRegistry],
});

export const contractChecks = new client.Counter({
  name: 'hub_contract_checks_total',
  help: "Members' schemas compared with the NAP contract: computed (a schema not judged before) or reused (the verdict of the same schema, served by another member or at an earlier check)",
  labelNames: ['verdict'] as const,
  registers: [metricsRegistry],
});
