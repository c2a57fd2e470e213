# Run by the rust_* tests when CMake found no cargo: fail, saying what to install.
message(FATAL_ERROR
  "The Rust binding's tests need cargo and rustc, which were not found when CMake "
  "configured this build. On Debian or Ubuntu: sudo apt-get install cargo "
  "(it pulls in rustc), then re-run cmake so it finds cargo.")
