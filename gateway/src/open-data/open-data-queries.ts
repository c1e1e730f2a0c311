/**
 * The public GraphQL the open-data downloads are built from: the same
 * operations an anonymous client could send, run through the gateway's own
 * Apollo server (cost limit, armor, member router, error masking).
 *
 * A framework's member data is asked of each connected member with its own
 * `country(code:)` operation: each stays small under the cost limit, and a
 * member that fails is named by the errors of its own operation.
 */

/** The frameworks and states the hub knows: the valid codes of the routes, and the index. */
export const OPEN_DATA_CATALOGUE = /* GraphQL */ `
  query OpenDataCatalogue {
    frameworks { code shortName name organisation }
    countries { code name memberStatus }
  }
`;

const RECORD_COUNTRY = /* GraphQL */ `
  fragment OpenDataRecordCountry on Country {
    code
    name
    memberStatus
    publicRecord {
      listed
      source
      gathered
      iterations {
        iteration
        period { start end }
        adopted { value precision }
        sources
        verified
        note
        sourceConflict
      }
    }
  }
`;

/** Every member state of a framework, connected or not, with its public record (reference data). */
export const FRAMEWORK_PUBLIC_RECORD = /* GraphQL */ `
  query OpenDataFrameworkRecord($framework: FrameworkCode!) {
    countries(framework: $framework) { ...OpenDataRecordCountry }
  }
  ${RECORD_COUNTRY}
`;

/** One state's public record. */
export const COUNTRY_PUBLIC_RECORD = /* GraphQL */ `
  query OpenDataCountryRecord($code: String!) {
    country(code: $code) { ...OpenDataRecordCountry }
  }
  ${RECORD_COUNTRY}
`;

/** The states of a framework and whether their NAP subgraph is connected. */
export const FRAMEWORK_MEMBERS = /* GraphQL */ `
  query OpenDataFrameworkMembers($framework: FrameworkCode!) {
    countries(framework: $framework) { code name memberStatus }
  }
`;

/** A member's published measurements, every plan (what the public sees: drafts stay with the member). */
export const COUNTRY_MEASUREMENTS = /* GraphQL */ `
  query OpenDataCountryMeasurements($code: String!) {
    country(code: $code) {
      code
      name
      memberStatus
      actionPlans {
        id
        iteration
        title
        indicators {
          code
          title
          level
          kind
          unit
          isDemo
          alignments { frameworkCode indicatorCode }
          measurements {
            period
            version
            value
            status
            isDemo
            reportedStatus
            narrative
            source
            publishedAt
            disaggregatedValues { dimension category value }
          }
        }
      }
    }
  }
`;

/** A member's published budget lines, every plan. */
export const COUNTRY_BUDGETS = /* GraphQL */ `
  query OpenDataCountryBudgets($code: String!) {
    country(code: $code) {
      code
      name
      memberStatus
      actionPlans {
        id
        iteration
        title
        budget { costed earmarked }
        budgetLines {
          fiscalYear
          description
          currency
          allocated
          disbursed
          spent
          costedEstimate
          fundingSource
          genderMarker
          status
          isDemo
          partner { name kind }
          activity { code title }
        }
      }
    }
  }
`;
