import { nextFence } from '../../parse/line-scan.js';
import { estimateInTitle } from '../values/estimates.js';
import { metadataRoles, readKeyValues } from '../roles/key-values.js';
import type { Role } from '../roles/header-roles.js';

/** What a heading's section holds, read ahead before the section is read. */
export interface SectionFacts {
  /** The roles of the `Key: value` lines between the heading and its first sub-heading. */
  ownRoles: ReadonlySet<Role>;
  /** Some heading below it, or a `Key: value` line under one, carries an estimate. */
  estimatedBelow: boolean;
}

const HEADING = /^\s{0,3}(#{1,6})\s+(.*)$/;
const MARKERS = /^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])?\s*/;

function pairsOf(line: string) {
  return readKeyValues(line.replace(MARKERS, '').replace(/[*_`]/g, '').trim());
}

/**
 * The facts of the section opened by the heading on `line` (1-based): an epic with its own
 * "Estimated Effort" and "Dependencies" lines over tasks that carry none is the planned item;
 * over estimated stories it is their group.
 */
export function sectionFacts(lines: readonly string[], line: number): SectionFacts {
  const depth = HEADING.exec(lines[line - 1] ?? '')?.[1]?.length ?? 0;
  const ownRoles = new Set<Role>();
  let below = false;
  let fence: string | null = null;
  for (let index = line; index < lines.length; index++) {
    const text = lines[index] ?? '';
    const step = nextFence(fence, text);
    fence = step.open;
    if (fence !== null || step.marker) continue;
    const heading = HEADING.exec(text);
    if (heading) {
      if (heading[1].length <= depth) break;
      below = true;
      if (estimateInTitle(heading[2])) return { ownRoles, estimatedBelow: true };
      continue;
    }
    for (const pair of pairsOf(text)) {
      const roles = metadataRoles(pair.key);
      if (below && roles.includes('estimate')) return { ownRoles, estimatedBelow: true };
      if (!below) for (const role of roles) ownRoles.add(role);
    }
  }
  return { ownRoles, estimatedBelow: false };
}
