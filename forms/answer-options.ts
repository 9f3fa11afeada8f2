import type { Text } from './i18n';

/** Answer options several forms share, with their labels: data only, so a page or handler that shows an answer needs no schema (common.ts builds the schemas from these). */
export const householdCategories = ['basic-livelihood', 'near-poor', 'single-parent', 'general'] as const;
export const guardianRelations = ['parent', 'grandparent', 'legal-guardian', 'other'] as const;

export const householdCategoryOptions: { value: (typeof householdCategories)[number]; label: Text }[] = [
  { value: 'basic-livelihood', label: { ko: '국민기초생활보장 수급자', en: 'Basic livelihood security recipient' } },
  { value: 'near-poor', label: { ko: '차상위계층', en: 'Near-poor (차상위)' } },
  { value: 'single-parent', label: { ko: '법정 한부모가족', en: 'Legal single-parent family' } },
  { value: 'general', label: { ko: '일반', en: 'None of these' } },
];

export const guardianRelationOptions: { value: (typeof guardianRelations)[number]; label: Text }[] = [
  { value: 'parent', label: { ko: '부모', en: 'Parent' } },
  { value: 'grandparent', label: { ko: '조부모', en: 'Grandparent' } },
  { value: 'legal-guardian', label: { ko: '후견인', en: 'Court-appointed guardian' } },
  { value: 'other', label: { ko: '기타', en: 'Other' } },
];
