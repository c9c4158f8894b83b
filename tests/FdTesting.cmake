# fd_add_test(<name> SOURCES <files…> LIBS <targets…> [LABELS <labels…>] [TIMEOUT <s>])
# Builds one Qt Test executable and registers it with ctest.
#
# FD_TEST_CXX_FLAGS are appended to the test executables' own compile flags (not the libraries'):
# the sanitizer stage of scripts/test.sh builds them at -O0, which compiles a test source about
# 2.5× faster than the -O1 the libraries under test get, and test code's own speed hardly counts.
set(FD_TEST_CXX_FLAGS "" CACHE STRING "Extra compile flags for test executables only (e.g. -O0)")
separate_arguments(FD_TEST_CXX_FLAGS_LIST NATIVE_COMMAND "${FD_TEST_CXX_FLAGS}")

# With Clang and WITH_PCH, all test sources share one precompiled header of the Qt Core and
# QtTest headers every test includes (30% of a test source's compile time, measured under ASan
# at -O0). It is made by a small target of its own that has only the definitions every test has
# too: Clang accepts a precompiled header under more definitions on the command line, never under
# different or fewer ones. So the owner does not link Qt6::Test, whose QT_TESTCASE_BUILDDIR and
# QT_TESTCASE_SOURCEDIR name each test's own directories, but takes its headers and QT_TESTLIB_LIB.
# GCC rejects a header made with other definitions (-Winvalid-pch), so GCC builds compile the
# tests without one.
set(FD_TEST_PCH_HEADERS ${FD_PCH_HEADERS} <QtTest/qtestcase.h> <QSignalSpy>)

function(fd_test_pch_owner out)
    set(owner fd_pch_tests)
    if(NOT TARGET ${owner})
        fd_add_pch_owner(${owner} "${FD_TEST_PCH_HEADERS}")
        target_include_directories(${owner} PRIVATE $<TARGET_PROPERTY:Qt6::Test,INTERFACE_INCLUDE_DIRECTORIES>)
        target_compile_definitions(${owner} PRIVATE QT_TESTLIB_LIB)
        target_compile_options(${owner} PRIVATE ${FD_TEST_CXX_FLAGS_LIST})
    endif()
    set(${out} ${owner} PARENT_SCOPE)
endfunction()

# Qt's AUTOMOC costs every executable two build steps: a cmake_autogen run that scans all its
# sources and their includes, and a mocs_compilation.cpp to compile (under ASan, with the
# precompiled header: 0.7 s together, for 170 tests). A test whose only meta-objects are in its
# own .cpp files (the usual `#include "tst_x.moc"`) needs neither: moc runs on each such file
# directly. Tests with a Q_OBJECT header, a resource file or a form keep AUTOMOC.
function(fd_moc_test_sources_directly target sources)
    set(moc_inputs "")
    foreach(source IN LISTS sources)
        get_filename_component(path ${source} ABSOLUTE)
        if(source MATCHES "\\.(qrc|ui)$")
            return()
        endif()
        file(READ ${path} text)
        if(NOT text MATCHES "Q_OBJECT|Q_GADGET|Q_NAMESPACE")
            continue()
        endif()
        if(NOT source MATCHES "\\.cpp$")
            return()
        endif()
        get_filename_component(base ${source} NAME_WE)
        if(NOT text MATCHES "#include \"${base}\\.moc\"")
            return()
        endif()
        list(APPEND moc_inputs ${path})
    endforeach()
    set(moc_dir ${CMAKE_CURRENT_BINARY_DIR}/${target}_moc)
    foreach(input IN LISTS moc_inputs)
        get_filename_component(base ${input} NAME_WE)
        set(output ${moc_dir}/${base}.moc)
        add_custom_command(OUTPUT ${output}
                           COMMAND Qt6::moc -o ${output} ${input}
                           DEPENDS ${input} Qt6::moc
                           COMMENT "moc ${base}.cpp"
                           VERBATIM)
        target_sources(${target} PRIVATE ${output})
    endforeach()
    target_include_directories(${target} PRIVATE ${moc_dir})
    set_target_properties(${target} PROPERTIES AUTOMOC OFF AUTOUIC OFF)
endfunction()

function(fd_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    fd_moc_test_sources_directly(${name} "${ARG_SOURCES}")
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
