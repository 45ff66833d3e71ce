/** "1 problem", "3 problems": counts in messages and summaries. */
export function counted(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}
