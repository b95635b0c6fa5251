// Time and ids are injected so the core stays pure and tests control them.
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: number | string) {
    this.current = typeof start === "number" ? start : Date.parse(start);
  }
  now(): number {
    return this.current;
  }
  set(to: number | string): void {
    this.current = typeof to === "number" ? to : Date.parse(to);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

export function newId(): string {
  return crypto.randomUUID();
}
