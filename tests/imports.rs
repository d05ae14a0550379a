//! Imports point one way: ids/i18n → geo → plan → scene → state → export → components (and
//! `lib.rs`/`main.rs` above them all). This reads every source file of each top-level
//! module and fails on a `crate::…` path that names a module above it, in code or in a
//! doc link alike, so an upward dependency cannot creep back in.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

/// The top-level modules from the bottom up. A module may name those before it.
/// `ids` comes first: `i18n` uses the layer ids for its layer names.
const ORDER: &[&str] = &[
    "ids",
    "i18n",
    "geo",
    "plan",
    "scene",
    "state",
    "export",
    "components",
];

fn rank(module: &str) -> Option<usize> {
    ORDER.iter().position(|m| *m == module)
}

/// Every `.rs` file of a top-level module (`src/NAME.rs` or `src/NAME/**`).
fn files_of(module: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let single = src.join(format!("{module}.rs"));
    if single.is_file() {
        out.push(single);
    }
    let mut dirs = vec![src.join(module)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out
}

/// The top-level modules a source text names through `crate::NAME`, with line numbers.
/// Grouped imports (`use crate::{a, b::{c, d}}`, over several lines too) are read too.
fn named_modules(text: &str) -> Vec<(usize, String)> {
    let line_of = |at: usize| text[..at].matches('\n').count() + 1;
    let ident_at = |at: usize| -> String {
        text[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        let start = i + "crate::".len();
        if !text[start..].starts_with('{') {
            out.push((line_of(start), ident_at(start)));
            continue;
        }
        // A group: the first name after the brace and after each comma at depth one.
        let mut depth = 0;
        let mut expect_name = true;
        for (j, c) in text[start..].char_indices() {
            match c {
                '{' => {
                    depth += 1;
                    if depth == 1 {
                        expect_name = true;
                        continue;
                    }
                }
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                ',' if depth == 1 => expect_name = true,
                c if expect_name && depth == 1 && !c.is_whitespace() => {
                    out.push((line_of(start + j), ident_at(start + j)));
                    expect_name = false;
                }
                _ => {}
            }
        }
    }
    out.retain(|(_, name)| !name.is_empty());
    out
}

#[test]
fn no_module_imports_one_above_it() {
    let mut upward = Vec::new();
    let mut files_read = 0;
    for (own_rank, module) in ORDER.iter().enumerate() {
        let files = files_of(module);
        assert!(!files.is_empty(), "no source files found for `{module}`");
        for file in files {
            let text = std::fs::read_to_string(&file).expect("source file is readable");
            files_read += 1;
            for (line, named) in named_modules(&text) {
                // Names that are not modules (e.g. `crate::App` re-exports) are checked by
                // the compiler; only the module order is this test's business.
                let Some(named_rank) = rank(&named) else {
                    continue;
                };
                if named_rank > own_rank {
                    upward.push(format!(
                        "{}:{line}: `{module}` names `crate::{named}`",
                        file.display()
                    ));
                }
            }
        }
    }
    assert!(files_read > 30, "only {files_read} source files read");
    assert!(upward.is_empty(), "upward imports:\n{}", upward.join("\n"));
}

#[test]
fn the_checker_sees_plain_grouped_and_inline_paths() {
    let text = "use crate::state::Focus;\nuse crate::{\n    geo,\n    scene::{a, b},\n    ids,\n};\nlet x = crate::plan::EMBEDDED;";
    let named = named_modules(text);
    let names: Vec<_> = named.iter().map(|(_, m)| m.as_str()).collect();
    assert_eq!(names, ["state", "geo", "scene", "ids", "plan"]);
    assert_eq!(named[1].0, 3, "line of `geo`");
}

#[test]
fn every_top_level_module_is_ranked() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("lib.rs is readable");
    for line in lib.lines() {
        if let Some(name) = line
            .strip_prefix("pub mod ")
            .or_else(|| line.strip_prefix("mod "))
        {
            let name = name.trim_end_matches(';');
            assert!(
                rank(name).is_some(),
                "module `{name}` has no place in ORDER"
            );
        }
    }
}

/// Every effect of the app is made through `components::effect::Effect`, which shares one
/// copy of Leptos' effect code among them (≈ 0.4 KB of wasm per effect otherwise;
/// docs/performance.md "Where the bytes are"). A file calling `Effect::new` must import
/// that `Effect`, not the prelude's; a hand-written `leptos::prelude::Effect::new` outside
/// it fails too.
#[test]
fn effects_share_one_copy_of_leptos_effect_code() {
    let mut wrong = Vec::new();
    for path in files_of("components") {
        if path.ends_with("components/effect.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let calls = text.contains("Effect::new");
        let shared = text.contains("use crate::components::effect::Effect;");
        let direct = text.contains("prelude::Effect::new") || text.contains("effect::Effect::new");
        if calls && (!shared || direct) {
            wrong.push(path.display().to_string());
        }
    }
    assert!(
        wrong.is_empty(),
        "effects made without components::effect::Effect in: {wrong:?}"
    );
    // Anything outside `components` that makes an effect would escape the check above.
    for module in ORDER.iter().filter(|m| **m != "components") {
        for path in files_of(module) {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                !text.contains("Effect::new"),
                "an effect in {}",
                path.display()
            );
        }
    }
}

/// The page's reactive values are `components::stash`'s `Followed`, `Derived` and `Stash`,
/// which share one copy of Leptos' signal and memo code, where each `RwSignal`, `Memo` and
/// `StoredValue` type compiled it again (≈ 1 KB of wasm each; docs/performance.md "Where the
/// bytes are"), and parts are handed what they use rather than looking it up as a context
/// (whose map and look-ups cost more). Only `stash.rs` itself uses Leptos' own.
#[test]
fn reactive_values_share_one_copy_of_leptos_signal_code() {
    const LEPTOS_OWN: [&str; 8] = [
        "RwSignal",
        "ReadSignal",
        "Memo::new",
        "Memo<",
        "StoredValue",
        "NodeRef<",
        "provide_context",
        "expect_context",
    ];
    let mut wrong = Vec::new();
    for module in ORDER {
        for path in files_of(module) {
            if path.ends_with("components/stash.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let code: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            for name in LEPTOS_OWN.iter().filter(|n| code.contains(*n)) {
                wrong.push(format!("{} uses {name}", path.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "use components::stash instead: {wrong:?}");
}
