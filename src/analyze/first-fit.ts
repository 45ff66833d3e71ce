/**
 * Slots in a fixed order (a priority list), each with a size, that are present or not; finds the
 * first present slot whose size passes a test that every smaller size passes too ("still fits
 * in what is left"). A segment tree of the smallest present size over each range of slots:
 * adding, removing and finding cost O(log slots), where a scan of the list costs the list.
 */
export class FirstFit {
  private readonly leaves: number;
  private readonly smallest: Float64Array;

  constructor(private readonly sizes: ArrayLike<number>) {
    let leaves = 1;
    while (leaves < sizes.length) leaves *= 2;
    this.leaves = leaves;
    this.smallest = new Float64Array(2 * leaves).fill(Infinity);
  }

  add(slot: number): void {
    this.set(slot, this.sizes[slot]);
  }

  remove(slot: number): void {
    this.set(slot, Infinity);
  }

  /** The first present slot, or -1 when none is. */
  first(): number {
    return this.firstWhere(() => true);
  }

  /** The first present slot whose size passes `test` (which every smaller size passes too), or -1. */
  firstWhere(test: (size: number) => boolean): number {
    const { smallest, leaves } = this;
    const passes = (node: number) => smallest[node] !== Infinity && test(smallest[node]);
    if (!passes(1)) return -1;
    let node = 1;
    while (node < leaves) node = passes(2 * node) ? 2 * node : 2 * node + 1;
    return node - leaves;
  }

  private set(slot: number, size: number): void {
    const { smallest } = this;
    let node = slot + this.leaves;
    smallest[node] = size;
    for (node >>= 1; node >= 1; node >>= 1) smallest[node] = Math.min(smallest[2 * node], smallest[2 * node + 1]);
  }
}
