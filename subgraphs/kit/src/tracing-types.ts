/** What tracing.ts (always loaded) and tracing-sdk.ts (loaded only with a collector) share. */
export interface Tracing {
  /** Whether spans are recorded and exported (an endpoint is set). */
  readonly exporting: boolean;
  /** Export what is buffered and stop (on shutdown). */
  shutdown(): Promise<void>;
}

/** What the SDK side needs: the service and where to export. */
export interface TracingSdkOptions {
  serviceName: string;
  attributes: Record<string, string>;
  endpoint: string;
  scheduleDelayMs: number;
}
