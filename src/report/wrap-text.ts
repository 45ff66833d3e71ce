import stringWidth from 'string-width';

const COLOUR_CODE = /\u001b\[[\d;]*m/g;

/** The text without its colour codes. */
export function stripColour(text: string): string {
  return text.replace(COLOUR_CODE, '');
}

/** The columns a line takes on a terminal: colour codes take none, East Asian wide characters two. */
export function displayWidth(text: string): number {
  return stringWidth(stripColour(text));
}

/**
 * A line of prose for a terminal of `width` columns: broken at spaces into lines that fit, each
 * after the first indented by `hanging` (by default the line's own indent), a word wider than a
 * line cut into pieces. Colour codes are kept where they are (a colour that spans a break goes
 * on into the next line, as the terminal keeps it). Without a width the line is kept whole.
 */
export function wrapLine(text: string, width: number | undefined, hanging?: string): string[] {
  if (width === undefined || displayWidth(text) <= width) return [text];
  const indent = /^ */.exec(text)![0];
  const next = hanging ?? indent;
  const room = (first: boolean) => Math.max(1, width - displayWidth(first ? indent : next));
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const push = () => {
    lines.push((lines.length === 0 ? indent : next) + line);
    line = '';
    used = 0;
  };
  for (const word of text.slice(indent.length).split(' ')) {
    const size = displayWidth(word);
    const gap = line === '' ? 0 : 1;
    if (used + gap + size <= room(lines.length === 0)) {
      line += (gap ? ' ' : '') + word;
      used += gap + size;
      continue;
    }
    if (line !== '') push();
    if (size <= room(lines.length === 0)) {
      line = word;
      used = size;
      continue;
    }
    // A word wider than a whole line (a long path): cut into pieces that fill lines.
    for (const piece of pieces(stripColour(word), room(lines.length === 0), room(false))) {
      if (line !== '') push();
      line = piece;
      used = displayWidth(piece);
    }
  }
  if (line !== '' || lines.length === 0) push();
  return lines.map((each) => each.trimEnd());
}

/** Every line of `text` wrapped to `width`. */
export function wrapLines(text: string, width: number | undefined, hanging?: string): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width, hanging))
    .join('\n');
}

/** The characters of `text` in runs of at most `first` columns, then `rest` columns. */
function pieces(text: string, first: number, rest: number): string[] {
  const runs: string[] = [];
  let run = '';
  let used = 0;
  for (const char of text) {
    const size = stringWidth(char);
    if (used + size > (runs.length === 0 ? first : rest) && run !== '') {
      runs.push(run);
      run = '';
      used = 0;
    }
    run += char;
    used += size;
  }
  if (run !== '') runs.push(run);
  return runs;
}
