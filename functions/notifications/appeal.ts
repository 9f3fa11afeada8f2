import { seoulIsoDate } from '../../forms/dates';
import { districtName, isDistrictCode } from '../../forms/districts';
import type { Text } from '../../forms/i18n';

/**
 * How a refused applicant may appeal (이의신청). The Framework Act on Administrative Regulation
 * (행정기본법 제36조) gives 30 days from the day the decision is notified, to the agency that decided
 * [sec]; the case is decided by the district office of the application [decision, DOMAIN.md §2], so
 * that is where the appeal goes. The last day is counted from the notice's date in Seoul, which is
 * never later than the day the applicant receives it, so the date we give is never too late.
 */
export const APPEAL_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export function appealFor(district: Text, noticeAt: string): { office: Text; by: string } {
  const noticeDay = seoulIsoDate(new Date(noticeAt));
  const by = new Date(Date.parse(`${noticeDay}T00:00:00Z`) + APPEAL_DAYS * DAY_MS).toISOString().slice(0, 10);
  return { office: { ko: `${district.ko}청`, en: `the ${district.en} Office` }, by };
}

/** The appeal of an application decided by its district (a 시군구 code), as the notice and the status page give it. */
export function appealInDistrict(districtCode: string, noticeAt: string): { office: Text; by: string } {
  const district: Text = isDistrictCode(districtCode) ? districtName(districtCode) : { ko: '관할 구', en: 'your district' };
  return appealFor(district, noticeAt);
}
