import { getProgrammeTerms, isProgrammeId, type ProgrammeId } from '../../forms/terms';
import { answerAt } from '../../forms/answers';
import { guardianRelationOptions } from '../../forms/answer-options';
import { districtName, isDistrictCode } from '../../forms/districts';
import type { Text } from '../../forms/i18n';
import { statusLabels, type Application, type ApplicationStatus } from '../applications/application';
import { declineReasons, type OfferDecision, type OfferState, type ProviderOffer } from '../matching/offer';
import type { Place } from '../matching/places';

/**
 * What agency staff see of an offer and of a case: what they need to serve the person and nothing
 * more (issue 7 item 5). Built field by field from the application — never by removing fields from
 * it — so a question added to a form later can never leak into the portal: no resident registration
 * number, income, household, eligibility, health answers, consents or access code, ever.
 */

/** The person served: the child in the child programme, the applicant otherwise. */
export interface PersonServed {
  name: string;
  /** Absent for a child: the family is reached through the guardian. */
  phone?: string;
}

/** Whom to call for the person: the applying parent of a child, or an under-14 applicant's legal guardian. */
export interface GuardianContact {
  name: string;
  phone: string;
  relation: Text;
}

export interface PortalCounsellor {
  counsellorId: string;
  /** Absent when the registry no longer has the counsellor. */
  name?: string;
}

export interface OfferCard {
  offerId: string;
  state: OfferState;
  period: number;
  createdAt: string;
  dueAt: string;
  timeoutAt: string;
  acknowledgedAt?: string;
  programme: { id: string; name: Text };
  serviceType: { id: string; label: Text };
  cadence?: Text;
  district: { code: string; name: Text };
  counsellor: PortalCounsellor;
  /** Why this counsellor: the matching's reason. */
  reason: Text;
  /** Only while the agency may serve the person (open or accepted offers). */
  person?: PersonServed;
  guardian?: GuardianContact;
  answer?: { decision: OfferDecision; reason?: string; reasonLabel?: Text; note?: string; at: string; by?: string };
}

export interface CaseloadEntry {
  applicationId: string;
  /** 'offered': the place is reserved and the offer waits for the agency; 'serving': accepted. */
  state: Place['state'];
  status: ApplicationStatus;
  statusLabel: Text;
  person: PersonServed;
  guardian?: GuardianContact;
  programme: { id: string; name: Text };
  serviceType?: { id: string; label: Text };
  cadence?: Text;
  counsellor: PortalCounsellor;
  reservedAt: string;
  servingSince?: string;
  servicePeriod?: { period: number; startsAt: string; endsAt: string };
}

function text(answers: unknown, path: string): string | undefined {
  const value = answerAt(answers, path);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function relationLabel(value: string | undefined): Text {
  return guardianRelationOptions.find((o) => o.value === value)?.label ?? { ko: '보호자', en: 'Guardian' };
}

function guardianAt(answers: unknown, prefix: string, relationPath: string): GuardianContact | undefined {
  const name = text(answers, `${prefix}.name`);
  const phone = text(answers, `${prefix}.phone`);
  return name && phone ? { name, phone, relation: relationLabel(text(answers, relationPath)) } : undefined;
}

/**
 * Where each programme keeps the person served and their guardian (forms/programmes/*.ts). Keyed by
 * programme id, so a new programme cannot reach the portal without saying where its people are.
 */
const peopleOf: Record<ProgrammeId, (answers: unknown) => { person: PersonServed; guardian?: GuardianContact }> = {
  // The child is served; the applicant is the child's parent or guardian (relationToChild).
  'child-adolescent': (a) => ({ person: { name: text(a, 'child.name') ?? '' }, guardian: guardianAt(a, 'applicant', 'relationToChild') }),
  // The applicant is served; an under-14 applicant applies with a legal guardian.
  parent: (a) => ({ person: { name: text(a, 'applicant.name') ?? '', phone: text(a, 'applicant.phone') }, guardian: guardianAt(a, 'guardian', 'guardian.relation') }),
  youth: (a) => ({ person: { name: text(a, 'applicant.name') ?? '', phone: text(a, 'applicant.phone') } }),
};

export function peopleServed(application: Pick<Application, 'programme' | 'answers'>): { person: PersonServed; guardian?: GuardianContact } {
  const read = isProgrammeId(application.programme) ? peopleOf[application.programme] : peopleOf.youth;
  const { person, guardian } = read(application.answers);
  return { person: person.phone ? person : { name: person.name }, ...(guardian ? { guardian } : {}) };
}

function programmeOf(id: string) {
  return isProgrammeId(id) ? getProgrammeTerms(id) : undefined;
}

function programmeText(id: string): { id: string; name: Text } {
  return { id, name: programmeOf(id)?.name ?? { ko: id, en: id } };
}

function serviceTypeText(programme: string, serviceType: string): { id: string; label: Text } {
  const label = programmeOf(programme)?.serviceTypes.find((t) => t.id === serviceType)?.label;
  return { id: serviceType, label: label ?? { ko: serviceType, en: serviceType } };
}

/** The service type of a case: the offer's, else the form's answer, else the programme's only one. */
function serviceTypeOfCase(application: Pick<Application, 'programme' | 'answers'>, offer?: Pick<ProviderOffer, 'serviceType'>): string | undefined {
  const types = programmeOf(application.programme)?.serviceTypes ?? [];
  return offer?.serviceType ?? text(application.answers, 'serviceType') ?? (types.length === 1 ? types[0]!.id : undefined);
}

function cadenceOf(programme: string): Text | undefined {
  return programmeOf(programme)?.plan.cadence;
}

/** Whether the agency may still serve the person of an offer in this state (and so see who they are). */
export function showsPerson(state: OfferState): boolean {
  return state === 'open' || state === 'accepted';
}

/**
 * An offer as agency staff see it. The person and their guardian are shown only while the agency may
 * serve them (`application` given for open and accepted offers); a declined or lapsed offer keeps its
 * facts and the agency's answer, not who it was for.
 */
export function offerCard(offer: ProviderOffer, counsellorName: string | undefined, application?: Pick<Application, 'programme' | 'answers'>): OfferCard {
  const answer = offer.answer;
  return {
    offerId: offer.offerId,
    state: offer.state,
    period: offer.period,
    createdAt: offer.createdAt,
    dueAt: offer.dueAt,
    timeoutAt: offer.timeoutAt,
    ...(offer.acknowledgedAt ? { acknowledgedAt: offer.acknowledgedAt } : {}),
    programme: programmeText(offer.programme),
    serviceType: serviceTypeText(offer.programme, offer.serviceType),
    ...(cadenceOf(offer.programme) ? { cadence: cadenceOf(offer.programme) } : {}),
    district: { code: offer.district, name: isDistrictCode(offer.district) ? districtName(offer.district) : { ko: offer.district, en: offer.district } },
    counsellor: { counsellorId: offer.counsellorId, ...(counsellorName ? { name: counsellorName } : {}) },
    reason: offer.reason,
    ...(application && showsPerson(offer.state) ? peopleServed(application) : {}),
    ...(answer
      ? {
          answer: {
            decision: answer.decision,
            ...(answer.reason ? { reason: answer.reason, reasonLabel: declineReasons.find((r) => r.id === answer.reason)?.label } : {}),
            ...(answer.note ? { note: answer.note } : {}),
            at: answer.at,
            ...(answer.by ? { by: answer.by.userId } : {}),
          },
        }
      : {}),
  };
}

/** A case of the agency's caseload: the place, the person and where the application stands. */
export function caseloadEntry(place: Place, application: Application, counsellorName: string | undefined, offer?: Pick<ProviderOffer, 'serviceType'>): CaseloadEntry {
  const serviceType = serviceTypeOfCase(application, offer);
  const period = application.servicePeriod;
  return {
    applicationId: application.id,
    state: place.state,
    status: application.status,
    statusLabel: statusLabels[application.status],
    ...peopleServed(application),
    programme: programmeText(application.programme),
    ...(serviceType ? { serviceType: serviceTypeText(application.programme, serviceType) } : {}),
    ...(cadenceOf(application.programme) ? { cadence: cadenceOf(application.programme) } : {}),
    counsellor: { counsellorId: place.counsellorId, ...(counsellorName ? { name: counsellorName } : {}) },
    reservedAt: place.reservedAt,
    ...(place.servingSince ? { servingSince: place.servingSince } : {}),
    ...(period ? { servicePeriod: { period: period.period, startsAt: period.startsAt, endsAt: period.endsAt } } : {}),
  };
}
