/**
 * Whether a file starts like HDF5: the 8-byte signature sits at offset 0, or
 * after a user block at 512, 1024, 2048 … bytes (HDF5 File Format, superblock).
 * Lets a refusal say "this is not HDF5" instead of quoting the library.
 */
import { open } from 'node:fs/promises';

const SIGNATURE = Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);

export async function hasHdf5Signature(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.alloc(SIGNATURE.length);
    for (
      let offset = 0;
      offset + SIGNATURE.length <= size;
      offset = offset === 0 ? 512 : offset * 2
    ) {
      await handle.read(bytes, 0, SIGNATURE.length, offset);
      if (bytes.equals(SIGNATURE)) return true;
    }
    return false;
  } finally {
    await handle.close();
  }
}
