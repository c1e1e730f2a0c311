/** The message of anything thrown, for a log line or a CLI's last words (an Error's message, anything else as text). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
