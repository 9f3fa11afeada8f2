import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * A route's Lambda proxy integration that calls an alias with API Gateway's role (`credentials`)
 * instead of a resource policy on the function: the role's one statement lists every routed alias.
 */
export class AliasIntegration extends apigw.HttpRouteIntegration {
  constructor(
    id: string,
    private readonly alias: lambda.IFunction,
    private readonly invoker: iam.IRole,
  ) {
    super(id);
  }

  bind(): apigw.HttpRouteIntegrationConfig {
    return {
      type: apigw.HttpIntegrationType.AWS_PROXY,
      uri: this.alias.functionArn,
      payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
      credentials: apigw.IntegrationCredentials.fromRole(this.invoker),
    };
  }
}
