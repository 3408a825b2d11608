/**
 * Buffered standard output that respects back-pressure and stops quietly when the
 * reader goes away (`slugline parse … | head`).
 */
export class Output {
  private closed = false;
  private pending: string[] = [];
  private size = 0;

  constructor(
    private readonly stdout: NodeJS.WritableStream = process.stdout,
    private readonly stderr: NodeJS.WritableStream = process.stderr,
  ) {
    stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') this.closed = true;
      else throw error;
    });
  }

  /** Queues text for standard output; call `flush` (or await `drain`) now and then. */
  out(text: string): void {
    if (this.closed) return;
    this.pending.push(text);
    this.size += text.length;
  }

  /** One line on standard error, at once. */
  error(line: string): void {
    this.stderr.write(line + '\n');
  }

  /** Writes what is queued once enough has gathered, waiting while the pipe is full. */
  async drain(): Promise<void> {
    if (this.size >= 64 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.closed || this.pending.length === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.size = 0;
    if (!this.stdout.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.stdout.off('drain', done);
          this.stdout.off('error', done);
          resolve();
        };
        this.stdout.once('drain', done);
        this.stdout.once('error', done);
      });
    }
  }
}
