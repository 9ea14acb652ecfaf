import { randomBytes } from 'node:crypto';

const IVS_PER_DRAW = 256;

/**
 * Random initialisation vectors of `size` bytes, drawn from the system's generator 256 at a
 * time: one draw per call cost a twentieth of a page's CPU (a page of 100 rows seals 100
 * cursors). Each vector is still random and used once; only the calls into OpenSSL are shared.
 */
export function randomIvs(size: number): () => Buffer {
  let drawn = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset + size > drawn.length) {
      drawn = randomBytes(size * IVS_PER_DRAW);
      offset = 0;
    }
    const iv = drawn.subarray(offset, offset + size);
    offset += size;
    return iv;
  };
}
