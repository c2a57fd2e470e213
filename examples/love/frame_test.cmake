# love_frame: the demo under Xvfb (24-bit screen, Mesa's software OpenGL as the
# environment asks) captures frame FRAMES into FRAME and quits; `timeout`
# bounds it inside xvfb-run, so Xvfb is always cleaned up. Then check_frame.lua
# judges the capture. -D: LOVE, XVFB_RUN, XAUTH, LUAJIT, DEMO, FRAMES, FRAME.
foreach(tool LOVE XVFB_RUN XAUTH LUAJIT)
  if(NOT ${tool})
    message(FATAL_ERROR "love_frame needs love, xvfb-run, xauth and luajit: install Debian's love, xvfb, xauth "
                        "and luajit (apt-get install love xvfb xauth luajit), then re-run cmake")
  endif()
endforeach()
file(REMOVE ${FRAME} ${FRAME}.txt)
execute_process(COMMAND ${XVFB_RUN} -a -s "-screen 0 1024x768x24"
                        timeout -k 5 60 ${LOVE} ${DEMO} --capture ${FRAME} --frames ${FRAMES}
                RESULT_VARIABLE status TIMEOUT 100)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the demo failed: ${status}")
endif()
execute_process(COMMAND ${LUAJIT} ${DEMO}/check_frame.lua ${FRAME} RESULT_VARIABLE status TIMEOUT 60)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the captured frame does not match the library's render: ${status}")
endif()
