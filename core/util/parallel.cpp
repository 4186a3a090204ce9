#include "core/util/parallel.h"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace poisonlab {

int defaultThreads() {
  static const int threads = [] {
    if (const char* env = std::getenv("POISONLAB_THREADS")) {
      char* end = nullptr;
      const long v = std::strtol(env, &end, 10);
      if (*env && *end == '\0' && v >= 1 && v <= 1024) return static_cast<int>(v);
    }
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }();
  return threads;
}

void parallelFor(std::size_t n, const std::function<void(std::size_t, std::size_t)>& body,
                 int threads) {
  if (n == 0) return;
  std::size_t t = threads > 0 ? static_cast<std::size_t>(threads)
                              : std::max(1u, std::thread::hardware_concurrency());
  t = std::min(t, n);
  if (t == 1) {
    body(0, n);
    return;
  }
  std::mutex mutex;
  std::exception_ptr first;
  auto run = [&](std::size_t k) {
    const std::size_t begin = n * k / t, end = n * (k + 1) / t;
    try {
      body(begin, end);
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex);
      if (!first) first = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(t - 1);
  for (std::size_t k = 1; k < t; ++k) pool.emplace_back(run, k);
  run(0);
  for (auto& th : pool) th.join();
  if (first) std::rethrow_exception(first);
}

}  // namespace poisonlab
