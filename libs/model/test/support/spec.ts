/**
 * node:test's `describe` and `it` return promises that the runner itself
 * tracks; these wrappers say so once, instead of a `void` on every call.
 */
import { describe as nodeDescribe, it as nodeIt } from 'node:test';

export function describe(name: string, body: () => void): void {
  void nodeDescribe(name, body);
}

export function it(name: string, body: () => void | Promise<void>): void {
  void nodeIt(name, body);
}
