// Where a claim sits in its article, in words and as highlight segments.
export type Span = [number, number];
export type Role = 'content' | 'source' | 'cue';

/** Paragraph starts: blank-line separated when the text has blank lines, else one paragraph per line. */
export function paragraphStarts(body: string): number[] {
  const starts = [0];
  const breaks = /\n\s*\n/.test(body) ? /\n\s*\n/g : /\n/g;
  for (let m = breaks.exec(body); m; m = breaks.exec(body)) starts.push(m.index + m[0].length);
  return starts;
}

/** 1-based paragraph number holding the offset. */
export function paragraphOf(body: string, offset: number): number {
  return paragraphStarts(body).filter((s) => s <= offset).length;
}

/** The paragraph around the first content span: [start, end). */
export function paragraphAround(body: string, offset: number): Span {
  const starts = paragraphStarts(body);
  let start = 0;
  let end = body.length;
  for (const s of starts) {
    if (s <= offset) start = s;
    else {
      end = s;
      break;
    }
  }
  // Without the blank line that separates it from the next paragraph.
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  return [start, end];
}

export interface Mark {
  claimId: string;
  role: Role;
  span: Span;
}

export interface Segment {
  start: number;
  end: number;
  /** The marks covering this piece of text; empty for plain text. */
  marks: Mark[];
}

/**
 * Cuts [from, to) of the text at every mark boundary, so overlapping claims (one claim's speaker inside
 * another's content) each keep their highlight.
 */
export function segments(marks: Mark[], from: number, to: number): Segment[] {
  const cuts = new Set([from, to]);
  for (const m of marks) {
    if (m.span[0] > from && m.span[0] < to) cuts.add(m.span[0]);
    if (m.span[1] > from && m.span[1] < to) cuts.add(m.span[1]);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    out.push({ start, end, marks: marks.filter((m) => m.span[0] <= start && m.span[1] >= end) });
  }
  return out;
}

/** Speaker and cue win over content when they overlap: they are the smaller, rarer marks. */
export function strongest(marks: Mark[]): Mark | undefined {
  return marks.find((m) => m.role === 'cue') ?? marks.find((m) => m.role === 'source') ?? marks[0];
}

export function claimMarks(claim: { id: string; spans: Record<Role, Span[]> }): Mark[] {
  return (['content', 'source', 'cue'] as Role[]).flatMap((role) =>
    claim.spans[role].map((span) => ({ claimId: claim.id, role, span })),
  );
}
