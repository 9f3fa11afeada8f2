/**
 * Settings every handler reads from its Lambda environment (set by the CDK stack, or by the local
 * cloud before it loads a handler). Read lazily so a missing variable fails the one call that needs
 * it with a clear message, not module loading.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

export const env = {
  tableName: () => required('TABLE_NAME'),
  lifecycleStateMachineArn: () => required('LIFECYCLE_STATE_MACHINE_ARN'),
  /** The state machine that runs bulk decision jobs (workflows/bulk-decisions.ts). */
  bulkDecisionsStateMachineArn: () => required('BULK_DECISIONS_STATE_MACHINE_ARN'),
  /** KMS key for envelope encryption; absent in the local cloud, which uses LOCAL_MASTER_KEY. */
  dataKeyId: () => process.env.DATA_KEY_ID,
  /** KMS HMAC key that access codes are hashed under; absent in the local cloud (LOCAL_MASTER_KEY). */
  accessCodeKeyId: () => process.env.ACCESS_CODE_KEY_ID,
  localMasterKey: () => process.env.LOCAL_MASTER_KEY,
  /** The verified SES address notifications are sent from. */
  notificationEmailFrom: () => required('NOTIFICATION_EMAIL_FROM'),
  /** The case managers' team address, with `{district}` for the district code (staff-facing notifications). */
  caseManagersEmail: () => required('CASE_MANAGERS_EMAIL'),
  /** The bucket of the applicants' documents (supplements); s3rver's bucket in the local cloud. */
  documentsBucket: () => required('DOCUMENTS_BUCKET'),
};
