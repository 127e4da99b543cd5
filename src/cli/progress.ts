/** Progress on stderr: rewritten in place on a terminal, a line per step otherwise. */
export class Progress {
  private readonly tty = process.stderr.isTTY === true;
  private lastLine = '';

  update(text: string): void {
    if (this.tty) {
      process.stderr.write(`\r\x1b[K${text}`);
      this.lastLine = text;
    }
  }

  step(text: string): void {
    if (this.tty && this.lastLine) process.stderr.write('\r\x1b[K');
    this.lastLine = '';
    process.stderr.write(`${text}\n`);
  }
}
