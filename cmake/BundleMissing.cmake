# The package tests' command when the build has no bundled library
# (cmake/Bundle.cmake) or no pixabots program to compare with: they fail,
# saying what to install, rather than skip.
message(FATAL_ERROR "the bindings' package tests need the bundled library (cmake/Bundle.cmake, which needs "
                    "stb_image.h: apt-get install libstb-dev) and the pixabots program (-DPIXABOTS_BUILD_CLI=ON); "
                    "install what is missing, then re-run cmake")
