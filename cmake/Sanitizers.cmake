# ASan + UBSan for the whole build; UBSan findings abort so tests fail on them.
if(PIXABOTS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  # clang links a C program (the C API smoke test, the old-header caller) with
  # the C half of the UBSan runtime only; the instrumented C++ library inside
  # it needs the C++ half (vptr checks) and libstdc++ too.
  add_link_options("$<$<AND:$<LINK_LANGUAGE:C>,$<C_COMPILER_ID:Clang>>:-fsanitize-link-c++-runtime;-lstdc++>")
endif()
