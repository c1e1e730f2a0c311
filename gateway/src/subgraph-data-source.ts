import type { GraphQLDataSource } from '@apollo/gateway';
import { ErrorCode, errorMessage, type Logger } from '@wps/kit';
import { ForwardingDataSource } from './forwarding-data-source.js';
import { isWarmUp } from './plan-warm-up.js';

type ProcessOptions = Parameters<GraphQLDataSource['process']>[0];

/**
 * A plain data source for a subgraph other than `nap`, with a deadline. A
 * failure becomes SERVICE_UNAVAILABLE naming the subgraph; the raw error
 * (which carries the subgraph URL) goes to the log only.
 */
export class SubgraphDataSource extends ForwardingDataSource {
  constructor(
    private readonly subgraph: string,
    url: string,
    timeoutMs: number,
    private readonly logger: Logger,
  ) {
    super(url, timeoutMs);
  }

  override async process(options: ProcessOptions) {
    // A plan warmed at boot (plan-warm-up.ts) asks no subgraph.
    if (isWarmUp(options)) return { data: null };
    try {
      return await super.process(options);
    } catch (error) {
      this.logger.warn(`subgraph ${this.subgraph} failed`, { error: errorMessage(error) });
      return {
        errors: [
          {
            message: `The ${this.subgraph} service is unavailable; its data is missing from this response.`,
            extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, service: this.subgraph },
          },
        ],
      };
    }
  }
}
