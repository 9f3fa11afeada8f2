import { HttpProblem, problem } from '../commons/problems';
import { registryLabels } from './registry-labels';
import { AgencyChangeRefused, AgencyNotFound, CapacityBelowCaseload, CounsellorNotFound, RegistryBusy } from './registry-store';

export const agencyNotFound = () => problem.notFound({ ko: '제공기관', en: 'Agency' });
export const counsellorNotFound = () => problem.notFound({ ko: '상담사', en: 'Counsellor' });

/** The registry store's refusals, answered in the words of the person who asked. */
function asProblem(error: unknown): unknown {
  if (error instanceof AgencyNotFound) return agencyNotFound();
  if (error instanceof CounsellorNotFound) return counsellorNotFound();
  if (error instanceof AgencyChangeRefused) return problem.invalidInput(error.problems);
  if (error instanceof CapacityBelowCaseload) {
    const label = registryLabels.weeklyCapacity;
    const message = {
      ko: `이 상담사는 지금 ${error.reserved}건을 맡고 있어 ${label.ko}를 ${error.wanted}건으로 줄일 수 없습니다. ${error.reserved} 이상으로 입력해 주세요`,
      en: `This counsellor holds ${error.reserved} case${error.reserved === 1 ? '' : 's'} now, so the ${label.en.toLowerCase()} cannot go down to ${error.wanted}: enter ${error.reserved} or more`,
    };
    return new HttpProblem(409, 'capacity-below-caseload', message, [{ field: 'weeklyCapacity', code: 'capacity-below-caseload', message }]);
  }
  if (error instanceof RegistryBusy) {
    return problem.conflict('registry-changed', {
      ko: '다른 사용자가 방금 이 정보를 바꾸었습니다. 다시 불러온 뒤 시도해 주세요',
      en: 'Someone else changed this entry just now. Load it again and retry',
    });
  }
  return error;
}

/** Awaits a registry write, turning its refusals into 4xx answers. */
export async function answering<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    throw asProblem(error);
  }
}
