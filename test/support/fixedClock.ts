/** A clock tests move by hand, so deadlines are checked in milliseconds, not days. */
export class FixedClock {
  private t: number;
  constructor(start: Date | string) {
    this.t = new Date(start).getTime();
  }
  now = (): Date => new Date(this.t);
  set(t: Date | string): void {
    this.t = new Date(t).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
