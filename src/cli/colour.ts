/**
 * Whether to write ANSI colours to `stream`: `NO_COLOR` (any non-empty value, no-color.org) turns
 * them off, `FORCE_COLOR` (any value but `0` or `false`) on, even into a pipe; otherwise only a
 * terminal gets them. NO_COLOR wins when both are set.
 */
export function colourFor(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return stream.isTTY === true;
}
