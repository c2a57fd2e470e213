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
