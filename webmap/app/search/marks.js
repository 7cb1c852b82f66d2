// Matched words as the API sends them (SnippetPart: text, and whether it is a
// match), drawn as text nodes with the matches in <mark>: the text is never
// read as HTML, so a "<script>" in a title shows as those characters.

/** marked returns the nodes of parts: text nodes, the matches wrapped in <mark>. */
export function marked(parts) {
  return (parts || []).map((p) => {
    const text = document.createTextNode(p.text);
    if (!p.match) return text;
    const m = document.createElement('mark');
    m.append(text);
    return m;
  });
}
