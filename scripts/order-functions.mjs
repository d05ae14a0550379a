// The main wasm's functions put in an order that gzip compresses better (issue 12; called by
// scripts/post-build.mjs after wasm-opt, docs/performance.md "Where the bytes are").
//
// The order of a module's functions does not change what it does (calls, the function table
// and the exports name them), but gzip finds repeats only within the last 32 KB it has read,
// and rustc emits functions in an order that does not bring similar ones together. So, from
// the first function on, the next one is always the function left that compresses best
// after the 32 KB written before it (deflate with that as its dictionary, per byte of the
// function). Measured on the optimised main module: −1.8 KB as served.
//
// How: binaryen's `wasm-dis` prints the module as text, where each function is one top-level
// `(func …)` form referred to by its name; the forms are put in the new order and `wasm-opt`
// writes the module again with the same Stack IR optimisation that `-Oz` writes with. The
// result must have the same functions, exports and imports, or the build fails.
//
// Deterministic: the same input gives the same order (ties go to the earlier function),
// whatever the number of worker threads that score the candidates.
import { execFileSync } from "node:child_process";
import { readFile, writeFile, rm } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { deflateRawSync } from "node:zlib";
import { sections, uleb } from "./wasm-bytes.mjs";

/** gzip's window: a repeat further back than this is not found. */
const WINDOW = 32 * 1024;

/** The function bodies of a wasm's code section, in order (each with its locals). */
export function functionBodies(wasm) {
  for (const { id, start } of sections(wasm)) {
    if (id !== 10) continue;
    let [count, p] = uleb(wasm, start);
    const bodies = [];
    for (let i = 0; i < count; i++) {
      const [size, body] = uleb(wasm, p);
      bodies.push(wasm.subarray(body, body + size));
      p = body + size;
    }
    return bodies;
  }
  return [];
}

/** How well `body` compresses after `window`: deflated bytes per byte (smoothed, so that a
 * tiny function is not preferred for its size alone). */
const score = (body, window) => deflateRawSync(body, { level: 9, dictionary: window }).length / (body.length + 16);

/** Whether [index, score] `a` goes before `b`: the lower score, the earlier index on a tie. */
const better = ([i, s], [j, t]) => s < t || (s === t && i < j);

/** The best of `candidates` after `window`: [index, score] ([-1, Infinity] if none). */
function best(bodies, candidates, window) {
  let found = [-1, Infinity];
  for (const i of candidates) {
    const answer = [i, score(bodies[i], window)];
    if (better(answer, found)) found = answer;
  }
  return found;
}

if (!isMainThread && workerData?.orderFunctions) {
  // A worker scores its share of the functions (every `stride`-th from `first`).
  const bodies = workerData.bodies.map((b) => Buffer.from(b));
  const mine = new Set();
  for (let i = workerData.first; i < bodies.length; i += workerData.stride) mine.add(i);
  parentPort.on("message", ({ chosen, window }) => {
    mine.delete(chosen);
    parentPort.postMessage(best(bodies, mine, Buffer.from(window)));
  });
}

/** The order of `bodies` (a permutation of their indices), from the first one on. */
export async function greedyOrder(bodies, threads = Math.min(availableParallelism(), 4)) {
  const workers = Array.from({ length: threads }, (_, first) =>
    new Worker(new URL(import.meta.url), { workerData: { orderFunctions: true, bodies, first, stride: threads } }));
  try {
    const order = [0];
    let window = Buffer.from(bodies[0]).subarray(-WINDOW);
    while (order.length < bodies.length) {
      const chosen = order[order.length - 1];
      const answers = await Promise.all(workers.map((w) => new Promise((resolve, reject) => {
        const failed = (error) => reject(error);
        w.once("error", failed);
        w.once("message", (answer) => {
          w.off("error", failed);
          resolve(answer);
        });
        w.postMessage({ chosen, window });
      })));
      const [next] = answers.reduce((found, answer) => (answer[0] >= 0 && better(answer, found) ? answer : found), [-1, Infinity]);
      order.push(next);
      window = Buffer.concat([window, bodies[next]]).subarray(-WINDOW);
    }
    return order;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The top-level forms of binaryen's text format: each starts with " (" on its own line. */
export function topLevelForms(text) {
  const lines = text.split("\n");
  if (lines[0] !== "(module") throw new Error(`order-functions: the text does not start with "(module": ${lines[0]}`);
  let end = lines.length - 1;
  while (end > 0 && lines[end].trim() === "") end--;
  if (lines[end] !== ")") throw new Error("order-functions: the text does not end with the module's \")\"");
  const forms = [];
  for (const line of lines.slice(1, end)) {
    if (line.startsWith(" (")) forms.push([line]);
    else if (forms.length > 0 && line.startsWith("  ")) forms[forms.length - 1].push(line);
    else if (line.startsWith(" )") && forms.length > 0) forms[forms.length - 1].push(line);
    else throw new Error(`order-functions: a line outside any top-level form: ${line.slice(0, 80)}`);
  }
  return forms;
}

/** What must not change: the imports and exports, by name and kind, and the function count. */
function outline(wasm) {
  const module = new WebAssembly.Module(wasm);
  return JSON.stringify({
    imports: WebAssembly.Module.imports(module),
    exports: WebAssembly.Module.exports(module),
    functions: functionBodies(wasm).length,
  });
}

/**
 * Rewrites the wasm at `input` into `output` with its functions in the greedy order.
 * `featuresFrom` is a wasm with a target_features section (the input's was stripped): the
 * features the text is read with. `work` is a scratch path prefix. Returns the sizes before
 * and after (raw).
 */
export async function orderFunctions(input, output, featuresFrom, work) {
  const run = (args) => execFileSync("wasm-opt", args, { stdio: ["ignore", "pipe", "inherit"] }).toString();
  const wasm = await readFile(input);
  const features = run(["--print-features", featuresFrom]).split("\n").filter((f) => f.startsWith("--enable-"));
  if (features.length === 0) throw new Error(`order-functions: ${featuresFrom} names no features`);
  execFileSync("wasm-dis", [...features, input, "-o", `${work}.wat`], { stdio: ["ignore", "ignore", "inherit"] });
  const forms = topLevelForms(await readFile(`${work}.wat`, "utf8"));
  const isFunc = (form) => form[0].startsWith(" (func ");
  const funcs = forms.filter(isFunc);
  const bodies = functionBodies(wasm);
  if (funcs.length !== bodies.length) throw new Error(`order-functions: ${funcs.length} functions in the text, ${bodies.length} in the wasm`);
  const first = forms.findIndex(isFunc);
  if (forms.slice(first, first + funcs.length).some((f) => !isFunc(f))) throw new Error("order-functions: the functions are not one run of forms");
  const order = await greedyOrder(bodies);
  const text = ["(module", ...forms.slice(0, first).flat(), ...order.flatMap((i) => funcs[i]), ...forms.slice(first + funcs.length).flat(), ")", ""];
  await writeFile(`${work}.ordered.wat`, text.join("\n"));
  // Written as `-Oz` writes (Stack IR optimised), without running any pass again.
  run([...features, "--optimize-level=2", "--shrink-level=2", "--generate-stack-ir", "--optimize-stack-ir", "--quiet",
    `${work}.ordered.wat`, "-o", output]);
  const ordered = await readFile(output);
  if (outline(ordered) !== outline(wasm)) throw new Error("order-functions: the reordered module's imports, exports or functions differ");
  await rm(`${work}.wat`);
  await rm(`${work}.ordered.wat`);
  return { before: wasm.length, after: ordered.length };
}
