import { describe, expect, it } from 'vitest';
import { compileFilter, compileFilters } from '../../../infra/local/event-filter';

const newApplication = { eventName: ['INSERT'], dynamodb: { Keys: { sk: { S: ['APPLICATION'] } } } };
const record = (eventName: string, sk: string) => ({ eventName, dynamodb: { Keys: { pk: { S: 'APP#A1' }, sk: { S: sk } }, SequenceNumber: '1' } });

describe('compileFilter', () => {
  it('passes a record whose named fields match one of the listed values, at any depth', () => {
    const matches = compileFilter(newApplication);
    expect(matches(record('INSERT', 'APPLICATION'))).toBe(true);
    expect(matches(record('MODIFY', 'APPLICATION'))).toBe(false);
    expect(matches(record('INSERT', 'AUDIT#2026'))).toBe(false);
    expect(matches({ eventName: 'INSERT' })).toBe(false);
  });

  it('matches a list in the record when any of its elements matches', () => {
    expect(compileFilter({ tags: ['a', 'b'] })({ tags: ['c', 'b'] })).toBe(true);
    expect(compileFilter({ tags: ['a'] })({ tags: ['c'] })).toBe(false);
  });

  it('applies a prefix rule to strings only', () => {
    const notifications = compileFilter({ eventName: ['INSERT'], dynamodb: { Keys: { sk: { S: [{ prefix: 'NOTIFICATION#' }] } } } });
    expect(notifications(record('INSERT', 'NOTIFICATION#received'))).toBe(true);
    expect(notifications(record('INSERT', 'APPLICATION'))).toBe(false);
    expect(notifications(record('MODIFY', 'NOTIFICATION#received'))).toBe(false);
    expect(compileFilter({ n: [{ prefix: '1' }] })({ n: 12 })).toBe(false);
  });

  it('refuses rules it cannot apply, so the local cloud never passes what Lambda would drop', () => {
    expect(() => compileFilter({ dynamodb: { Keys: { sk: { S: [{ suffix: 'APP' }] } } } })).toThrow(/cannot apply the filter rule \{"suffix":"APP"\} at dynamodb.Keys.sk.S/);
    expect(() => compileFilter({ n: [{ prefix: 'A', numeric: ['>', 1] }] })).toThrow(/cannot apply the filter rule/);
    expect(() => compileFilter({ eventName: 'INSERT' })).toThrow(/found "INSERT" at eventName/);
  });
});

describe('compileFilters', () => {
  it('passes a record that matches any pattern, and every record when there is none', () => {
    const either = compileFilters([{ eventName: ['INSERT'] }, { eventName: ['REMOVE'] }]);
    expect(either(record('REMOVE', 'X'))).toBe(true);
    expect(either(record('MODIFY', 'X'))).toBe(false);
    expect(compileFilters([])(record('MODIFY', 'X'))).toBe(true);
  });
});
