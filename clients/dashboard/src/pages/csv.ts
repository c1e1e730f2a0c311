/**
 * The dashboard's downloads use the kit's one CSV writer (RFC 4180, formula
 * cells neutralised, numbers kept numbers), bundled from its source: it
 * imports nothing.
 */
export { toCsv, type CsvCell } from '../../../../subgraphs/kit/src/csv';
