import { describe, expect, it } from 'vitest';
import { guardianFromSubmitter } from '../../../web/src/citizen/guardian-reuse';

describe('guardianFromSubmitter', () => {
  const guardianActing = { submitter: { who: 'on-behalf', name: '박보호', relation: 'family', legalGuardian: true, phone: '010 2222 3333' } };

  it('fills the guardian step from the legal guardian acting for the person, without asking again', () => {
    expect(guardianFromSubmitter(guardianActing)).toEqual({ guardian: { name: '박보호', phone: '010 2222 3333' } });
  });

  it('leaves it alone for anyone else, an office line, or a guardian step already answered', () => {
    expect(guardianFromSubmitter({ submitter: { ...guardianActing.submitter, legalGuardian: false } })).toBeUndefined();
    expect(guardianFromSubmitter({ submitter: { ...guardianActing.submitter, phone: '02-123-4567' } })).toEqual({ guardian: { name: '박보호' } });
    expect(guardianFromSubmitter({ ...guardianActing, guardian: { name: '다른 보호자' } })).toBeUndefined();
  });
});
