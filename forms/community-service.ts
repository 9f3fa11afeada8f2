/** Facts shared by the 지역사회서비스투자사업 voucher programmes (child and parent). */
import type { Text } from './i18n';
import type { DocumentRequirement, IncomeTieredCopay } from './types';

/** Copay (본인부담금): 10% by household category, else 20% up to 120% and 30% up to 140% of median. */
export const communityServiceCopay: IncomeTieredCopay = {
  kind: 'income-tiered',
  byCategory: { tier: 'tier1', ratePercent: 10, categories: ['basic-livelihood', 'near-poor', 'single-parent'] },
  byIncome: [
    { tier: 'tier2', ratePercent: 20, maxIncomePercent: 120 },
    { tier: 'tier3', ratePercent: 30, maxIncomePercent: 140 },
  ],
};

/** The legal basis for collecting resident registration numbers in voucher programmes (개인정보 보호법 제24조의2). */
export const voucherRrnLegalBasis: Text = {
  ko: '「사회서비스 이용 및 이용권 관리에 관한 법률」 및 같은 법 시행령의 고유식별정보 처리 규정(사회서비스이용권 발급·관리)',
  en: 'Act on the Use of Social Services and the Management of Vouchers and its Enforcement Decree, provisions on unique identifiers (issuing and managing vouchers)',
};

/** Proof of the household category that sets copay tier 1 (both community-service programmes ask it). */
export const categoryCertificate: DocumentRequirement = {
  id: 'category-certificate',
  label: {
    ko: '수급자증명서·차상위계층확인서·한부모가족증명서',
    en: 'Certificate of basic livelihood, near-poor or single-parent status',
  },
  required: false,
  when: { ko: '가구 유형이 일반이 아닌 경우', en: "The household category is not 'none of these'" },
};
