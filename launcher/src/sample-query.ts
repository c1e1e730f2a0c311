/** The cross-country query `npm start` prints and the README shows. */
export const SAMPLE_QUERY = `{
  countries(framework: AU_CRF) {
    code
    name
    memberStatus
    currentActionPlan {
      title
      period { start end }
      indicators { code title measurements { period value } }
    }
  }
}`;

export function sampleCurl(gatewayUrl: string): string {
  const body = JSON.stringify({ query: SAMPLE_QUERY.replace(/\s+/g, ' ') });
  return `curl -s ${gatewayUrl} -H 'content-type: application/json' -d '${body}'`;
}
