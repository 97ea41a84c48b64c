/** Roles and items that several application definitions share. */
import type { RoleSpec, TemplateItem } from '../template-schema.js';

export const SAMPLE_ROLE: RoleSpec = { classes: ['Sample'], names: ['sample'], send: 'a Sample' };
export const MONOCHROMATOR_ROLE: RoleSpec = {
  classes: ['Monochromator'],
  names: ['monochromator', 'dcm', 'mono'],
  send: 'a Monochromator',
};
export const SOURCE_ROLE: RoleSpec = {
  classes: ['StorageRing'],
  names: ['storage_ring', 'ring'],
  send: 'a StorageRing',
};

export const TITLE: TemplateItem = {
  path: 'title',
  requirement: 'required',
  sources: [{ from: 'entry', field: 'title' }],
  expect: { type: 'text', rank: 0 },
  send: 'the scan title (POST /v1/scans title) or Entry.fields.title',
};

export const START_TIME: TemplateItem = {
  path: 'start_time',
  requirement: 'required',
  sources: [{ from: 'entry', field: 'start_time' }],
  expect: { type: 'datetime', rank: 0 },
  send: 'the scan startTime (POST /v1/scans startTime) or Entry.fields.start_time, ISO 8601 with zone',
};

export const END_TIME: TemplateItem = {
  path: 'end_time',
  requirement: 'recommended',
  sources: [{ from: 'entry', field: 'end_time' }],
  expect: { type: 'datetime', rank: 0 },
  send: 'Entry.fields.end_time (ISO 8601 with zone) in the sample_acquisition_end entry',
};

export const SAMPLE_NAME: TemplateItem = {
  path: 'sample/name',
  requirement: 'required',
  sources: [{ from: 'component', role: 'sample', field: 'name' }],
  expect: { type: 'text', rank: 0 },
  send: 'Sample.fields.name',
};

/** NXsource inside the instrument, as most definitions want it. */
export function sourceItems(parent: string): TemplateItem[] {
  return [
    {
      path: `${parent}/name`,
      requirement: 'required',
      sources: [{ from: 'component', role: 'source', field: 'name' }],
      expect: { type: 'text', rank: 0 },
      send: 'StorageRing.fields.name (e.g. "Sirius")',
    },
    {
      path: `${parent}/type`,
      requirement: 'required',
      sources: [
        { from: 'component', role: 'source', field: 'type' },
        { from: 'constant', value: 'Synchrotron X-ray Source' },
      ],
      expect: { type: 'text', rank: 0 },
      send: 'StorageRing.fields.type',
    },
    {
      path: `${parent}/probe`,
      requirement: 'required',
      sources: [{ from: 'constant', value: 'x-ray' }],
      send: 'nothing: a synchrotron probes with x-rays',
    },
  ];
}

/** Monochromator energy as NeXus wants it: a float, linked where it already is. */
export function monochromatorEnergy(path: string, rank?: number): TemplateItem {
  return {
    path,
    requirement: 'required',
    sources: [
      { from: 'component', role: 'monochromator', field: 'energy' },
      {
        from: 'component',
        role: 'monochromator',
        field: 'wavelength',
        convert: 'wavelength-to-energy',
      },
    ],
    expect: rank === undefined ? { type: 'float' } : { type: 'float', rank },
    send: 'Monochromator.fields.energy (a TimeSeries when scanned)',
  };
}

/** Monochromator wavelength, converted from the energy when only that was sent. */
export function monochromatorWavelength(path: string): TemplateItem {
  return {
    path,
    requirement: 'required',
    sources: [
      { from: 'component', role: 'monochromator', field: 'wavelength' },
      {
        from: 'component',
        role: 'monochromator',
        field: 'energy',
        convert: 'energy-to-wavelength',
      },
    ],
    expect: { type: 'float' },
    send: 'Monochromator.fields.wavelength or Monochromator.fields.energy',
  };
}

/** NXmonitor `mode` and `preset`, read from the incoming-beam counter (`role`). */
export function monitorSettings(role: string): TemplateItem[] {
  return [
    {
      path: 'monitor/mode',
      requirement: 'required',
      sources: [
        { from: 'component', role, field: 'mode' },
        { from: 'constant', value: 'timer' },
      ],
      expect: { type: 'text', rank: 0 },
      send: 'Detector i0 .fields.mode ("monitor" or "timer")',
    },
    {
      path: 'monitor/preset',
      requirement: 'required',
      sources: [
        { from: 'component', role, field: 'preset' },
        { from: 'component', role, field: 'count_time' },
      ],
      expect: { type: 'float', rank: 0 },
      send: 'Detector i0 .fields.count_time (s)',
    },
  ];
}
