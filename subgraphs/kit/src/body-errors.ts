import type express from 'express';
import { ErrorCode } from './hub-error.js';

/**
 * express error handler for the JSON body parser: a body over the limit is a
 * 413 and malformed JSON a 400, both as a GraphQL-shaped JSON error; nothing
 * reaches the client as an HTML page or a 500.
 */
export function jsonBodyErrorHandler(limitBytes: number): express.ErrorRequestHandler {
  return (error: { type?: string; status?: number }, _request, response, next) => {
    if (error?.type === 'entity.too.large') {
      response.status(413).json({ errors: [{ message: `The request body is larger than ${limitBytes} bytes.`, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    if (error?.type === 'entity.parse.failed' || error?.type === 'encoding.unsupported' || error?.type === 'charset.unsupported') {
      response.status(400).json({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    if (error) {
      response.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
      return;
    }
    next();
  };
}
