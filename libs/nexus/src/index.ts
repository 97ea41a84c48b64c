/** Assonant → NeXus: the typed HDF5 tree, the mapping of a staged scan, the atomic writer. */
export * from './tree.js';
export {
  buildScanTree,
  UNREFERENCED_UPLOADS,
  type BuildScanOptions,
  type ScanTree,
} from './map-scan.js';
export {
  writeNexusFile,
  writeNexusScratch,
  type WriteOptions,
  type WrittenFile,
} from './h5-writer.js';
export * from './compression.js';
export { DEFAULT_STORAGE } from './dataset-storage.js';
export { NO_UPLOADED_DATA, type UploadedData } from './uploaded-data.js';
export { VALUE_ENCODING_ATTR, VALUE_MISSING_ATTR } from './fields.js';
export { SUPERSEDED_COLLECTION, SUPERSEDED_SOURCE_ATTR } from './merge.js';
export { DEPENDS_ON_UNRESOLVED } from './geometry.js';
export { defaultVector } from './axes.js';
export { isValidNexusName, toNexusName } from './nexus-names.js';
export { compareEntryNames } from './ordering.js';
export { freeName } from './nexus-names.js';
