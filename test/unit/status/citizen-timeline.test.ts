import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../functions/applications/audit';
import { decisionsByKind } from '../../../functions/review/task';
import { citizenText, citizenTimeline, citizenWording } from '../../../functions/status/citizen-timeline';

const functionsDir = path.resolve(__dirname, '../../../functions');
const eventShape = /^[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*$/;

/** Calls whose string argument is an audit event type (the action of a read, a step, a delivery). */
const actionCalls = new Set(['admitById', 'openForStaff', 'recordStaffRead', 'audit']);

/** Event types built from a template, and what they stand for. A new template must be spelled out here. */
const templates: Record<string, string[]> = {
  '`${kind}.decided`': ['review.decided', 'reassessment.decided'],
  '`${task.kind}.acknowledged`': Object.keys(decisionsByKind).map((kind) => `${kind}.acknowledged`),
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
  );
}

/**
 * Every audit event type the functions write: string literals under a property or parameter named
 * `action` (values, union types, both arms of a conditional), string arguments of the calls that
 * audit a read, and the templates above.
 */
function eventTypesInFunctions(): { found: Set<string>; unknownTemplates: string[] } {
  const found = new Set<string>();
  const unknownTemplates: string[] = [];
  const literalsUnder = (node: ts.Node, sourceFile: ts.SourceFile) => {
    const visit = (n: ts.Node) => {
      if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && eventShape.test(n.text)) found.add(n.text);
      else if (ts.isTemplateExpression(n)) {
        const source = n.getText(sourceFile);
        if (templates[source]) templates[source].forEach((t) => found.add(t));
        else unknownTemplates.push(`${path.relative(functionsDir, sourceFile.fileName)}: ${source}`);
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
  };
  for (const file of sourceFiles(functionsDir)) {
    const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      const named = (ts.isPropertyAssignment(node) || ts.isParameter(node) || ts.isPropertySignature(node)) && node.name.getText(sourceFile) === 'action';
      if (named) literalsUnder(node, sourceFile);
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && actionCalls.has(node.expression.text)) {
        for (const arg of node.arguments) if (ts.isStringLiteral(arg) && eventShape.test(arg.text)) found.add(arg.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { found, unknownTemplates };
}

let n = 0;
function event(action: string, fields: Partial<AuditEvent> = {}): AuditEvent {
  n += 1;
  return {
    eventId: `e${n}`,
    applicationId: 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF',
    at: `2026-03-02T01:${String(n).padStart(2, '0')}:00.000Z`,
    actor: { kind: 'system', step: 'Test' },
    action,
    visibleToApplicant: true,
    ...fields,
  };
}

describe('citizenWording', () => {
  const { found, unknownTemplates } = eventTypesInFunctions();

  it('names every audit event type the functions write: with the citizen’s words, or as internal', () => {
    expect(found.size).toBeGreaterThan(40); // the scan itself works
    expect(unknownTemplates, 'an event type built from a template: spell out what it stands for in this test').toEqual([]);
    const unnamed = [...found].filter((action) => !(action in citizenWording)).sort();
    expect(unnamed, 'add each to functions/status/citizen-timeline.ts: its wording for the status page, or internal').toEqual([]);
  });

  it('lists no event type that no function writes any more', () => {
    expect(Object.keys(citizenWording).filter((action) => !found.has(action)).sort()).toEqual([]);
  });

  it('words the steps of a case in Korean and English, with no code in them', () => {
    const worded = Object.entries(citizenWording).filter(([, wording]) => wording !== 'internal');
    expect(worded.length).toBeGreaterThan(15);
    for (const [action] of worded) {
      const samples = [
        event(action),
        event(action, { detail: { decision: 'approve', kind: 'review', period: 2, reason: 'withdrawal-moving' } }),
        event(action, { detail: { decision: 'extend', kind: 'reassessment', supplementOutcome: 'answered', reason: 'plan-complete' } }),
      ];
      for (const sample of samples) {
        const text = citizenText(sample);
        if (!text) continue;
        expect(text.ko, action).toMatch(/[가-힣]/);
        expect(text.en, action).toMatch(/^[A-Z]/);
        for (const words of [text.ko, text.en]) {
          expect(words, action).not.toMatch(/[a-z]+\.[a-z-]+/);
          expect(words, action).not.toContain(action);
        }
      }
    }
  });

  it('gives internal events no words at all', () => {
    expect(citizenText(event('task.escalated'))).toBeUndefined();
    expect(citizenText(event('access.denied'))).toBeUndefined();
    expect(citizenText(event('an.unknown-event'))).toBeUndefined();
  });
});

describe('citizenTimeline', () => {
  it('shows each step as a sentence with its date, oldest first, and leaves out what the citizen is not shown', () => {
    const submitted = event('application.submitted', { status: 'submitted', at: '2026-03-02T01:00:00.000Z' });
    const checked = event('eligibility.checked', { status: 'screened', at: '2026-03-02T01:00:03.000Z', detail: { outcome: 'eligible', ruleVersion: 'youth@2026.1/2026' } });
    const viewed = event('application.viewed', { visibleToApplicant: false, at: '2026-03-02T02:00:00.000Z' });
    const entries = citizenTimeline([checked, viewed, submitted]);
    expect(entries).toEqual([
      { at: submitted.at, status: 'submitted', text: { ko: '신청이 접수되었습니다.', en: 'We received your application.' } },
      { at: checked.at, status: 'screened', text: { ko: '신청 자격 기준을 확인했습니다.', en: 'We checked the eligibility criteria.' } },
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/youth|2026\.1|eligibility\.checked/);
  });

  it('shows a review reopened after an escalation once, at the date it first opened', () => {
    const opened = event('task.opened', { status: 'awaiting-review', at: '2026-03-02T01:00:05.000Z', detail: { kind: 'review' } });
    const escalated = event('task.escalated', { visibleToApplicant: false, at: '2026-03-09T01:00:05.000Z' });
    const reopened = event('task.opened', { status: 'awaiting-review', at: '2026-03-09T01:00:06.000Z', detail: { kind: 'review' } });
    const again = event('task.opened', { status: 'awaiting-review', at: '2026-03-16T01:00:06.000Z', detail: { kind: 'review' } });
    const entries = citizenTimeline([opened, escalated, reopened, again]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ at: opened.at, text: { ko: '담당자가 신청 내용을 검토하고 있습니다.' } });
  });

  it('keeps a step that comes back after another one: a review after a supplement is a new step', () => {
    const entries = citizenTimeline([
      event('task.opened', { status: 'awaiting-review', detail: { kind: 'review' } }),
      event('review.decided', { status: 'supplement-requested', detail: { decision: 'request-info' } }),
      event('supplement.answered'),
      event('task.opened', { status: 'awaiting-review', detail: { kind: 'review', supplementOutcome: 'answered' } }),
      event('review.decided', { status: 'matching', detail: { decision: 'approve' } }),
    ]);
    expect(entries.map((e) => e.text.ko)).toEqual([
      '담당자가 신청 내용을 검토하고 있습니다.',
      '담당자가 추가 서류나 내용을 요청했습니다.',
      '보완 내용을 보내 주셨습니다.',
      '보내 주신 보완 내용을 담당자가 다시 검토하고 있습니다.',
      '신청이 승인되었습니다. 서비스를 제공할 기관을 찾습니다.',
    ]);
  });

  it('tells a rejection once, and nothing of an answer that was not a decision', () => {
    const entries = citizenTimeline([
      event('review.decided', { detail: { decision: 'invalid' } }),
      event('review.decided', { detail: { decision: 'reject' } }),
      event('application.rejected', { status: 'rejected' }),
    ]);
    expect(entries.map((e) => e.text.en)).toEqual(['Your application was not approved.']);
  });

  it('says which period started, and why a period ended', () => {
    const entries = citizenTimeline([
      event('service-period.started', { status: 'in-service', detail: { period: 1 } }),
      event('service-period.ended', { detail: { period: 1, reason: 'plan-complete' } }),
      event('task.opened', { status: 'reassessment', detail: { kind: 'reassessment' } }),
      event('reassessment.decided', { detail: { decision: 'extend' } }),
      event('service-period.started', { status: 'in-service', detail: { period: 2 } }),
    ]);
    expect(entries.map((e) => e.text.ko)).toEqual([
      '서비스 이용이 시작되었습니다.',
      '계획한 상담을 모두 마쳤습니다.',
      '서비스 기간이 끝나, 담당자가 계속 이용할지 다시 판단하고 있습니다.',
      '서비스를 계속 이용하도록 결정되었습니다.',
      '2기 서비스 이용이 시작되었습니다.',
    ]);
  });

  it('never carries a staff note', () => {
    const decided = event('review.decided', { status: 'matching', detail: { decision: 'approve' }, note: '보호자와 통화함' });
    expect(JSON.stringify(citizenTimeline([decided]))).not.toContain('보호자');
  });
});
