import { unitOfWord, type StatedUnit } from './estimates.js';

/** What a table column or a `**Key**: value` line carries. */
export type Role =
  | 'id'
  | 'title'
  | 'estimate'
  | 'optimistic'
  | 'likely'
  | 'pessimistic'
  | 'dependsOn'
  | 'successors'
  /** Issue-tracker links written as relations: "is blocked by PAY-101", "blocks PAY-104". */
  | 'links'
  /** Free text that may state a dependency in so many words: "Depends on: PAY-101". */
  | 'notes'
  | 'sprint'
  | 'status'
  | 'priority'
  | 'owner'
  | 'group'
  | 'track'
  | 'release';

/** Header words per role, in several languages; matched against the whole (cleaned) header. */
const SYNONYMS: [Role, RegExp][] = [
  ['optimistic', /^(?:o|opt|optimistic|optimistisch|optimiste|otimista|optimista|оптимистичн[а-яё]*)(?: estimate| \(.*\))?$/i],
  [
    'likely',
    /^(?:m|ml|most ?likely|likely|realistic|wahrscheinlich|probable|provável|más probable|вероятн[а-яё]*)(?: estimate| \(.*\))?$/i,
  ],
  ['pessimistic', /^(?:p|pess|pessimistic|pessimistisch|pessimiste|pessimista|pesimista|пессимистичн[а-яё]*)(?: estimate| \(.*\))?$/i],
  [
    'id',
    /^(?:id|ids|#|no\.?|nr\.?|n°|key|activity|activity id|task code|ticket(?: id)?|issue|task ?id|story ?id|item ?id|us ?id|pbi|ref|rank|wbs|wbs code|wbs id|wbs-code|№|nº|issue key|work item id|código|codigo|identifiant|код|编号|번호|id da história|编號|番号|チケット|課題|nummer|numero|número|identificativo|codice)$/i,
  ],
  [
    'dependsOn',
    /^(?:depend\w*(?: on)?|deps|blocked ?by|(?:immediate )?predecessors?|prerequisites?|requires|needs|after|abhängigkeit(?:en)?|abhängig von|dépend\w*|dependências|dependencias|dependencia|pr[ée]-?requis|voraussetzung(?:en)?|зависит от|зависимост[а-яё]*|предшественник[а-яё]*|依赖|依赖项|前置|前置任务|前置条件|inward issue links? \(blocks\)|선행|의존성|依存|依存関係|前提|先行タスク|dipendenze|dipende da|afhankelijkheden|zależności)$/i,
  ],
  ['successors', /^(?:successors?|blocks|enables|unblocks|nachfolger|successeurs|outward issue links? \(blocks\))$/i],
  [
    'links',
    /^(?:linked issues?|issue links?|links|linked work items?|related work items?|relations|relationships|verknüpfte vorgänge|verknüpfungen|связи|связанные задачи|关联问题|链接的问题)$/i,
  ],
  [
    'notes',
    /^(?:notes?|comments?|remarks?|bemerkung(?:en)?|anmerkung(?:en)?|kommentare?|notizen?|remarques?|commentaires?|observa[çc][õo]es|observaciones|comentarios?|notas?|примечани[ея]|комментари[ийя]|备注|説明|備考|비고|commenti)$/i,
  ],
  [
    'estimate',
    /^(?:estimate|estimates|estimation|est|est\.|effort|size|t-?shirt(?: size)?|points?|pts|sp|story ?points?|story points? \(sp\)|weight|duration|days|hours|md|pd|man-?days|person-?days|personentage|manntage|jh|jours[- ]hommes?|人天|人日|aufwand|schätzung|geschätzter aufwand|difficulté|difficulty|complexity|complexité|complexidade|esforço|esfuerzo|estimativa|estimación|estimacion|puntos|pontos|durée|durée estimée|charge|оценка|трудоемкость|очки|估算|估计|工作量|点数|추정|포인트|견적|見積|見積もり|見積り|工数|ポイント|stima|stime|punti|schatting|punten|szacunek|estimated(?: time| effort| hours)?|time estimate)$/i,
  ],
  [
    'sprint',
    /^(?:sprint|iteration|iteração|itération|iteración|iterazione|спринт|冲刺|스프린트|スプリント|target sprint|planned sprint|iteration path)$/i,
  ],
  [
    'status',
    /^(?:status|state|stand|zustand|statut|état|estado|situação|состояние|статус|状态|상태|状態|ステータス|stato|progress|done|✔|✓|✅)$/i,
  ],
  [
    'priority',
    /^(?:priority|prio|priorität|priorité|prioridade|prioridad|приоритет|优先级|우선순위|優先度|優先順位|priorità|prioriteit|priorytet|imp|importance|moscow|rank(?:ing)?)$/i,
  ],
  [
    'owner',
    /^(?:owner|role|assignee|assigned(?: to)?|lead|rolle|verantwortlich\w*|responsable|responsável|responsavel|asignado|dono|developer|developper|dev|who|person|исполнитель|ответственный|负责人|담당자|担当|担当者|responsabile|assegnatario|eigenaar|member)$/i,
  ],
  ['group', /^(?:epic|epics|group|feature|theme|module|component|area|category|scope|épica|epopeia|эпик|史诗|에픽)$/i],
  ['track', /^(?:track|stream|workstream|lane|team)$/i],
  ['release', /^(?:release|milestone|version|phase)$/i],
  [
    'title',
    /^(?:title|titel|name|summary|story|user stor(?:y|ies)|stories|task|tasks|ticket|item|description|desc|backlog item|backlog-element|aufgabe|beschreibung|tâche|titre|intitulé|fonctionnalité|história|historia|historias de usuario|user stories|tarea|tarefa|título|titulo|название|задача|история|элемент|标题|名称|任务|故事|제목|작업|タイトル|件名|タスク|ストーリー|titolo|descrizione|attività|storia|omschrijving|work-item|work item|pb item|feature name)$/i,
  ],
];

function cleanHeader(header: string): string {
  return header
    .replace(/[*_`]/g, '')
    .replace(/\((?:\d+|[^)]*)\)\s*$/, (note) => (unitOfWord(note.slice(1, -1)) ? '' : note.match(/^\(\d+\)$/) ? '' : note))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every role a header could have, best first. */
export function rolesOf(header: string): Role[] {
  const text = cleanHeader(header);
  const roles: Role[] = [];
  for (const [role, pattern] of SYNONYMS) if (pattern.test(text)) roles.push(role);
  if (roles.length === 0) {
    // "Schätzung (Story Points)", "Est (H)", "Estimated Effort (Stunden)", "Pts / Sprint"
    if (
      /(?<!\p{L})(?:estimat\p{L}*|schätzung|aufwand|effort|points?|pts|sp|est|durée|esforço|оценк\p{L}*|估算|추정)(?!\p{L})/iu.test(text) &&
      !/\b(?:actual|tatsächlich\w*|real|spent|remaining)\b/i.test(text)
    ) {
      roles.push('estimate');
    } else if (/\bdepend|\bblocked by\b|\bprereq/i.test(text)) roles.push('dependsOn');
    else if (/\b(?:user stor(?:y|ies)|title|titel|name|story)\b/i.test(text)) roles.push('title');
    else if (/\bstatus\b/i.test(text)) roles.push('status');
    else if (/\bpriorit/i.test(text)) roles.push('priority');
  }
  return roles;
}

const PERSON_DAYS = /(?<!\p{L})(?:personentage?|manntage?|jours?[- ]hommes?|人天|人日)(?!\p{L})/iu;
const GERMAN_EFFORT = /(?<!\p{L})(?:aufwand|schätzung|dauer|umfang)(?!\p{L})/iu;

/**
 * The unit a header states: "Pts", "Estimate (days)", "Est(H)", "Schätzung (Story Points)", with
 * what each bare number in the column counts ("Estimate (weeks)": 5 days).
 */
export function unitOfHeader(header: string): StatedUnit | null {
  const text = header.replace(/[*_`]/g, '').trim();
  // German effort is counted in "PT" (Personentage), which elsewhere abbreviates points.
  if (PERSON_DAYS.test(text) || (/(?<!\p{L})PT(?!\p{L})/u.test(text) && GERMAN_EFFORT.test(text))) return { unit: 'days', factor: 1 };
  const inParens = /\(([^)]*)\)/.exec(text);
  const inParensUnit = inParens ? unitOfWord(inParens[1]) : null;
  if (inParensUnit) return inParensUnit;
  const words = text.split(/[\s/()]+/).filter(Boolean);
  for (let i = words.length - 1; i >= 0; i--) {
    const unit = unitOfWord(words.slice(i).join(' ')) ?? unitOfWord(words[i]);
    if (unit) return unit;
  }
  return null;
}
