import type { Block, Cell } from './blocks.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function cellText(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Raw HTML `<table>`s in a markdown HTML block, as table blocks. Rows before the first row of
 * two or more cells are captions; rows made only of header cells after it (a second header row)
 * are skipped. Line numbers are those of each `<tr>`.
 */
export function readHtmlTables(html: string, firstLine: number): Block[] {
  const tables: Block[] = [];
  for (const table of html.matchAll(/<table\b[\s\S]*?<\/table>/gi)) {
    const tableStart = table.index ?? 0;
    const rows: { cells: Cell[]; headerOnly: boolean; line: number }[] = [];
    for (const row of table[0].matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)) {
      const line = firstLine + countNewlines(html, tableStart + (row.index ?? 0));
      const cells = [...row[1].matchAll(/<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/gi)].flatMap((cell) => {
        const span = Number(/colspan\s*=\s*"?(\d+)/i.exec(cell[2])?.[1] ?? 1);
        return Array.from({ length: Math.min(span, 50) }, (_, i) => ({
          text: i === 0 ? cellText(cell[3]) : '',
          th: cell[1].toLowerCase() === 'th',
        }));
      });
      rows.push({ cells: cells.map(({ text }) => ({ text })), headerOnly: cells.every((cell) => cell.th), line });
    }
    const headerIndex = rows.findIndex((row) => row.cells.filter((cell) => cell.text).length >= 2);
    if (headerIndex === -1) continue;
    const body = rows.slice(headerIndex + 1).filter((row) => !row.headerOnly);
    tables.push({
      kind: 'table',
      header: rows[headerIndex].cells,
      rows: body.map((row) => row.cells),
      rowLines: body.map((row) => row.line),
      line: rows[headerIndex].line,
      html: true,
    });
  }
  return tables;
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}
