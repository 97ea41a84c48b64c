/**
 * The reference the compiled validator must agree with: class-transformer
 * then class-validator, strict about unknown keys.
 */
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

export type PlainVerdict = 'accepted' | 'rejected' | 'threw';

export function plainVerdict(cls: new () => object, body: unknown): PlainVerdict {
  try {
    const instance: unknown = plainToInstance(cls, body);
    const errors = validateSync(instance as object, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    });
    return errors.length === 0 ? 'accepted' : 'rejected';
  } catch {
    return 'threw';
  }
}
