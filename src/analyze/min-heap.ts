/** A binary min-heap of numbers (item positions), ordered by `less`. */
export class MinHeap {
  private readonly values: number[] = [];

  constructor(private readonly less: (a: number, b: number) => boolean) {}

  get size(): number {
    return this.values.length;
  }

  peek(): number | undefined {
    return this.values[0];
  }

  push(value: number): void {
    const { values } = this;
    values.push(value);
    let child = values.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.less(values[child], values[parent])) break;
      [values[child], values[parent]] = [values[parent], values[child]];
      child = parent;
    }
  }

  pop(): number | undefined {
    const { values } = this;
    const top = values[0];
    const last = values.pop();
    if (values.length === 0 || last === undefined) return top;
    values[0] = last;
    let parent = 0;
    for (;;) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < values.length && this.less(values[left], values[smallest])) smallest = left;
      if (right < values.length && this.less(values[right], values[smallest])) smallest = right;
      if (smallest === parent) break;
      [values[parent], values[smallest]] = [values[smallest], values[parent]];
      parent = smallest;
    }
    return top;
  }
}
