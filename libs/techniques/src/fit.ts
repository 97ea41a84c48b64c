/** Whether a value is what NeXus wants for an item, and the one safe repair (int → float). */
import { isZonedDateTime } from '#libs/model/src/index.js';
import { float64, scalarText, type NxValue } from '#libs/nexus/src/index.js';
import type { Expect } from './template-schema.js';

/** 'fits', 'widen', or a sentence saying why the value does not fit. */
export type Fit = string;

/**
 * 'fits'; 'widen' when integers were sent where NeXus wants floats (the value is
 * then copied as float64, which is exact below 2^53); otherwise why it does not fit.
 */
export function fitOf(value: NxValue, expect: Expect | undefined): Fit {
  if (expect === undefined) return 'fits';
  if (expect.rank !== undefined && value.shape.length !== expect.rank) {
    return `rank ${value.shape.length}, NeXus wants rank ${expect.rank}`;
  }
  const numeric = value.dtype === 'float64' || value.dtype === 'int64';
  if (expect.type === undefined) return 'fits';
  switch (expect.type) {
    case 'float':
      if (value.dtype === 'float64') return 'fits';
      return value.dtype === 'int64' ? 'widen' : `${value.dtype}, NeXus wants a float`;
    case 'int':
      return value.dtype === 'int64' ? 'fits' : `${value.dtype}, NeXus wants an integer`;
    case 'number':
      return numeric ? 'fits' : `${value.dtype}, NeXus wants a number`;
    case 'text':
      return value.dtype === 'string' ? 'fits' : `${value.dtype}, NeXus wants text`;
    case 'datetime': {
      const text = scalarText(value);
      return text !== undefined && isZonedDateTime(text)
        ? 'fits'
        : 'not an ISO 8601 date-time with time zone';
    }
  }
}

export function widened(value: NxValue): NxValue {
  return value.dtype === 'int64' ? float64(Array.from(value.data, Number), value.shape) : value;
}
