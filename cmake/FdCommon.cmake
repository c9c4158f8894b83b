# One INTERFACE target that every Fission Desk target links: language level, warnings,
# Qt hygiene and the optional sanitizers, so that no target can silently opt out.
add_library(fd_common INTERFACE)
target_compile_features(fd_common INTERFACE cxx_std_20)
target_compile_definitions(fd_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    FD_VERSION="${PROJECT_VERSION}")
target_include_directories(fd_common INTERFACE ${CMAKE_SOURCE_DIR}/src)
target_compile_options(fd_common INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
    -Wimplicit-fallthrough -Wformat=2 -Werror=format-security
    -fstack-protector-strong
    # A local hiding a local. Clang has no such level (its -Wshadow also flags every
    # parameter named like a member), so only GCC builds check it.
    $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local>
    # GCC 12 reports -Wrestrict inside libstdc++'s std::string at -O3 (GCC bug 105651), a
    # false positive in code that is not ours; every other warning stays an error.
    $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>)
if(WITH_WERROR)
    target_compile_options(fd_common INTERFACE -Werror)
endif()
if(NOT CMAKE_BUILD_TYPE STREQUAL "Debug")
    target_compile_definitions(fd_common INTERFACE _FORTIFY_SOURCE=2)
endif()
if(WITH_ASAN)
    target_compile_options(fd_common INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                               -fno-sanitize-recover=undefined)
    target_link_options(fd_common INTERFACE -fsanitize=address,undefined)
endif()
if(WITH_FUZZERS)
    # Only the fuzz targets link libFuzzer's main (-fsanitize=fuzzer, tests/fuzz), and only the
    # libraries they link get coverage instrumentation (fd_instrument_for_fuzzing there). Ordinary
    # executables that link an instrumented library keep working: the sanitizer runtime provides
    # the coverage callbacks.
    target_link_options(fd_common INTERFACE -fsanitize=fuzzer-no-link)
endif()
