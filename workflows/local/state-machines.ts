/** A registered state machine: its original definition (for DescribeStateMachine) and what runs locally. */
import './polyfills';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { startingAt, toLocalDefinition, type LocalDefinition } from './definition';

export class RegisteredStateMachine {
  readonly definitionJson: string;
  readonly local: LocalDefinition;
  readonly creationDate: number;
  /** Library instances by start state; a resumed run enters at its checkpointed state. */
  private readonly runnable = new Map<string, StateMachine>();

  constructor(
    readonly arn: string,
    readonly name: string,
    definition: object,
    readonly roleArn: string,
    creationDate: number,
  ) {
    // Validating costs ~300 ms, so it happens once, on the definition its author wrote (the
    // messages then point at their states); the local copy and its variants skip it.
    new StateMachine(definition as StateMachineDefinition);
    this.definitionJson = JSON.stringify(definition);
    this.local = toLocalDefinition(definition);
    this.creationDate = creationDate;
  }

  /** The library instance that starts at `stateName` (default: the definition's StartAt). */
  startingAt(stateName = this.local.definition.StartAt): StateMachine {
    let machine = this.runnable.get(stateName);
    if (!machine) {
      machine = new StateMachine(startingAt(this.local.definition, stateName), { validationOptions: { noValidate: true } });
      this.runnable.set(stateName, machine);
    }
    return machine;
  }
}
