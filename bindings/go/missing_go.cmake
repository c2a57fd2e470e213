# Run by go_tests when CMake found no go command: fail, saying what to install.
message(FATAL_ERROR
  "The Go binding's tests need the go command, which was not found when CMake "
  "configured this build. On Debian or Ubuntu: sudo apt-get install golang-go, "
  "then re-run cmake so it finds go.")
