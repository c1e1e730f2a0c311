import { parse } from 'csv-parse/sync';
import { csvCell, toCsv } from '../csv.js';

describe('the CSV writer of every export', () => {
  it('neutralises text cells a spreadsheet would run as a formula: a leading quote, and the cell quoted', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csvCell('+1+cmd|calc')).toBe(`"'+1+cmd|calc"`);
    expect(csvCell('-2+3')).toBe(`"'-2+3"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\t=1')).toBe(`"'\t=1"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    // Read back, the cell is the text with its leading quote: a spreadsheet shows it, never evaluates it.
    expect(parse(toCsv([['=1+2', '-5 people']]))).toEqual([["'=1+2", "'-5 people"]]);
  });

  it('keeps numbers numbers: a negative value is written as a number, not neutralised', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(Number.NaN)).toBe('');
    expect(toCsv([[-1, 2.25, 'x']])).toBe('-1,2.25,x\r\n');
  });

  it('writes RFC 4180: commas, quotes and line breaks quoted, empty cells empty, CRLF line ends', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines', null, undefined, true, false, 'plain', 'a=b']])).toBe('"a,b","say ""hi""","two\nlines",,,true,false,plain,a=b\r\n');
    expect(parse(toCsv([['a,b', 'say "hi"', 'two\nlines']]))).toEqual([['a,b', 'say "hi"', 'two\nlines']]);
  });
});
