# One INTERFACE target carries the language standard, warnings and strict Qt defines
# for every Balcony target, so that no target can quietly build with weaker settings.
add_library(balcony_options INTERFACE)
target_compile_features(balcony_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(balcony_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    $<$<BOOL:${BALCONY_WERROR}>:-Werror>)

target_compile_definitions(balcony_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    BALCONY_VERSION="${PROJECT_VERSION}")

if(BALCONY_SANITIZE)
    target_compile_options(balcony_options INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(balcony_options INTERFACE -fsanitize=address,undefined)
endif()

# The fuzz preset: core and everything else instrumented for libFuzzer, ASan and UBSan; only the
# fuzz targets link libFuzzer's main (tests/fuzz/CMakeLists.txt).
if(BALCONY_FUZZ)
    target_compile_options(balcony_options INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(balcony_options INTERFACE -fsanitize=address,undefined)
endif()
