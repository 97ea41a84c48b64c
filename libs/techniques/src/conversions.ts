/**
 * Unit conversions for values NeXus wants as another quantity or unit. The
 * result is always float64 with the target unit; a source whose unit is not
 * known for the conversion is not used (the caller tries the next source).
 */
import { float64, type NxValue } from '#libs/nexus/src/index.js';
import type { Conversion } from './template-schema.js';

/** h·c in keV·Å (CODATA 2018). */
const HC_KEV_ANGSTROM = 12.398419843320026;

const ENERGY_TO_KEV: Readonly<Partial<Record<string, number>>> = { eV: 1e-3, keV: 1, MeV: 1e3 };
const WAVELENGTH_TO_ANGSTROM: Readonly<Partial<Record<string, number>>> = {
  angstrom: 1,
  Angstrom: 1,
  Å: 1,
  A: 1,
  nm: 10,
  m: 1e10,
};
const ANGLE_TO_DEG: Readonly<Partial<Record<string, number>>> = {
  deg: 1,
  degree: 1,
  degrees: 1,
  rad: 180 / Math.PI,
  mrad: 0.18 / Math.PI,
};
const LENGTH_TO_MM: Readonly<Partial<Record<string, number>>> = {
  m: 1e3,
  cm: 10,
  mm: 1,
  um: 1e-3,
  µm: 1e-3,
  nm: 1e-6,
};

export interface Converted {
  value: NxValue;
  units: string;
}

/** `value` (in `units`) converted, or undefined when the unit or the data does not allow it. */
export function convert(
  conversion: Conversion,
  value: NxValue,
  units: string | undefined,
): Converted | undefined {
  const numbers = asNumbers(value);
  if (numbers === undefined || units === undefined) return undefined;
  const map = (f: (x: number) => number, to: string): Converted => ({
    value: float64(numbers.map(f), value.shape),
    units: to,
  });
  switch (conversion) {
    case 'energy-to-wavelength': {
      const k = ENERGY_TO_KEV[units];
      return k === undefined ? undefined : map((e) => HC_KEV_ANGSTROM / (e * k), 'angstrom');
    }
    case 'wavelength-to-energy': {
      const k = WAVELENGTH_TO_ANGSTROM[units];
      return k === undefined ? undefined : map((w) => HC_KEV_ANGSTROM / (w * k), 'keV');
    }
    case 'angle-to-deg': {
      const k = ANGLE_TO_DEG[units];
      return k === undefined ? undefined : map((a) => a * k, 'deg');
    }
    case 'length-to-mm': {
      const k = LENGTH_TO_MM[units];
      return k === undefined ? undefined : map((l) => l * k, 'mm');
    }
  }
}

/** The elements of a numeric value as numbers (int64 → number: conversions are float anyway). */
export function asNumbers(value: NxValue): number[] | undefined {
  if (value.dtype === 'float64') return Array.from(value.data);
  if (value.dtype === 'int64') return Array.from(value.data, Number);
  return undefined;
}
