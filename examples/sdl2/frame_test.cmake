# sdl_offscreen_frame: runs the demo for FRAMES frames frozen at TICK with no
# display (the test's environment picks SDL's video and render drivers),
# saving its last frame, then checks that frame's every avatar
# against the library's own render. -D: DEMO, CHECK, IDS, TICK, SIZE, FRAMES, FRAME.
set(options --ids ${IDS} --tick ${TICK} --size ${SIZE} --capture ${FRAME})
file(REMOVE ${FRAME})
execute_process(COMMAND ${DEMO} --frames ${FRAMES} ${options} RESULT_VARIABLE status TIMEOUT 60)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the demo failed: ${status}")
endif()
execute_process(COMMAND ${CHECK} ${options} RESULT_VARIABLE status TIMEOUT 60)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the saved frame does not match the library's render: ${status}")
endif()
# The checker tells ticks apart: the same frame is not the render of another tick.
math(EXPR other "(${TICK} + 1) % 16")
execute_process(COMMAND ${CHECK} --ids ${IDS} --tick ${other} --size ${SIZE} --capture ${FRAME}
                RESULT_VARIABLE status ERROR_VARIABLE reason TIMEOUT 60)
if(NOT status EQUAL 1)
  message(FATAL_ERROR "the checker accepted the frame as tick ${other}: ${status}")
endif()
message(STATUS "as expected, not tick ${other}: ${reason}")
