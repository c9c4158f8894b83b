# Runs one fuzzer for a bounded time on a copy of its seed corpus (the source tree is never
# written); fails on any crash, leak, timeout, out-of-memory or sanitizer report.
#   cmake -DFUZZER=exe -DCORPUS=dir -DDICT=file|"" -DWORK=dir -DSECONDS=n [-DINPUT_TIMEOUT=s]
#         -P RunFuzzer.cmake
foreach(var FUZZER CORPUS WORK SECONDS)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "RunFuzzer.cmake: ${var} is not set")
    endif()
endforeach()
if(NOT IS_DIRECTORY "${CORPUS}")
    message(FATAL_ERROR "no seed corpus at ${CORPUS}")
endif()

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/corpus" "${WORK}/artifacts")
file(GLOB seeds "${CORPUS}/*")
file(COPY ${seeds} DESTINATION "${WORK}/corpus")

if(NOT INPUT_TIMEOUT)
    set(INPUT_TIMEOUT 10)
endif()
set(args -max_total_time=${SECONDS} -timeout=${INPUT_TIMEOUT} -rss_limit_mb=2048 -print_final_stats=1
         -artifact_prefix=${WORK}/artifacts/)
if(DICT)
    list(APPEND args -dict=${DICT})
endif()
list(JOIN args " " shown)
message(STATUS "${FUZZER} ${WORK}/corpus ${shown}")
execute_process(COMMAND "${FUZZER}" "${WORK}/corpus" ${args} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    file(GLOB artifacts "${WORK}/artifacts/*")
    message(FATAL_ERROR "${FUZZER} failed (${result}); reproduce with: ${FUZZER} <artifact>\n"
                        "artifacts: ${artifacts}")
endif()
