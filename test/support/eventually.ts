/** Polls until `probe` returns a defined value; for effects recorded after a response (TLS refusals). */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Not true within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
