import type { HttpEvent } from '../commons/http';
import { HttpProblem, problem } from '../commons/problems';
import type { StaffMember } from '../commons/staff';
import type { HumanTask } from '../review/task';
import { taskForStaff } from '../review/staff-task';

/** The referral task named in the path, for a case manager of its district: 404 for any other task. */
export async function referralTaskForStaff(event: HttpEvent): Promise<{ staff: StaffMember; task: HumanTask & { referral: NonNullable<HumanTask['referral']> } }> {
  const { staff, task } = await taskForStaff(event);
  if (task.kind !== 'referral' || !task.referral) throw problem.notFound({ ko: '연계 의뢰 업무', en: 'Referral task' });
  return { staff, task: { ...task, referral: task.referral } };
}

export const referralAnsweredDifferently = () =>
  new HttpProblem(409, 'referral-recorded-differently', {
    ko: '이 연계 의뢰에는 이미 다른 내용이 기록되어 있습니다. 업무를 새로 고쳐 확인해 주세요.',
    en: 'Something different was already recorded on this referral. Refresh the task to see it.',
  });
