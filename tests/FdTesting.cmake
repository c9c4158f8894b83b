# fd_add_test(<name> SOURCES <files…> LIBS <targets…> [LABELS <labels…>] [TIMEOUT <s>])
# Builds one Qt Test executable and registers it with ctest.
#
# FD_TEST_CXX_FLAGS are appended to the test executables' own compile flags (not the libraries'):
# the sanitizer stage of scripts/test.sh builds them at -O0, which compiles a test source about
# 2.5× faster than the -O1 the libraries under test get, and test code's own speed hardly counts.
set(FD_TEST_CXX_FLAGS "" CACHE STRING "Extra compile flags for test executables only (e.g. -O0)")
separate_arguments(FD_TEST_CXX_FLAGS_LIST NATIVE_COMMAND "${FD_TEST_CXX_FLAGS}")

function(fd_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE fd_common fd_testsupport Qt6::Test ${ARG_LIBS})
    target_compile_options(${name} PRIVATE ${FD_TEST_CXX_FLAGS_LIST})
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;FD_SOURCE_DIR=${CMAKE_SOURCE_DIR};FD_BINARY_DIR=${CMAKE_BINARY_DIR};ASAN_OPTIONS=detect_leaks=1:abort_on_error=1;LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
endfunction()
