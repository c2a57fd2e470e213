// examples/render.rs as a user runs it: it makes a missing output directory,
// and a failure names the path and the reason. `cargo test` builds the
// example next to this test's own binary (target/<profile>/examples).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn example() -> PathBuf {
    let deps = std::env::current_exe().expect("this test's path");
    let profile = deps.parent().and_then(Path::parent).expect("target/<profile>/deps");
    let path = profile.join("examples").join("render");
    assert!(
        path.is_file(),
        "{} is missing: run the tests with `cargo test`, which builds it",
        path.display()
    );
    path
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pixabots-example-{}-{}", std::process::id(), name));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

fn render_into(out: &Path) -> Output {
    Command::new(example()).arg(out).output().expect("the example runs")
}

#[test]
fn a_missing_output_directory_is_made() {
    let dir = scratch("missing");
    let out = dir.join("not/yet");
    let run = render_into(&out);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    for name in ["bot.png", "tinted.png", "bot.gif"] {
        assert!(out.join(name).is_file(), "{} was not written", name);
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_output_directory_that_is_a_file_is_named_in_the_error() {
    let dir = scratch("file");
    let out = dir.join("taken");
    std::fs::write(&out, b"a file").unwrap();
    let run = render_into(&out);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(stderr.contains(&format!("cannot create the output directory {}", out.display())), "{}", stderr);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_output_file_that_cannot_be_written_is_named_in_the_error() {
    let dir = scratch("blocked");
    std::fs::create_dir(dir.join("bot.png")).unwrap(); // a directory where the PNG goes
    let run = render_into(&dir);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(stderr.contains(&format!("cannot write {}", dir.join("bot.png").display())), "{}", stderr);
    assert!(!dir.join(".bot.png.part").exists(), "the partial file was left behind");
    std::fs::remove_dir_all(dir).unwrap();
}
