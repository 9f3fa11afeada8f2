/**
 * aws-local-stepfunctions@3 calls `Promise.withResolvers` (Node 22+); the local cloud also runs on
 * Node 20, so provide it when missing. Imported for its side effect before the library runs.
 */
interface PromiseWithResolversConstructor {
  withResolvers?: <T>() => { promise: Promise<T>; resolve: (value: T) => void; reject: (reason?: unknown) => void };
}

const promiseConstructor = Promise as unknown as PromiseWithResolversConstructor;

if (typeof promiseConstructor.withResolvers !== 'function') {
  promiseConstructor.withResolvers = <T>() => {
    let resolve!: (value: T) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

export {};
