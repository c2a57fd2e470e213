# The python_ tests' command when CMake found no Python 3 interpreter: a
# missing toolchain fails the binding's test rather than skipping it.
message(FATAL_ERROR "python3 not found: install Debian's python3 (apt-get install python3), then re-run cmake")
