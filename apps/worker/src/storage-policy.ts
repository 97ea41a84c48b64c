/** A beamline's chunking and compression, from ARRAY_COMPRESSION(_BY_BEAMLINE) and ARRAY_CHUNK_ABOVE_BYTES. */
import type { AppConfig } from '#libs/config/src/index.js';
import type { StoragePolicy } from '#libs/nexus/src/compression.js';

export function storagePolicy(
  config: Pick<
    AppConfig,
    'arrayCompression' | 'arrayCompressionByBeamline' | 'arrayChunkAboveBytes'
  >,
  beamline: string,
): StoragePolicy {
  return {
    compression: config.arrayCompressionByBeamline[beamline] ?? config.arrayCompression,
    chunkAboveBytes: config.arrayChunkAboveBytes,
  };
}
