import { programmeTermsById } from '../../forms/terms';
import { districtName } from '../../forms/districts';
import type { Text } from '../../forms/i18n';
import { basicTrainingDone, freePlaces, qualifications, qualifiedFor, youthVoucherTypesOf, type Agency, type Counsellor } from './registry';
import { serviceTypeProgramme } from './service-types';

/**
 * What the registry routes answer: the stored entry, ids as sent (so a PUT can send them back), with
 * labels to show and what Dolbom derives from it — computed on every read, never stored or typed.
 */

const levelLabel = { basic: { ko: '기본', en: 'basic' }, advanced: { ko: '심화', en: 'advanced' } } as const;

function serviceTypeLabel(id: string): Text {
  const programme = serviceTypeProgramme.get(id);
  const label = programme && programmeTermsById[programme].serviceTypes.find((s) => s.id === id)?.label;
  return label ?? { ko: id, en: id };
}

export function agencyView(agency: Agency) {
  return {
    ...agency,
    labels: {
      district: districtName(agency.district),
      programmes: agency.programmes.map((id) => ({ id, label: programmeTermsById[id].name })),
      serviceTypes: agency.serviceTypes.map((id) => ({ id, label: serviceTypeLabel(id) })),
    },
  };
}

/** A counsellor with what follows from their entry at this agency, judged on `today` (ISO date). */
export function counsellorView(counsellor: Counsellor, agency: Agency, today: string) {
  return {
    ...counsellor,
    youthVoucherTypes: youthVoucherTypesOf(counsellor.qualifications),
    /** The agency's service types this counsellor's qualifications cover. */
    qualifiedServiceTypes: agency.serviceTypes.filter((s) => qualifiedFor(counsellor.qualifications, s)),
    /** The agency's programmes whose basic training the counsellor has done: the ones they may serve. */
    servesProgrammes: agency.programmes.filter((p) => basicTrainingDone(counsellor.trainings, p, today)),
    freePlaces: freePlaces(counsellor),
    labels: {
      qualifications: counsellor.qualifications.map((id) => ({ id, label: qualifications.find((q) => q.id === id)?.label ?? { ko: id, en: id } })),
      trainings: counsellor.trainings.map((t) => {
        const programme = programmeTermsById[t.programme].name;
        return {
          ...t,
          label: { ko: `${programme.ko} ${levelLabel[t.level].ko} 교육`, en: `${programme.en}, ${levelLabel[t.level].en} training` },
        };
      }),
    },
  };
}
