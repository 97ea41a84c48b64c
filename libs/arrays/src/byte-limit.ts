/** Passes a stream on until it exceeds `limitBytes`, then fails it with `tooLarge()`: a body without Content-Length is bounded too. */
import { Transform } from 'node:stream';

export function byteLimit(limitBytes: number, tooLarge: () => Error): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, next) {
      size += chunk.length;
      if (size > limitBytes) next(tooLarge());
      else next(null, chunk);
    },
  });
}
