/**
 * A search snippet: HTML-escaped text with the matches in <mark>…</mark>, as
 * the API documents. It is never given to innerHTML: split on the two tags,
 * unescape the five entities, and render text nodes and <mark> elements.
 */
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

function unescape(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

export function Snippet({ text }: { text: string }) {
  const parts: { marked: boolean; text: string }[] = [];
  let marked = false;
  for (const piece of text.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece) parts.push({ marked, text: unescape(piece) });
  }
  return (
    <span className="snippet">
      {parts.map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </span>
  );
}
