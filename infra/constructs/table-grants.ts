import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { TableAccess, TableWrite } from '../../functions/catalog';

/**
 * The IAM statements of a catalog entry's table access: its reads and writes on the table, Query on
 * the indexes it names (and no other), and each scoped write only into its partitions. Nothing else:
 * no Scan, no BatchWriteItem, no DescribeTable, no stream (TableStreamTrigger grants that).
 */
export function tableStatements(table: dynamodb.ITableV2, access: TableAccess | undefined): iam.PolicyStatement[] {
  if (!access) return [];
  const statements: iam.PolicyStatement[] = [];
  const onTable = [...(access.reads ?? []), ...(access.writes ?? [])];
  if (onTable.length > 0) statements.push(new iam.PolicyStatement({ actions: onTable.map((a) => `dynamodb:${a}`), resources: [table.tableArn] }));
  if (access.indexes?.length) {
    statements.push(new iam.PolicyStatement({ actions: ['dynamodb:Query'], resources: access.indexes.map((index) => `${table.tableArn}/index/${index}`) }));
  }
  for (const [action, partitions] of Object.entries(access.scopedWrites ?? {}) as [TableWrite, readonly string[]][]) {
    statements.push(
      new iam.PolicyStatement({
        actions: [`dynamodb:${action}`],
        resources: [table.tableArn],
        // Every item the call writes must have one of these partition keys.
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': partitions.map((p) => `${p}*`) } },
      }),
    );
  }
  return statements;
}
