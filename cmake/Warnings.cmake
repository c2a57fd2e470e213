# Warnings every target of the project compiles with.
add_library(pixabots_warnings INTERFACE)
target_compile_options(pixabots_warnings INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion>)
