# ASan + UBSan for the whole build; UBSan findings abort so tests fail on them.
if(PIXABOTS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
