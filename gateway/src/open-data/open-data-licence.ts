import type { DatasetName } from './open-data-rows.js';

export const OPEN_DATA_PATH = '/open-data';
export const LICENCE_NAME = 'CC BY 4.0';
export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';
export const LICENCE_NOTE =
  "The compilation (the selection, arrangement and shape of these files) is published by the WPS Federation Hub under CC BY 4.0: " +
  "reuse it, naming the WPS Federation Hub and the sources. Member data (plans, indicators, measurements, budgets) remains the member state's, " +
  'under its own terms, as its own NAP subgraph publishes it. The public record of NAPs is compiled from the public sources each of its rows lists.';

/** Where each dataset's rows come from. */
export const DATASET_SOURCES: Record<DatasetName, string> = {
  'public-record':
    "The hub's public record of NAPs (reference data, not member data): every state's iterations, periods, adoption dates with their precision, sources, verification and conflicts between sources; each row lists its sources.",
  measurements:
    "Published measurements as each connected member state's own NAP subgraph serves them to the public, asked through the hub's public GraphQL API when the file is generated; the hub keeps no copy. Drafts stay with the member.",
  budgets:
    "Published budget lines as each connected member state's own NAP subgraph serves them to the public, asked through the hub's public GraphQL API when the file is generated; the hub keeps no copy. Drafts stay with the member.",
};

/** How a download says which members are missing from it. */
export const UNAVAILABLE_NOTE =
  'A registered member whose NAP subgraph did not answer (or is quarantined or offline) is left out whole and named: in JSON in `unavailableMembers` ' +
  '(countryCode and reason), in CSV and JSON in the X-Unavailable-Members response header ("KE=timeout, NG=offline"; absent when none is missing). ' +
  'States that run no NAP subgraph have no member data: JSON lists them in `notConnectedMembers`.';

/** GET /open-data/LICENSE.txt */
export const LICENCE_TEXT = `WPS Federation Hub - open data
==============================

Licence
-------
${LICENCE_NOTE}

Licence text: ${LICENCE_URL}

What the files are
------------------
Per framework (AU_CRF, EU_GAP_III, OSCE) and per state (ISO 3166-1 alpha-2 code),
each as CSV or JSON:

  /open-data/frameworks/<framework>/public-record.csv|json
  /open-data/frameworks/<framework>/measurements.csv|json
  /open-data/frameworks/<framework>/budgets.csv|json
  /open-data/countries/<code>/public-record.csv|json
  /open-data/countries/<code>/measurements.csv|json
  /open-data/countries/<code>/budgets.csv|json

The index of every file: /open-data/

Sources
-------
public-record: ${DATASET_SOURCES['public-record']}
measurements:  ${DATASET_SOURCES.measurements}
budgets:       ${DATASET_SOURCES.budgets}

Each file is computed when it is requested (generatedAt, X-Generated-At) from
what is published then; nothing is cached.

Demo data
---------
The demo network's values are generated, not official figures: every such row
has is_demo = true, and a file holding any has isDemo = true (X-Demo-Data: true).

Missing members
---------------
${UNAVAILABLE_NOTE}

CSV
---
RFC 4180, UTF-8, CRLF line ends, a header row. A list (sources, alignments) is
one cell, its items joined by " | ". A text cell a spreadsheet would read as a
formula (starting with = + - @, a tab or a carriage return) is written with a
leading single quote.
`;
