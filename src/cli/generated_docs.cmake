# The man pages and shell completions, made by the built pixabots from its
# command table:
#   cmake -DPIXABOTS=path/to/pixabots -DGZIP=path/to/gzip -DOUT=DIR -P generated_docs.cmake
# writes DIR/man1/*.1.gz and DIR/completions/{pixabots,_pixabots,pixabots.fish}.
# gzip -n stores no file name or time, so the same pages are the same bytes;
# the pages' own date is SOURCE_DATE_EPOCH's or the release's, never today's
# (pixabots manpage --help).
file(REMOVE_RECURSE ${OUT}/man1)
execute_process(COMMAND ${PIXABOTS} manpage --out ${OUT}/man1 COMMAND_ERROR_IS_FATAL ANY)
file(GLOB pages ${OUT}/man1/*.1)
foreach(page IN LISTS pages)
  execute_process(COMMAND ${GZIP} -n -9 -f ${page} COMMAND_ERROR_IS_FATAL ANY)
endforeach()

file(MAKE_DIRECTORY ${OUT}/completions)
foreach(shell_file IN ITEMS bash=pixabots zsh=_pixabots fish=pixabots.fish)
  string(REPLACE "=" ";" shell_file ${shell_file})
  list(GET shell_file 0 shell)
  list(GET shell_file 1 name)
  execute_process(COMMAND ${PIXABOTS} completion ${shell} OUTPUT_FILE ${OUT}/completions/${name}
    COMMAND_ERROR_IS_FATAL ANY)
endforeach()
file(TOUCH ${OUT}/man1.stamp)
