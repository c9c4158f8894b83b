# fd_add_test(<name> SOURCES <files…> LIBS <targets…> [LABELS <labels…>] [TIMEOUT <s>])
# Builds one Qt Test executable and registers it with ctest.
#
# FD_TEST_CXX_FLAGS are appended to the test executables' own compile flags (not the libraries'):
# the sanitizer stage of scripts/test.sh builds them at -O0, which compiles a test source about
# 2.5× faster than the -O1 the libraries under test get, and test code's own speed hardly counts.
set(FD_TEST_CXX_FLAGS "" CACHE STRING "Extra compile flags for test executables only (e.g. -O0)")
separate_arguments(FD_TEST_CXX_FLAGS_LIST NATIVE_COMMAND "${FD_TEST_CXX_FLAGS}")

# With Clang and WITH_PCH, the test sources of one directory share one precompiled header of the
# Qt Core and QtTest headers every test includes (30% of a test source's compile time, measured
# under ASan at -O0). It is made by a small target of its own that has only the definitions
# every test of the directory has too (Qt Core and Test, and the directory's
# QT_TESTCASE_BUILDDIR): Clang accepts a precompiled header under more definitions on the
# command line, never under different or fewer ones. GCC rejects a header made with other
# definitions (-Winvalid-pch), so GCC builds compile the tests without one.
set(FD_TEST_PCH_HEADERS ${FD_PCH_HEADERS} <QtTest/qtestcase.h> <QSignalSpy>)

function(fd_test_pch_owner out)
    string(MD5 key "${CMAKE_CURRENT_SOURCE_DIR}")
    string(SUBSTRING "${key}" 0 10 key)
    set(owner fd_test_pch_${key})
    if(NOT TARGET ${owner})
        set(source ${CMAKE_CURRENT_BINARY_DIR}/${owner}.cpp)
        # Written only when it differs, so a re-run of cmake does not make it (and the header) stale.
        file(CONFIGURE OUTPUT ${source} CONTENT "// Makes the precompiled header the tests of this directory share.\n")
        add_library(${owner} OBJECT ${source})
        target_link_libraries(${owner} PRIVATE fd_common Qt6::Core Qt6::Test)
        target_compile_options(${owner} PRIVATE ${FD_TEST_CXX_FLAGS_LIST})
        target_precompile_headers(${owner} PRIVATE ${FD_TEST_PCH_HEADERS})
    endif()
    set(${out} ${owner} PARENT_SCOPE)
endfunction()

function(fd_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE fd_common fd_testsupport Qt6::Test ${ARG_LIBS})
    target_compile_options(${name} PRIVATE ${FD_TEST_CXX_FLAGS_LIST})
    if(WITH_PCH AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        fd_test_pch_owner(owner)
        target_precompile_headers(${name} REUSE_FROM ${owner})
    endif()
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;FD_SOURCE_DIR=${CMAKE_SOURCE_DIR};FD_BINARY_DIR=${CMAKE_BINARY_DIR};ASAN_OPTIONS=detect_leaks=1:abort_on_error=1;LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
endfunction()
