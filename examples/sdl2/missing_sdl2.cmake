# sdl_offscreen_frame's command when CMake found no SDL2: a missing package
# fails the example's test rather than skipping it.
message(FATAL_ERROR "SDL2 not found: install Debian's libsdl2-dev (apt-get install libsdl2-dev), then re-run cmake")
