/**
 * A member's own schema, as its `_service { sdl }` says (the contract
 * check's input). Throws when the member cannot be reached in time or does
 * not answer with an SDL.
 */
export async function probeMemberSdl(endpoint: string, timeoutMs: number): Promise<string> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { data?: { _service?: { sdl?: unknown } } };
  const sdl = body.data?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error('no _service.sdl in the answer');
  return sdl;
}
