// The command line of the bench scripts (bench.mjs, profile.mjs, startup.mjs, first-use.mjs,
// first-move.mjs), and the median they report.

/** The arguments after the script's name. */
export const args = process.argv.slice(2);

/** The value given as `--name value`, or `fallback`. */
export const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};

/** The builds to compare: the arguments that are neither options nor the values of the
 * options named in `valued` (`["--runs", "--cpu"]`), else `fallback`'s one. */
export function dirsFrom(valued, fallback) {
  const named = new Set(valued);
  const dirs = args.filter((a, i) => !a.startsWith("--") && !named.has(args[i - 1]));
  return dirs.length ? dirs : [fallback];
}

/** The median of `xs` (the mean of the middle two for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
