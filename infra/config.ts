import * as z from 'zod';

/**
 * Per-environment settings, typed and validated. `cdk synth -c env=prod` picks one; an unknown name
 * or a malformed value stops synthesis with a readable message instead of a half-built template.
 */
export const stageNames = ['dev', 'staging', 'prod'] as const;
export type Stage = (typeof stageNames)[number];

const days = z.number().int().positive();
const throttle = z.object({ rateLimit: z.number().positive(), burstLimit: z.number().int().positive() }).strict();

export const environmentConfigSchema = z
  .object({
    stage: z.enum(stageNames),
    /**
     * The 12-digit account the environment lives in. Pinned for staging and prod (required below): a
     * deploy with credentials of another account stops before changing anything. Absent in dev: the
     * account of the deploying credentials, so each developer can have their own.
     */
    account: z.string().regex(/^\d{12}$/).optional(),
    region: z.string().regex(/^[a-z]{2}-[a-z]+-\d$/),
    /** Prod keeps its data whatever happens to the stack. */
    retainData: z.boolean(),
    deletionProtection: z.boolean(),
    pointInTimeRecovery: z.boolean(),
    logRetentionDays: z.union([z.literal(7), z.literal(30), z.literal(90), z.literal(365), z.literal(731)]),
    lambdaMemoryMb: z.number().int().min(128).max(10_240),
    /**
     * Where the pages are served (infra/web-stack.ts). The domain is named up front, not left to
     * CloudFront's generated one: the sign-in client's callback addresses and the documents bucket's
     * CORS live in the data stack, below the distribution, and must be known before it exists.
     */
    web: z
      .object({
        /** The pages' host name (CloudFront alternate domain; its certificate is made in us-east-1, DNS-validated). */
        domainName: z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/, 'web.domainName must be a lower-case host name'),
        /** The prefix of the Cognito domain of staff sign-in: `{prefix}.auth.{region}.amazoncognito.com`, unique in the region. */
        signInDomainPrefix: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'web.signInDomainPrefix must be lower-case letters, digits and hyphens'),
        /** WAF: requests one address may send in any 5 minutes. Offices send many staff from one address: keep it generous. */
        requestsPerFiveMinutesPerAddress: z.number().int().min(100).max(2_000_000_000),
      })
      .strict(),
    humanTasks: z
      .object({
        reviewTimeoutDays: days,
        reassessmentTimeoutDays: days,
        /** A case manager's action on an open task is the heartbeat; silence this long escalates it. */
        heartbeatDays: days,
        /** How long the applicant has to answer a supplement request (보완 요청) before the case returns unanswered. */
        supplementDays: days,
      })
      .refine((t) => t.heartbeatDays < Math.min(t.reviewTimeoutDays, t.reassessmentTimeoutDays), {
        message: 'heartbeatDays must be shorter than every task timeout',
      }),
    /** An agency's answer to the offer of a place (the ProviderOffer state). */
    providerOffers: z
      .object({
        timeoutDays: days,
        /** The agency acknowledging the offer in the portal is the heartbeat; silence this long lets it lapse. */
        heartbeatDays: days,
      })
      .refine((o) => o.heartbeatDays < o.timeoutDays, { message: 'providerOffers.heartbeatDays must be shorter than timeoutDays' }),
    /**
     * How long a waitlisted application waits on its callback before matching looks again by itself.
     * Places freeing up wake it at once (the waitlist batch); this only bounds a wait whose wake-up was lost.
     */
    waitlistRecheckDays: days.max(120),
    /**
     * Requests per second (steady) and burst on the HTTP API stage: every route shares `default`; the
     * submission route and the citizen routes that check an access code get stricter limits of their own.
     */
    throttles: z
      .object({ default: throttle, submission: throttle, citizenLookup: throttle })
      .strict()
      .refine((t) => t.submission.rateLimit <= t.default.rateLimit && t.citizenLookup.rateLimit <= t.default.rateLimit, {
        message: 'the submission and citizen lookup throttles must be no looser than the default',
      }),
    /**
     * Concurrent executions kept for each workflow function (Step Functions steps, stream triggers), so
     * public traffic cannot starve the workflow. Absent: none reserved (an account with a small
     * concurrency quota, as new accounts have, cannot reserve and keep the 100 Lambda requires unreserved).
     */
    workflowReservedConcurrency: z.number().int().min(1).max(100).optional(),
    /** How a deploy reaches traffic: Lambda aliases through CodeDeploy, state machines through their alias. */
    deploys: z
      .object({
        functions: z.enum(['ALL_AT_ONCE', 'CANARY_10PERCENT_5MINUTES', 'CANARY_10PERCENT_10MINUTES', 'LINEAR_10PERCENT_EVERY_1MINUTE']),
        stateMachines: z
          .object({
            type: z.enum(['ALL_AT_ONCE', 'CANARY', 'LINEAR']),
            /** The share of new executions on the new version (CANARY: the first step; LINEAR: each step). */
            percentage: z.number().int().min(1).max(99).optional(),
            intervalMinutes: z.number().int().min(1).max(2100).optional(),
          })
          .strict()
          .refine((d) => d.type === 'ALL_AT_ONCE' || (d.percentage !== undefined && d.intervalMinutes !== undefined), {
            message: 'a CANARY or LINEAR state machine deploy needs percentage and intervalMinutes',
          }),
      })
      .strict(),
    /** What tells the operators (infra/constructs/observability.ts). */
    operations: z
      .object({
        /** Subscribed to the environment's alarm topic (`dolbom-<stage>-alarms`); confirm the e-mail AWS sends. */
        alarmEmail: z.email().optional(),
        /** Open tasks past their due date, every district, at which the past-SLA alarm goes off. */
        tasksPastSlaThreshold: z.number().int().positive(),
      })
      .strict(),
    /** Where notifications come from and where staff-facing ones go (functions/notifications/). */
    notifications: z
      .object({
        /** The sender address, a verified SES identity; ses:SendEmail is granted on its domain only. */
        emailFrom: z.email(),
        /** The district case-management team's address; `{district}` stands for the 시군구 code. */
        caseManagersEmail: z.string().regex(/^[^@\s]*\{district\}[^@\s]*@[^@\s]+\.[^@\s]+$/, 'caseManagersEmail must be an address holding {district}'),
      })
      .strict(),
  })
  .strict()
  .refine((c) => c.stage === 'dev' || c.account !== undefined, { message: 'account must be pinned for staging and prod', path: ['account'] });

export type EnvironmentConfig = z.infer<typeof environmentConfigSchema>;

const shared = {
  region: 'ap-northeast-2',
  humanTasks: { reviewTimeoutDays: 14, reassessmentTimeoutDays: 30, heartbeatDays: 7, supplementDays: 14 },
  providerOffers: { timeoutDays: 5, heartbeatDays: 2 },
  waitlistRecheckDays: 60,
  throttles: {
    default: { rateLimit: 100, burstLimit: 200 },
    // A citizen submits once; a burst of submissions is a script.
    submission: { rateLimit: 10, burstLimit: 20 },
    // Access-code checks: guessing is also limited per client and application in the handlers.
    citizenLookup: { rateLimit: 20, burstLimit: 40 },
  },
} as const;

const webShared = { requestsPerFiveMinutesPerAddress: 3000 } as const;
/**
 * The accounts of staging and prod. PLACEHOLDERS until the first deploy (docs/operations.md): with
 * them, `cdk deploy` refuses every real account, which is the point of pinning.
 */
const accounts = { staging: '111111111111', prod: '222222222222' } as const;

export const environments: Record<Stage, EnvironmentConfig> = {
  dev: {
    ...shared,
    stage: 'dev',
    operations: { tasksPastSlaThreshold: 20 },
    notifications: { emailFrom: 'no-reply@dev.dolbom.seoul.example', caseManagersEmail: 'case-managers-{district}@dev.dolbom.seoul.example' },
    retainData: false,
    deletionProtection: false,
    pointInTimeRecovery: false,
    logRetentionDays: 7,
    lambdaMemoryMb: 512,
    web: { ...webShared, domainName: 'dev.dolbom.seoul.example', signInDomainPrefix: 'dolbom-dev-staff' },
    throttles: { ...shared.throttles },
    deploys: { functions: 'ALL_AT_ONCE', stateMachines: { type: 'ALL_AT_ONCE' } },
    humanTasks: { ...shared.humanTasks },
    providerOffers: { ...shared.providerOffers },
  },
  staging: {
    ...shared,
    stage: 'staging',
    account: accounts.staging,
    operations: { alarmEmail: 'operations@staging.dolbom.seoul.example', tasksPastSlaThreshold: 20 },
    notifications: { emailFrom: 'no-reply@staging.dolbom.seoul.example', caseManagersEmail: 'case-managers-{district}@staging.dolbom.seoul.example' },
    retainData: false,
    deletionProtection: false,
    pointInTimeRecovery: true,
    logRetentionDays: 30,
    lambdaMemoryMb: 512,
    web: { ...webShared, domainName: 'staging.dolbom.seoul.example', signInDomainPrefix: 'dolbom-staging-staff' },
    throttles: { ...shared.throttles },
    workflowReservedConcurrency: 2,
    deploys: { functions: 'LINEAR_10PERCENT_EVERY_1MINUTE', stateMachines: { type: 'LINEAR', percentage: 20, intervalMinutes: 2 } },
    humanTasks: { ...shared.humanTasks },
    providerOffers: { ...shared.providerOffers },
  },
  prod: {
    ...shared,
    stage: 'prod',
    account: accounts.prod,
    operations: { alarmEmail: 'operations@dolbom.seoul.example', tasksPastSlaThreshold: 50 },
    notifications: { emailFrom: 'no-reply@dolbom.seoul.example', caseManagersEmail: 'case-managers-{district}@dolbom.seoul.example' },
    retainData: true,
    deletionProtection: true,
    pointInTimeRecovery: true,
    // Access logs of sensitive data are kept at least two years (safeguard standard art. 8).
    logRetentionDays: 731,
    lambdaMemoryMb: 1024,
    web: { ...webShared, domainName: 'dolbom.seoul.example', signInDomainPrefix: 'dolbom-prod-staff' },
    throttles: { ...shared.throttles },
    workflowReservedConcurrency: 10,
    deploys: { functions: 'CANARY_10PERCENT_5MINUTES', stateMachines: { type: 'CANARY', percentage: 10, intervalMinutes: 10 } },
    humanTasks: { ...shared.humanTasks },
    providerOffers: { ...shared.providerOffers },
  },
};

/** The pages' origin: the only one a browser calls the API (through CloudFront, same origin) and the documents bucket from. */
export function siteOrigin(config: EnvironmentConfig): string {
  return `https://${config.web.domainName}`;
}

/** Origins allowed to call the API and to upload documents from a browser. */
export function allowedOrigins(config: EnvironmentConfig): string[] {
  return [siteOrigin(config)];
}

/** Where Cognito sends staff back after sign-in and sign-out: the console and the provider portal. */
export function signInCallbackUrls(config: EnvironmentConfig): { staff: string; provider: string } {
  return { staff: `${siteOrigin(config)}/staff.html`, provider: `${siteOrigin(config)}/provider.html` };
}

/** Resolves `-c env=NAME` to a validated config; throws a message that names the problem. */
export function loadEnvironmentConfig(name: unknown): EnvironmentConfig {
  const stage = z.enum(stageNames).safeParse(name ?? 'dev');
  if (!stage.success) {
    throw new Error(`Unknown environment ${JSON.stringify(name)}: use -c env=${stageNames.join('|')}`);
  }
  const parsed = environmentConfigSchema.safeParse(environments[stage.data]);
  if (!parsed.success) {
    throw new Error(`Invalid config for ${stage.data}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
