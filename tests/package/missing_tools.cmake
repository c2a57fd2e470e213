# A package test's command when CMake did not find a tool it runs: the test
# fails, naming what to install (scripts/install-deps.sh package installs them all).
message(FATAL_ERROR "not found: ${MISSING}; install it, then re-run cmake")
