import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { isDistrictCode } from '../../forms/districts';
import { isProgrammeId } from '../../forms/terms';
import { message } from '../../forms/messages';
import { hiddenCharactersBut } from '../../forms/hidden-characters';
import { pageSizeParameter } from '../commons/page-size';
import type { HumanTask, TaskKind, TaskState } from './task';
import { slaDueAt, receivedAt } from './queue-sla';

/**
 * What a case manager asks of the work queue, as the query string says it. Every filter is answered by
 * a Query on one district's task partition (functions/review/queue-query.ts), never a Scan.
 */
export interface QueueFilter {
  /** One district the caller serves; absent: every district they serve. */
  district?: string;
  programme?: string;
  kind?: TaskKind;
  /** The task's state; `open` unless asked (decided, expired and cancelled tasks are listed newest first). */
  state: TaskState;
  /** Open tasks past the due date their case is measured against (queue-sla.ts). */
  overdue: boolean;
  /** Claimed by the caller. */
  mine: boolean;
  /** Claimed by no one. */
  unassigned: boolean;
  /** By due date (the default: what is late first) or by the date the case came in. */
  sort: 'due' | 'received';
  /**
   * A receipt number (exact) or an applicant's full name (exact, normalised): a search, not a page.
   * A name in a query string is personal data: handlers never log it, and no API access log is kept
   * (one added later must leave query strings out).
   */
  q?: string;
}

const flag = z._default(z.pipe(z.enum(['true', 'false']), z.transform((v) => v === 'true')), false);
const UNSAFE_IN_SEARCH = hiddenCharactersBut('');
const searchText = message('search-text', {
  ko: '검색어는 접수번호(DB-2026-XXXXXXXX) 또는 신청인 이름 전체를 60자 이내로 입력해 주세요',
  en: 'Search for a receipt number (DB-2026-XXXXXXXX) or an applicant’s full name, within 60 characters',
});
export const cursorInvalid = {
  ko: '목록 위치 값이 올바르지 않거나 다른 검색 조건의 것입니다. 목록을 처음부터 다시 불러 주세요',
  en: 'Not a valid list position, or one of other filters. Load the list again from the start',
};
export const pageSizeMessage = message('page-size', { ko: '한 번에 1~100건까지 볼 수 있습니다', en: 'A page holds 1 to 100 tasks' });

export const queueQuerySchema = z
  .object({
    district: z.optional(z.string().check(z.refine(isDistrictCode, message('district-code', { ko: '서울시 자치구 코드가 아닙니다', en: 'Not a Seoul district code' })))),
    programme: z.optional(z.string().check(z.refine(isProgrammeId, message('programme-unknown', { ko: '알 수 없는 사업입니다', en: 'Not a known programme' })))),
    kind: z.optional(z.enum(['review', 'reassessment', 'risk', 'referral', 'attendance'], message('task-kind', { ko: '알 수 없는 업무 종류입니다', en: 'Not a kind of task' }))),
    state: z._default(z.enum(['open', 'decided', 'expired', 'cancelled'], message('task-state', { ko: '알 수 없는 업무 상태입니다', en: 'Not a task state' })), 'open'),
    overdue: flag,
    mine: flag,
    unassigned: flag,
    sort: z._default(z.enum(['due', 'received'], message('queue-sort', { ko: '기한순(due) 또는 접수순(received)만 가능합니다', en: 'Sort by due or received' })), 'due'),
    q: z.optional(
      z.string().check(
        z.trim(),
        z.minLength(1, searchText),
        z.maxLength(60, searchText),
        z.refine((q) => !UNSAFE_IN_SEARCH.test(q), searchText),
      ),
    ),
    cursor: z.optional(z.string().check(z.maxLength(4096, message('cursor-invalid', cursorInvalid)))),
    limit: pageSizeParameter(pageSizeMessage, 50),
  })
  .check(
    z.refine((f) => !(f.mine && f.unassigned), {
      path: ['unassigned'],
      message: message('mine-and-unassigned', { ko: '"내 업무"와 "미배정"은 함께 고를 수 없습니다', en: '"Mine" and "unassigned" cannot both be chosen' }),
    }),
    z.refine((f) => !f.overdue || f.state === 'open', {
      path: ['overdue'],
      message: message('overdue-open-only', { ko: '기한 지남은 처리 대기 업무에만 쓸 수 있습니다', en: 'Only open tasks can be overdue' }),
    }),
  );

export type QueueQuery = z.infer<typeof queueQuerySchema>;

export function filterOf(query: QueueQuery): QueueFilter {
  const { cursor: _c, limit: _l, ...filter } = query;
  return filter;
}

/**
 * A short digest of the filter a cursor was made for: a cursor is a position in one listing, and
 * sent back with other filters it would skip or repeat tasks, so it is refused instead.
 */
export function filterFingerprint(filter: QueueFilter): string {
  const canonical = [filter.district, filter.programme, filter.kind, filter.state, filter.overdue, filter.mine, filter.unassigned, filter.sort, filter.q];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 16);
}

/** Where a task stands in the listing this filter asks for: the index's sort key (queue-query.ts). */
export function orderKey(filter: Pick<QueueFilter, 'sort'>, task: Pick<HumanTask, 'state' | 'taskId' | 'dueAt' | 'firstDueAt' | 'createdAt' | 'firstOpenedAt'>): string {
  return `${task.state}#${filter.sort === 'due' ? slaDueAt(task) : receivedAt(task)}#${task.taskId}`;
}

/** Open work oldest-due first; finished work newest first (what was just decided is what one looks for). */
export function ascending(filter: Pick<QueueFilter, 'state'>): boolean {
  return filter.state === 'open';
}

/**
 * The same filter as the Query's key condition and filter expression, on a task in hand: for a search,
 * whose few tasks are read by application rather than by district.
 */
export function matchesFilter(task: HumanTask, filter: QueueFilter, districts: readonly string[], now: Date, userId: string): boolean {
  if (!districts.includes(task.district)) return false;
  if (task.state !== filter.state) return false;
  if (filter.programme && task.programme !== filter.programme) return false;
  if (filter.kind && task.kind !== filter.kind) return false;
  if (filter.overdue && !(slaDueAt(task) < now.toISOString())) return false;
  if (filter.mine && task.assignee !== userId) return false;
  if (filter.unassigned && task.assignee !== undefined) return false;
  return true;
}
