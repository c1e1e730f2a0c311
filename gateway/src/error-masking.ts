import { ErrorCode, isPublicErrorCode, type Logger } from '@wps/kit';
import type { GraphQLFormattedError } from 'graphql';

/**
 * Extensions a client may see; everything else (subgraph responses, URLs, stacks) is dropped.
 * `lines` (every problem of a refused CSV import) and `missing` (what an unpublishable item lacks) come from member writes.
 */
const PUBLIC_EXTENSIONS = ['code', 'country', 'reason', 'field', 'service', 'line', 'lines', 'missing'] as const;

const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"')]+/gi;

/**
 * The one place the gateway decides what an error may say. Errors with a
 * code from the allow-list keep their message (with any URL scrubbed) and
 * the public extensions; anything else is logged and becomes a plain
 * INTERNAL_SERVER_ERROR.
 */
export function createGatewayErrorMasker(logger: Logger) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (isPublicErrorCode(code)) {
      const extensions: Record<string, unknown> = {};
      for (const key of PUBLIC_EXTENSIONS) if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
      return {
        message: formatted.message.replace(URL_PATTERN, '[internal address]'),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions,
      };
    }
    logger.error('masked error', { message: formatted.message, code, path: formatted.path });
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
