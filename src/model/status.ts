/** Done in any language or case, a check mark, or a ticked box. */
const DONE =
  /^(?:done|closed|complete|completed|finished|resolved|shipped|merged|released|delivered|erledigt|fertig|abgeschlossen|geschlossen|terminé|terminée|fait|fini|clos|concluído|concluida|concluída|feito|finalizado|finalizada|completado|hecho|terminado|cerrado|готово|выполнено|завершено|сделано|закрыто|完成|已完成|完了|済み?|완료|completato|completata|fatto|chiuso|terminato|klaar|gereed|afgerond|zrobione|x)$/iu;
const DONE_MARK = /^(?:[✅✔✓☑]|\[x\])/iu;

/**
 * Closed without being done: no work remains, so the model reads it as done while the item keeps
 * the status the document gives. A bare ❌ is not among them: feature tables use it for "not yet".
 */
const CANCELLED =
  /^(?:won't (?:do|fix)|wont ?fix|cancell?ed|cancelado|cancelada|cancellato|annulée?|abandonnée?|abandoned|obsolete|obsolète|dropped|descartad[oa]|abgebrochen|storniert|verworfen|отменен[оа]?|отменён|已取消|取消|キャンセル|취소)$/iu;

/** Whether a status leaves no work: done, or cancelled. */
export function isDoneStatus(status: string | null): boolean {
  if (!status) return false;
  const text = status.replace(/[`*_~]/g, '').trim();
  if (DONE_MARK.test(text)) return true;
  const words = text
    .replace(/^[^\p{L}]+/u, '')
    .replace(/[’‘]/g, "'")
    .trim();
  return DONE.test(words) || CANCELLED.test(words) || /^(?:done|complete|completed|erledigt|terminé)\b/i.test(words);
}
