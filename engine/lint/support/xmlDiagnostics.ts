// Turning bpmn-moddle's parser messages into something an uploader can act
// on. moddle (via saxen) reports positions as "line: N / column: M", both
// counted from 0, inside a multi-line message; unknown elements come with a
// position but without the element they sit in.

export interface ParserMessage {
  /** First line of the message, e.g. "unparsable content <bpmn:foo> detected". */
  summary: string;
  /** The underlying cause, e.g. "unknown type <bpmn:Foo>". */
  cause?: string;
  /** 1-based, as editors count. */
  line?: number;
  column?: number;
}

export function parseParserMessage(message: string): ParserMessage {
  const summary = message.split('\n')[0]!.trim();
  const line = /\bline:\s*(\d+)/.exec(message);
  const column = /\bcolumn:\s*(\d+)/.exec(message);
  const cause = /nested error:\s*(.+)/.exec(message);
  return {
    summary,
    cause: cause?.[1]?.trim(),
    line: line ? Number(line[1]) + 1 : undefined,
    column: column ? Number(column[1]) + 1 : undefined,
  };
}

/** " (line 3, column 7)" or "" when the position is unknown. */
export function describePosition(message: ParserMessage): string {
  if (message.line === undefined) return '';
  return message.column === undefined
    ? ` (line ${message.line})`
    : ` (line ${message.line}, column ${message.column})`;
}

// Markup that can contain "<" without opening an element is skipped whole;
// attribute values are matched as quoted strings so a ">" inside one does
// not end the tag early.
const MARKUP = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ID_ATTRIBUTE = /(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/**
 * Id of the innermost element with an id that is open at the given 1-based
 * position, i.e. the element an unparsable child belongs to.
 */
export function enclosingElementId(xml: string, line: number, column: number): string | null {
  const offset = offsetOf(xml, line, column);
  if (offset === null) return null;

  const open: (string | null)[] = [];
  MARKUP.lastIndex = 0;
  for (let match = MARKUP.exec(xml); match && match.index < offset; match = MARKUP.exec(xml)) {
    const [, closing, name, attributes, selfClosing] = match;
    if (name === undefined) continue; // comment, CDATA, declaration
    if (closing) {
      open.pop();
    } else if (!selfClosing) {
      const id = ID_ATTRIBUTE.exec(attributes ?? '');
      open.push(id ? (id[1] ?? id[2] ?? null) : null);
    }
  }
  for (let i = open.length - 1; i >= 0; i--) {
    if (open[i]) return open[i]!;
  }
  return null;
}

function offsetOf(xml: string, line: number, column: number): number | null {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = xml.indexOf('\n', offset);
    if (next === -1) return null;
    offset = next + 1;
  }
  return offset + column - 1;
}
