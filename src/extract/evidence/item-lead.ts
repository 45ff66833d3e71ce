import { hasIdShape } from '../values/ids.js';
import { LEXICON } from '../lexicon/lexicon.js';

/**
 * What a heading, a bold line or a list entry says before its title, as people write it in any
 * tracker's style: a checkbox ("[x] TODO-F002: …"), a bracketed tag ("[Bug] OCDI-301: …"), a
 * type word ("Story US-001: …"), then the token that stands where an ID stands ("US-001",
 * "Task 3", "W0b", "1.") and the title after a separator (":", "—", "·", "|").
 */
export interface Lead {
  token: string;
  title: string;
  /** A checkbox written in the text: its mark ("x", " ", "/"), or null when there is none. */
  box: string | null;
  /** "Bug" in "[Bug] OCDI-301", "Story" in "Story US-001". */
  type: string | null;
  /** What separates the token from the title (":", "—", "·"), or "" for a space or nothing. */
  separator: string;
}

const BOX = /^\[([ xX/~✓✔-])\]\s*/u;
/** Emoji and symbols before the words: "🔧 Story 1", "✅ [Bug] …". */
const DECORATION = /^[^\p{L}\p{N}#[(]+/u;
const TAG = /^\[([^\][]{1,24})\]\s*/u;
/** "Task 3", "User Story 2.1", "Story #4": a word for items and a number. */
const WORD_ID = /^(\p{L}[\p{L}-]*(?:\s\p{L}+)?\s+#?\d+(?:\.\d+)*[a-z]?)(?=$|[\s:：.·•|–—)\-(（,])/u;
const CODE_TOKEN = /^(#?[\p{L}\p{N}][\p{L}\p{N}\-_.\u2010\u2011]*)/u;
const SEPARATOR = /^\s*(?:[:：·•|–—]|-(?=\s)|\.(?=\s))?\s*/u;

/** Words that name items, groups or stages before a number: what makes "Task 3" one token. */
function namesWork(words: string): boolean {
  return LEXICON.is('itemWord', words) || LEXICON.is('groupWord', words) || LEXICON.is('containerWord', words);
}

function withoutDecoration(text: string): string {
  return text.replace(DECORATION, '').trim();
}

/** The lead of a text, or null when it starts with nothing that could be an ID. */
export function splitLead(text: string): Lead | null {
  let rest = text.trim();
  let box: string | null = null;
  const checkbox = BOX.exec(rest);
  if (checkbox) {
    box = checkbox[1]!;
    rest = rest.slice(checkbox[0].length);
  }
  rest = withoutDecoration(rest);
  let type: string | null = null;
  for (let tag = TAG.exec(rest); tag; tag = TAG.exec(rest)) {
    // "[FEAT-3] Dark mode": a bracketed ID is the ID; "[Bug]", "[P1]" are tags.
    if (hasIdShape(tag[1])) {
      rest = `${tag[1]} ${rest.slice(tag[0].length)}`;
      break;
    }
    type ??= tag[1].trim();
    rest = withoutDecoration(rest.slice(tag[0].length));
  }
  const word = WORD_ID.exec(rest);
  if (word && namesWork(word[1].replace(/\s+#?\d.*$/u, ''))) return finish(word[1], rest.slice(word[0].length), box, type);
  // "Story US-001: …": a type word before a code ID.
  const typed = /^(\p{L}[\p{L}-]*)\s+(?=\S)/u.exec(rest);
  if (typed && LEXICON.is('itemWord', typed[1])) {
    const after = CODE_TOKEN.exec(rest.slice(typed[0].length));
    const token = after ? after[1].replace(/[.:]+$/, '') : '';
    if (token && hasIdShape(token) && !/^#?\d/.test(token)) {
      return finish(after![1], rest.slice(typed[0].length + after![0].length), box, type ?? typed[1]);
    }
  }
  const code = CODE_TOKEN.exec(rest);
  if (!code) return null;
  return finish(code[1], rest.slice(code[0].length), box, type);
}

/** "1." and "US-4:" end at their punctuation ("T-001.1" keeps its inner dot); the title follows its separator. */
function finish(raw: string, after: string, box: string | null, type: string | null): Lead {
  const token = raw.replace(/[.:]+$/, '');
  const separator = raw.length > token.length ? raw.slice(token.length) : SEPARATOR.exec(after)![0].trim();
  return { token, title: after.replace(SEPARATOR, '').trim(), box, type, separator };
}
