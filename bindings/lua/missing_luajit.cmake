# lua_tests' command when CMake found no luajit: a missing toolchain fails the
# binding's test rather than skipping it.
message(FATAL_ERROR "luajit not found: install Debian's luajit (apt-get install luajit), then re-run cmake")
