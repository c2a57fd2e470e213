//! Tells rustc where libpixabots is. No crates: only std.
//!
//! Order of precedence:
//! 1. `PIXABOTS_LIB_DIR`: a directory holding libpixabots.so (a CMake build
//!    tree's `src/` or an install's `lib/`). It is also put on this package's
//!    own run path (tests, examples) so `cargo test` finds the library there.
//! 2. `pkg-config --libs-only-L pixabots` for an installed library (honours
//!    `PKG_CONFIG_PATH`). An install under a system prefix needs no `-L`.
//! 3. Neither: the linker's default search path.

use std::env;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=PIXABOTS_LIB_DIR");
    println!("cargo:rerun-if-env-changed=PKG_CONFIG_PATH");
    println!("cargo:rerun-if-env-changed=PKG_CONFIG_LIBDIR");
    println!("cargo:rerun-if-env-changed=PKG_CONFIG_SYSROOT_DIR");

    match env::var("PIXABOTS_LIB_DIR") {
        Ok(dir) if !dir.is_empty() => {
            println!("cargo:rustc-link-search=native={}", dir);
            // Only this package's tests, examples and binaries get this run path;
            // crates depending on pixabots choose their own. ELF and Mach-O only.
            let os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
            if os != "windows" {
                println!("cargo:rustc-link-arg=-Wl,-rpath,{}", dir);
            }
        }
        _ => {
            for dir in pkg_config_lib_dirs() {
                println!("cargo:rustc-link-search=native={}", dir);
            }
        }
    }
    println!("cargo:rustc-link-lib=dylib=pixabots");
}

/// The `-L` directories pkg-config reports for pixabots, or none (with a build
/// warning) when pkg-config or the package is missing.
fn pkg_config_lib_dirs() -> Vec<String> {
    let output = match Command::new("pkg-config").args(["--libs-only-L", "pixabots"]).output() {
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
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .filter_map(|flag| flag.strip_prefix("-L"))
        .map(str::to_owned)
        .collect()
}
