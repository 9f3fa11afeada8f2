/** Step Functions ARNs and names, built and checked as AWS does. */

/** A machine's ARN, or one of its aliases' or versions' (`…:stateMachine:<name>:<qualifier>`). */
const STATE_MACHINE_ARN = /^arn:[\w-]+:states:[\w-]+:\d{12}:stateMachine:([^:]+)(:[^:]+)?$/;
const EXECUTION_ARN = /^arn:([\w-]+):states:([\w-]+):(\d{12}):execution:([^:]+):([^:]+)$/;
/** Whitespace, brackets, wildcards, special and control characters are not allowed in names. */
const FORBIDDEN_NAME_CHARACTERS = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;

export function stateMachineArn(region: string, accountId: string, name: string): string {
  return `arn:aws:states:${region}:${accountId}:stateMachine:${name}`;
}

export function executionArn(machineArn: string, executionName: string): string {
  return `${machineArn.replace(':stateMachine:', ':execution:')}:${executionName}`;
}

export function isStateMachineArn(arn: string): boolean {
  return STATE_MACHINE_ARN.test(arn);
}

export function parseExecutionArn(arn: string): { stateMachineArn: string; name: string } | undefined {
  const match = EXECUTION_ARN.exec(arn);
  if (!match) return undefined;
  const [, partition, region, account, machineName, name] = match as unknown as [string, string, string, string, string, string];
  return { stateMachineArn: `arn:${partition}:states:${region}:${account}:stateMachine:${machineName}`, name };
}

/** Why `name` is not a valid state machine or execution name, or undefined when it is. */
export function invalidNameReason(name: string): string | undefined {
  if (name.length < 1 || name.length > 80) return `Invalid Name: '${name}' (must be 1 to 80 characters)`;
  if (FORBIDDEN_NAME_CHARACTERS.test(name)) return `Invalid Name: '${name}' (contains a character that is not allowed)`;
  return undefined;
}
