//! Tells rustc where libpixabots is. No crates: only std.
//!
//! By default the crate links the shared library, found in this order:
//! 1. `PIXABOTS_LIB_DIR`: a directory holding libpixabots.so (a CMake build
//!    tree's `src/` or an install's `lib/`). It is also put on this package's
//!    own run path (tests, examples) so `cargo test` finds the library there.
//! 2. `pkg-config --libs-only-L pixabots` for an installed library (honours
//!    `PKG_CONFIG_PATH`). An install under a system prefix needs no `-L`.
//! 3. Neither: the linker's default search path.
//!
//! With the `static` feature, libpixabots.a goes into the program, which then
//! needs no libpixabots.so at run time; the archive is found in this order:
//! 1. `PIXABOTS_LIB_DIR`: a directory holding the bundled archive, which needs
//!    only the C++ runtime (a build tree's `bundle/`, cmake/Bundle.cmake).
//! 2. This crate inside the pixabots source tree (bindings/rust): CMake builds
//!    that archive from the tree into `OUT_DIR`, once (cmake, a C++ compiler
//!    and the library's build dependencies; `CMAKE_CXX_COMPILER_LAUNCHER=ccache`
//!    in the environment is honoured, as CMake reads it from there).
//! 3. `pkg-config --static --libs pixabots`: an installed archive and what it
//!    needs (libpng, zlib, the C++ runtime).

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=PIXABOTS_LIB_DIR");
    println!("cargo:rerun-if-env-changed=PKG_CONFIG_PATH");
    println!("cargo:rerun-if-env-changed=PKG_CONFIG_LIBDIR");
    println!("cargo:rerun-if-env-changed=PKG_CONFIG_SYSROOT_DIR");

    let lib_dir = env::var("PIXABOTS_LIB_DIR").ok().filter(|dir| !dir.is_empty());
    if env::var_os("CARGO_FEATURE_STATIC").is_some() {
        link_static(lib_dir);
    } else {
        link_shared(lib_dir);
    }
}

fn link_shared(lib_dir: Option<String>) {
    match lib_dir {
        Some(dir) => {
            println!("cargo:rustc-link-search=native={}", dir);
            // Only this package's tests, examples and binaries get this run path;
            // crates depending on pixabots choose their own. ELF and Mach-O only.
            let os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
            if os != "windows" {
                println!("cargo:rustc-link-arg=-Wl,-rpath,{}", dir);
            }
        }
        None => {
            for dir in pkg_config(&["--libs-only-L"]).iter().filter_map(|flag| flag.strip_prefix("-L")) {
                println!("cargo:rustc-link-search=native={}", dir);
            }
        }
    }
    println!("cargo:rustc-link-lib=dylib=pixabots");
}

fn link_static(lib_dir: Option<String>) {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let bundle = match lib_dir {
        Some(dir) => Some(PathBuf::from(dir)),
        None if source.join("cmake/Bundle.cmake").is_file() => Some(build_from_source(&source)),
        None => None,
    };
    match bundle {
        Some(dir) => {
            let archive = dir.join("libpixabots.a");
            if !archive.is_file() {
                panic!(
                    "the `static` feature needs {}: build it with `cmake --build BUILD --target \
                     pixabots_bundle_static` and set PIXABOTS_LIB_DIR to BUILD/bundle",
                    archive.display()
                );
            }
            println!("cargo:rustc-link-search=native={}", dir.display());
            println!("cargo:rustc-link-lib=static=pixabots");
            println!("cargo:rustc-link-lib=dylib=stdc++");
        }
        None => {
            let flags = pkg_config(&["--static", "--libs"]);
            if flags.is_empty() {
                panic!(
                    "the `static` feature found no libpixabots.a: set PIXABOTS_LIB_DIR to a build \
                     tree's bundle/ directory, build this crate inside the pixabots source tree, or \
                     install the library where pkg-config finds it"
                );
            }
            for flag in &flags {
                if let Some(dir) = flag.strip_prefix("-L") {
                    println!("cargo:rustc-link-search=native={}", dir);
                } else if flag == "-lpixabots" {
                    println!("cargo:rustc-link-lib=static=pixabots");
                } else if let Some(name) = flag.strip_prefix("-l") {
                    println!("cargo:rustc-link-lib=dylib={}", name);
                }
            }
        }
    }
}

/// Builds the bundled archive (cmake/Bundle.cmake) from the source tree at
/// `source` into OUT_DIR and returns the directory holding it. Only the
/// library is configured: no programs, tests or network code.
fn build_from_source(source: &Path) -> PathBuf {
    for part in ["CMakeLists.txt", "cmake", "include", "src", "sprites"] {
        println!("cargo:rerun-if-changed={}", source.join(part).display());
    }
    let build = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("pixabots-build");
    let mut configure = Command::new("cmake");
    configure.arg("-S").arg(source).arg("-B").arg(&build).args([
        "-DCMAKE_BUILD_TYPE=Release",
        "-DPIXABOTS_BUILD_TESTS=OFF",
        "-DPIXABOTS_BUILD_BENCH=OFF",
        "-DPIXABOTS_BUILD_CLI=OFF",
        "-DPIXABOTS_BUILD_SERVER=OFF",
        "-DPIXABOTS_REMOTE=OFF",
        "-DPIXABOTS_INSTALL=OFF",
    ]);
    run(configure);
    let mut compile = Command::new("cmake");
    compile.arg("--build").arg(&build).args(["--target", "pixabots_bundle_static", "--parallel"]);
    compile.arg(env::var("NUM_JOBS").unwrap_or_else(|_| "1".into()));
    run(compile);
    build.join("bundle")
}

fn run(mut command: Command) {
    let what = format!("{:?}", command);
    match command.status() {
        Ok(status) if status.success() => {}
        Ok(status) => panic!(
            "{} failed ({}): the `static` feature builds libpixabots with CMake from the source \
             tree, which needs the library's build dependencies (scripts/install-deps.sh)",
            what, status
        ),
        Err(error) => {
            panic!("{} could not start ({}): install cmake (Debian: apt-get install cmake)", what, error)
        }
    }
}

/// pkg-config's answer for pixabots with `args`, split into flags, or none
/// (with a build warning) when pkg-config or the package is missing.
fn pkg_config(args: &[&str]) -> Vec<String> {
    let output = match Command::new("pkg-config").args(args).arg("pixabots").output() {
        Ok(output) => output,
        Err(_) => {
            println!(
                "cargo:warning=pkg-config not found (Debian: apt-get install pkg-config); \
                 set PIXABOTS_LIB_DIR or rely on the linker's default search path"
            );
            return Vec::new();
        }
    };
    if !output.status.success() {
        println!(
            "cargo:warning=pkg-config does not know pixabots (install the library or set \
             PKG_CONFIG_PATH); set PIXABOTS_LIB_DIR to use a build tree"
        );
        return Vec::new();
    }
    String::from_utf8_lossy(&output.stdout).split_whitespace().map(str::to_owned).collect()
}
