//! The data downloads are files of `public/downloads/` (copied to `dist/downloads/` by
//! Trunk), written from the plan by `export::data::file_text`: the wasm links to them
//! instead of carrying the code that writes them (issue 12, docs/performance.md "Where the bytes are").
//! This test fails when a file is missing, stale or extra; to write them again after a
//! change of the plan or of the export code:
//!
//! ```sh
//! WRITE_DOWNLOADS=1 cargo test --test downloads
//! ```
#![cfg(not(target_arch = "wasm32"))]

use metro_plan::export::{data::file_text, Download};
use metro_plan::i18n::Lang;
use metro_plan::plan::Plan;
use std::collections::BTreeSet;
use std::path::Path;

const FOLDER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/downloads");

#[test]
fn the_download_files_are_what_the_plan_writes() {
    let plan = Plan::embedded().unwrap_or_else(|e| panic!("{e:#?}"));
    let write = std::env::var_os("WRITE_DOWNLOADS").is_some();
    let folder = Path::new(FOLDER);
    if write {
        std::fs::create_dir_all(folder).unwrap();
    }
    let mut expected = BTreeSet::new();
    let mut problems = Vec::new();
    for what in Download::ALL {
        for lang in Lang::ALL {
            let text = file_text(&plan, what, lang);
            assert_eq!(text.is_some(), what.is_file(), "{what:?}");
            let Some(text) = text else { continue };
            let name = what.file_name(lang);
            assert_eq!(what.path(lang), format!("downloads/{name}"));
            let path = folder.join(&name);
            if write {
                std::fs::write(&path, &text).unwrap();
            }
            match std::fs::read_to_string(&path) {
                Ok(on_disk) if on_disk == text => {}
                Ok(_) => problems.push(format!("{name} is stale")),
                Err(e) => problems.push(format!("{name}: {e}")),
            }
            expected.insert(name);
        }
    }
    let present: BTreeSet<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    for extra in present.difference(&expected) {
        problems.push(format!("{extra} is not a download"));
    }
    assert_eq!(expected.len(), 6);
    assert!(
        problems.is_empty(),
        "public/downloads/: {problems:?}; write them with `WRITE_DOWNLOADS=1 cargo test --test downloads`"
    );
}
