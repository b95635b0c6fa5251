// Enough PDF reading for assertions, with web APIs only (it runs inside workerd too): the file's text with
// every Flate stream inflated, so dictionaries packed in object streams become searchable.

async function inflate(bytes: Uint8Array): Promise<Uint8Array | null> {
  try {
    const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null;
  }
}

export async function pdfText(pdf: Uint8Array): Promise<string> {
  const latin1 = new TextDecoder("latin1");
  const text = latin1.decode(pdf);
  const parts = [text];
  const streamStart = /stream\r?\n/g;
  for (let match = streamStart.exec(text); match; match = streamStart.exec(text)) {
    const from = match.index + match[0].length;
    const to = text.indexOf("endstream", from);
    if (to < 0) break;
    // The end-of-line before "endstream" is not part of the data; zlib refuses trailing bytes.
    let end = to;
    while (end > from && (text[end - 1] === "\n" || text[end - 1] === "\r")) end--;
    const inflated = await inflate(pdf.subarray(from, end));
    if (inflated) parts.push(latin1.decode(inflated));
    streamStart.lastIndex = to + "endstream".length;
  }
  return parts.join("\n");
}
