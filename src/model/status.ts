/** Done in any language or case, a check mark, or a ticked box. */
const DONE = /^(?:done|closed|complete|completed|finished|resolved|shipped|merged|released|delivered|erledigt|fertig|abgeschlossen|geschlossen|terminé|terminée|fait|fini|clos|concluído|concluida|concluída|feito|finalizado|finalizada|completado|hecho|terminado|cerrado|готово|выполнено|завершено|сделано|закрыто|完成|已完成|完了|済み?|완료|completato|completata|fatto|chiuso|terminato|klaar|gereed|afgerond|zrobione|x)$/iu;
const DONE_MARK = /^(?:[✅✔✓☑]|\[x\])/iu;

export function isDoneStatus(status: string | null): boolean {
  if (!status) return false;
  const text = status.replace(/[`*_]/g, '').trim();
  if (DONE_MARK.test(text)) return true;
  const words = text.replace(/^[^\p{L}]+/u, '').trim();
  return DONE.test(words) || /^(?:done|complete|completed|erledigt|terminé)\b/i.test(words);
}
