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

/** markWords splits text into parts, marking every occurrence (ignoring case) of
the words the API matched elsewhere (a snippet of the same field may be a cut
passage, the whole text is shown with the same words marked). */
export function markWords(text, words) {
  const ws = [...new Set(words.map((w) => w.trim()).filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  if (!ws.length) return [{ text, match: false }];
  const lower = text.toLocaleLowerCase();
  const lw = ws.map((w) => w.toLocaleLowerCase());
  const parts = [];
  let plain = '';
  for (let i = 0; i < text.length;) {
    const w = lw.find((x) => lower.startsWith(x, i) && lower.length === text.length);
    if (w) {
      if (plain) parts.push({ text: plain, match: false });
      plain = '';
      parts.push({ text: text.slice(i, i + w.length), match: true });
      i += w.length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  if (plain) parts.push({ text: plain, match: false });
  return parts;
}
