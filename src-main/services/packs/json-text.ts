// JSON read from a file someone handed us. A parse error says where the text breaks (line and
// column), never what it contains: V8's own message quotes the start of the text, and that text
// may be anything (a decisions.json path pointed at a private file, a hostile pack).

export class JsonTextError extends Error {}

/** Where in `text` V8's message says the problem is, as "line L, column C"; null when it does not say. */
function place(message: string, text: string): string | null {
  const match = /at position (\d+)/.exec(message);
  const position = match ? Number(match[1]) : /Unexpected end of JSON input/.test(message) ? text.length : null;
  if (position === null) return null;
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** JSON.parse with a message that never quotes the text. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    if (text.trim() === '') throw new JsonTextError('it is empty');
    const where = place(message, text);
    throw new JsonTextError(where ? `it breaks at ${where}` : 'it does not start like JSON');
  }
}
