#pragma once
/// @file stopwatch.h
/// Wall-clock timing for the runtimes every report carries.

#include <chrono>

namespace poisonlab {

using Clock = std::chrono::steady_clock;

/// Seconds elapsed since `t`.
inline double since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

}  // namespace poisonlab
