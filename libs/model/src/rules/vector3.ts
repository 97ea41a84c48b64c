/** Axis `vector` and `offset`: exactly three finite numbers (x, y, z in the NeXus frame). */

export function isVector3(value: unknown): value is [number, number, number] {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    value.every((item) => typeof item === 'number' && Number.isFinite(item))
  );
}
