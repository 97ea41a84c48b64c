/**
 * Answers of the scan routes as Swagger shows them: the MOGNO CT scan of the
 * README's tutorial, as the gateway reported it (findings trimmed to two).
 */
const OPEN = {
  scanId: 'mogno-0001',
  beamline: 'MOGNO',
  proposal: '20240123',
  technique: 'CT',
  createdAt: '2026-12-02T18:50:14.774Z',
  title: 'rock core A3',
  startTime: '2024-04-25T16:00:00-03:00',
};

export const EXAMPLE_OPEN_SCAN = {
  ...OPEN,
  status: 'open',
  counts: { entries: 0, devices: 0 },
  warnings: [],
};

export const EXAMPLE_WRITTEN_SCAN = {
  ...OPEN,
  status: 'written',
  counts: { entries: 2, devices: 1 },
  warnings: [],
  closedAt: '2026-12-02T18:50:14.808Z',
  writtenAt: '2026-12-02T18:50:15.834Z',
  file: {
    path: '/data/MOGNO/20240123/mogno-0001.nxs',
    size: 39858,
    sha256: 'c3358afee07c50e3575e7a728f541b18ff815028c4a4255f1e8c22714de7e52c',
  },
  validation: {
    definition: 'NXtomo',
    errors: 0,
    warnings: 2,
    findings: [
      {
        severity: 'warning',
        path: '/entry/data/data',
        code: 'external_link_not_followed',
        message: 'external link not followed: its file is outside what this validation may open',
        nxdl: null,
        origin: 'nexus_rule',
      },
      {
        severity: 'warning',
        path: '/sample_acquisition_start/instrument/monochromator/crystal_1/reflection',
        code: 'type',
        message: 'type mismatch: NXDL NX_INT, file has string',
        nxdl: 'NXcrystal/reflection',
        origin: 'base_class',
      },
    ],
  },
};

export const EXAMPLE_CATALOG_PAGE = {
  items: [EXAMPLE_WRITTEN_SCAN],
  nextCursor: 'MTc5NjIzNzAxNDc3NDptb2duby0wMDAx',
};
