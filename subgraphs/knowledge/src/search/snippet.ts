/** Markers ts_headline puts around matches: private-use characters, which no stored text contains. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

export const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The headline as safe HTML: the text escaped, the matches in <mark>…</mark>. */
export function toSnippetHtml(headline: string): string {
  return headline
    .replace(/[&<>"']/g, (character) => ESCAPES[character]!)
    .replaceAll(MATCH_START, '<mark>')
    .replaceAll(MATCH_END, '</mark>');
}
