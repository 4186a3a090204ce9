// Benchmark: load all 60,000 CIFAR-10 images from the shared archive (or any path given).
// usage: bench_load [PATH] [--repeat N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include "core/data/cifar_loader.h"
#include "core/util/error.h"

int main(int argc, char** argv) {
  std::string path = POISONLAB_SHARED_ARCHIVE;
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
      repeat = std::atoi(argv[++i]);
    else
      path = argv[i];
  }
  std::printf("bench_load: %s, %u hardware threads, %d repeats\n", path.c_str(),
              std::thread::hardware_concurrency(), repeat);
  double best = 1e30, total = 0;
  for (int r = 0; r < repeat; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    try {
      const auto ds = poisonlab::loadDataset(path);
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::printf("  run %d: %zu train + %zu test images in %.3f s (%.0f images/s)\n", r + 1,
                  ds.train.count(), ds.test.count(), s,
                  double(ds.train.count() + ds.test.count()) / s);
      best = std::min(best, s);
      total += s;
    } catch (const poisonlab::Error& e) {
      std::fprintf(stderr, "bench_load: %s\n", e.what());
      return 1;
    }
  }
  std::printf("best %.3f s, mean %.3f s\n", best, total / repeat);
  return 0;
}
