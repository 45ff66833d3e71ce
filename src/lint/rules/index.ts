import type { Rule } from '../types.js';
import { dependencyCycle } from './dependency-cycle.js';
import { dependencyOrder } from './dependency-order.js';
import { duplicateId } from './duplicate-id.js';
import { encoding } from './encoding.js';
import { estimateConflict } from './estimate-conflict.js';
import { missingEstimate } from './missing-estimate.js';
import { sprintOverCapacity } from './sprint-over-capacity.js';
import { statedCriticalPathMismatch } from './stated-critical-path-mismatch.js';
import { statedForecastMismatch } from './stated-forecast-mismatch.js';
import { statedTotalMismatch } from './stated-total-mismatch.js';
import { statusConflict } from './status-conflict.js';
import { tableColumnCount } from './table-column-count.js';
import { tableRowWrapped } from './table-row-wrapped.js';
import { unknownReference } from './unknown-reference.js';
import { unparsableEstimate } from './unparsable-estimate.js';
import { unknownStatus } from './unknown-status.js';
import { unparsableSprint } from './unparsable-sprint.js';
import { unreadDocument } from './unread-document.js';
import { unreadTable } from './unread-table.js';

/** Every rule, in the order `--rules` lists them: how the file reads, then the model, then its claims. */
export const RULES: readonly Rule[] = [
  encoding,
  tableRowWrapped,
  tableColumnCount,
  unreadTable,
  unreadDocument,
  duplicateId,
  unparsableEstimate,
  unparsableSprint,
  missingEstimate,
  estimateConflict,
  statusConflict,
  unknownStatus,
  unknownReference,
  dependencyCycle,
  dependencyOrder,
  sprintOverCapacity,
  statedTotalMismatch,
  statedCriticalPathMismatch,
  statedForecastMismatch,
];
