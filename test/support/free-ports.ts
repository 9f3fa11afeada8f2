import { createServer } from 'node:net';
import type { CloudPorts } from './local-cloud-process';

/** A port the OS says is free right now, so local clouds of parallel runs never share one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function freeCloudPorts(): Promise<CloudPorts> {
  return { port: await freePort(), sfnPort: await freePort(), dynamodbPort: await freePort(), s3Port: await freePort() };
}
