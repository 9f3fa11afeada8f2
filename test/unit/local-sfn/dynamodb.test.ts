import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDynamoDbLocal } from '../../../infra/local/dynamodb';

describe('startDynamoDbLocal', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('says how to install Java 17 when java is missing', async () => {
    process.env.PATH = join(tmpdir(), 'no-java-here');
    await expect(startDynamoDbLocal({ port: 1, dataDir: join(tmpdir(), `dolbom-no-java-${randomUUID()}`) })).rejects.toThrow(
      /java was not found.*apt-get install -y openjdk-17-jre-headless.*brew install openjdk@17/s,
    );
  });
});
