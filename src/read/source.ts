import type { DecodedText } from './decode.js';

/** One decoded input file: what every later stage reads. */
export interface SourceText extends DecodedText {
  /** The path as shown to the user (relative to the working directory when inside it). */
  file: string;
  /** The absolute path, for writing fixes back. */
  path: string;
}
