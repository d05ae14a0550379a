// The command line of the bench scripts (bench.mjs, profile.mjs, startup.mjs, first-use.mjs).

/** The arguments after the script's name. */
export const args = process.argv.slice(2);

/** The value given as `--name value`, or `fallback`. */
export const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
