/** Offsets to 1-based line/column, built on first use: positions are only needed for reported nodes. */
export class LineIndex {
  private lineStarts: Int32Array | undefined;

  constructor(private readonly text: string) {}

  position(offset: number): { line: number; column: number } {
    const starts = (this.lineStarts ??= computeLineStarts(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }
}

function computeLineStarts(text: string): Int32Array {
  // One pass into a typed array that doubles when full: no array of 100,000s of boxed numbers.
  let starts = new Int32Array(Math.max(16, text.length >> 5));
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (line === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[line++] = i + 1;
  }
  return starts.subarray(0, line);
}
