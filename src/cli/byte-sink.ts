/**
 * Encodes text pieces straight into a fixed buffer and hands it on when full. Joining thousands
 * of small pieces into a string and then encoding that string copied every byte twice more; on a
 * 16 MB report this was most of the time spent writing it.
 */
export class ByteSink {
  private buffer: Buffer;
  private used = 0;

  /**
   * @param flush receives each full buffer's bytes; must be done with them when it returns
   *   unless `reuse` is false (then every flush gets a buffer of its own).
   */
  constructor(
    private readonly flush: (bytes: Uint8Array) => void,
    private readonly size = 1 << 20,
    private readonly reuse = true,
  ) {
    this.buffer = Buffer.allocUnsafeSlow(size);
  }

  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.used + text.length * 3 > this.size) {
      this.drain();
      if (text.length * 3 > this.size) {
        this.flush(Buffer.from(text));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used);
  }

  /** Hands on whatever is buffered. */
  end(): void {
    this.drain();
  }

  private drain(): void {
    if (this.used === 0) return;
    this.flush(this.buffer.subarray(0, this.used));
    if (!this.reuse) this.buffer = Buffer.allocUnsafeSlow(this.size);
    this.used = 0;
  }
}
