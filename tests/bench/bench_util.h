#pragma once

#include "support/result.h"

#include <QString>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

// A plain harness for the benchmark programs: run a piece of work many times and print the median
// and the spread. Benchmarks are programs, never tests: nothing here passes or fails on time.
namespace balcony::bench {

// Stops the benchmark with the message (exit 3): a benchmark that cannot set up has no figures.
[[noreturn]] inline void fail(const QString& message) {
    std::fprintf(stderr, "bench: %s\n", qPrintable(message));
    std::exit(3);
}

// The value of result, or fail() with its message.
template <typename T>
T need(Result<T> result) {
    if (!result) {
        fail(result.message());
    }
    return std::move(result).value();
}

struct Timing {
    double medianMs = 0;
    double minMs = 0;
    double maxMs = 0;
    int runs = 0;
};

template <typename Work>
Timing measure(int runs, Work&& work) {
    std::vector<double> ms;
    ms.reserve(static_cast<std::size_t>(runs));
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        const auto end = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.front(), ms.back(), runs};
}

inline void printRow(const char* what, const Timing& t) {
    std::printf("| %-58s | %5d | %10.3f | %10.3f | %10.3f |\n", what, t.runs, t.medianMs, t.minMs, t.maxMs);
}

inline void printHeader() {
    std::printf("| %-58s | %5s | %10s | %10s | %10s |\n", "what", "runs", "median ms", "min ms", "max ms");
    std::printf("|%s|%s|%s|%s|%s|\n", "------------------------------------------------------------",
                "-------", "------------", "------------", "------------");
}

// Keeps the optimiser from dropping work whose result is otherwise unused.
template <typename T>
void keep(const T& value) {
    asm volatile("" : : "g"(&value) : "memory");
}

} // namespace balcony::bench
