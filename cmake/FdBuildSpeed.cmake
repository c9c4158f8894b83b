# Build time is a budget: CI builds everything twice (release, sanitizers) on two cores, and most
# of a translation unit's cost here is parsing Qt's headers. Each library of ours with a few
# sources therefore precompiles the Qt and standard headers it shares with every other, once,
# with its own flags (valid with every compiler). Test executables have one source each: a
# header of their own would cost more than it saves, so with Clang the tests of a directory share
# one (tests/FdTesting.cmake). fd_enable_build_speedups() is called once from the top-level
# CMakeLists.txt after every target exists.
option(WITH_PCH "Precompile the common Qt headers of each library (faster builds)" ON)
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

function(fd_enable_build_speedups)
    fd_collect_targets(${CMAKE_SOURCE_DIR} targets)
    foreach(target IN LISTS targets)
        get_target_property(type ${target} TYPE)
        if(NOT type STREQUAL "STATIC_LIBRARY")
            continue()
        endif()
        fd_count_cxx_sources(${target} count)
        if(WITH_PCH AND count GREATER_EQUAL 3)
            target_precompile_headers(${target} PRIVATE ${FD_PCH_HEADERS})
        endif()
        if(WITH_UNITY_BUILD AND count GREATER_EQUAL 2)
            set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
        endif()
    endforeach()
endfunction()
