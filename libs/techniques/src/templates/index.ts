/** The shipped templates, one per application definition. */
import type { TechniqueTemplate } from '../template-schema.js';
import { NXARPES } from './nxarpes.js';
import { NXFLUO } from './nxfluo.js';
import { NXMX } from './nxmx.js';
import { NXSAS } from './nxsas.js';
import { NXSTXM } from './nxstxm.js';
import { NXTOMO } from './nxtomo.js';
import { NXXAS } from './nxxas.js';

export const TEMPLATES: readonly TechniqueTemplate[] = [
  NXTOMO,
  NXMX,
  NXSAS,
  NXXAS,
  NXFLUO,
  NXARPES,
  NXSTXM,
];
