# Build time is a budget: CI builds everything twice (release, sanitizers) on two cores, and most
# of a translation unit's cost here is parsing Qt's headers. The libraries therefore precompile
# the Qt and standard headers they all share. With Clang one precompiled header serves every
# library: it is made by a small target of its own with only the flags and definitions all of
# them have, and Clang accepts a header under more definitions on the command line (a library's
# QT_NETWORK_LIB, say), never under different or fewer ones. GCC rejects a header made under other
# definitions (-Winvalid-pch), so with GCC each library of three or more sources makes its own,
# unless it is compiled in batches anyway: a batch parses the headers once, and making 24 headers
# cost more than they saved (GCC 12 release build on 2 cores from scratch, both batched: 269 s
# with them, 238 s without).
# The test executables share theirs the same way (tests/FdTesting.cmake).
# Every source whose header declares a Q_OBJECT/Q_GADGET class ends with `#include "moc_Name.cpp"`:
# the meta-object code then compiles within that source (and its unity batch) instead of in each
# library's mocs_compilation.cpp, which parsed the Qt headers once more per library (GCC release
# build: 62 s of 700 s compiler time).
# fd_enable_build_speedups() is called once from the top-level CMakeLists.txt after every target
# exists.
option(WITH_PCH "Precompile the common Qt headers of the libraries and tests (faster builds)" ON)
# Unity builds compile each library's sources in batches of eight, one translation unit per batch:
# the headers are parsed, and inline and template code compiled, once per batch instead of once
# per file. Measured with GCC -O2 on 2 cores from scratch: the 14 sources of fd_sim_api 10.7 s →
# 6.8 s, the whole release build 320 s → 266 s. Off by default because touching one file then
# recompiles its whole batch; scripts/test.sh (CI) turns it on.
option(WITH_UNITY_BUILD "Compile each library's sources in batches (faster full builds)" OFF)

set(FD_PCH_HEADERS
    <QByteArray> <QDateTime> <QHash> <QJsonArray> <QJsonDocument> <QJsonObject> <QJsonValue>
    <QList> <QMap> <QObject> <QPointer> <QSet> <QString> <QStringList> <QTimer> <QVariant>
    <functional> <memory> <optional> <utility> <vector>)

function(fd_collect_targets directory out)
    get_property(targets DIRECTORY ${directory} PROPERTY BUILDSYSTEM_TARGETS)
    get_property(subdirectories DIRECTORY ${directory} PROPERTY SUBDIRECTORIES)
    foreach(subdirectory IN LISTS subdirectories)
        fd_collect_targets(${subdirectory} nested)
        list(APPEND targets ${nested})
    endforeach()
    set(${out} ${targets} PARENT_SCOPE)
endfunction()

function(fd_count_cxx_sources target out)
    get_target_property(sources ${target} SOURCES)
    set(count 0)
    foreach(source IN LISTS sources)
        if(source MATCHES "\\.cpp$")
            math(EXPR count "${count} + 1")
        endif()
    endforeach()
    set(${out} ${count} PARENT_SCOPE)
endfunction()

# An OBJECT target whose only product is the precompiled header of `headers`, for others to reuse
# (REUSE_FROM). It links fd_common and Qt6::Core only; callers add what all its users share.
function(fd_add_pch_owner owner headers)
    set(source ${CMAKE_BINARY_DIR}/${owner}.cpp)
    # Written only when it differs, so a re-run of cmake does not make it (and the header) stale.
    file(CONFIGURE OUTPUT ${source} CONTENT "// Makes the precompiled header that ${owner}'s users share.\n")
    add_library(${owner} OBJECT ${source})
    set_target_properties(${owner} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
    target_link_libraries(${owner} PRIVATE fd_common Qt6::Core)
    target_precompile_headers(${owner} PRIVATE ${headers})
endfunction()

# The target whose precompiled header the libraries reuse under Clang (see the top). Clang also
# refuses a header made without the coverage instrumentation a library has (the ones the fuzzers
# link, tests/fuzz), so those share a second one made with it.
function(fd_shared_library_pch_owner for_fuzzing out)
    set(owner fd_pch_libraries)
    if(for_fuzzing)
        set(owner fd_pch_libraries_fuzzing)
    endif()
    if(NOT TARGET ${owner})
        fd_add_pch_owner(${owner} "${FD_PCH_HEADERS}")
        if(for_fuzzing)
            target_compile_options(${owner} PRIVATE -fsanitize=fuzzer-no-link)
        endif()
    endif()
    set(${out} ${owner} PARENT_SCOPE)
endfunction()

function(fd_enable_build_speedups)
    fd_collect_targets(${CMAKE_SOURCE_DIR} targets)
    set(share_pch OFF)
    if(WITH_PCH AND CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        set(share_pch ON)
    endif()
    foreach(target IN LISTS targets)
        get_target_property(type ${target} TYPE)
        if(NOT type STREQUAL "STATIC_LIBRARY")
            continue()
        endif()
        fd_count_cxx_sources(${target} count)
        if(share_pch AND count GREATER_EQUAL 1)
            get_target_property(options ${target} COMPILE_OPTIONS)
            set(for_fuzzing OFF)
            if("-fsanitize=fuzzer-no-link" IN_LIST options)
                set(for_fuzzing ON)
            endif()
            fd_shared_library_pch_owner(${for_fuzzing} pch_owner)
            target_precompile_headers(${target} REUSE_FROM ${pch_owner})
        elseif(WITH_PCH AND NOT WITH_UNITY_BUILD AND count GREATER_EQUAL 3)
            target_precompile_headers(${target} PRIVATE ${FD_PCH_HEADERS})
        endif()
        if(WITH_UNITY_BUILD AND count GREATER_EQUAL 2)
            set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
        endif()
    endforeach()
endfunction()
