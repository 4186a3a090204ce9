// Benchmark: inference throughput (class probabilities and one layer's activations, the
// engine's own calls: classProbabilities and layerActivations) against the images per forward
// pass, in fp32 (what analysis uses) and in the automatic precision, side by side in rounds so a
// machine changing speed shows in every column. The batch the engine picks by itself
// (InferenceOptions::batch = 0, nn::inferenceBatch: each thread's share of the widest layer
// within one core's L2 cache) is marked, to check that rule on a new machine.
// usage: bench_infer [--model M.pt] [--data CIFAR] [--images N] [--batches 8,16,...]
//                    [--layer pool] [--rounds R] [--threads N]
//   --model: a trained model file (default: a freshly initialised resnet8 w32, the default
//   network); --data: the real test split (default: random images).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "core/data/cifar_loader.h"
#include "core/nn/runtime.h"
#include "core/train/inference.h"
#include "test_data.h"

using namespace poisonlab;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

std::vector<int> parseList(const std::string& s) {
  std::vector<int> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');) out.push_back(std::atoi(item.c_str()));
  return out;
}

}  // namespace

int run(int argc, char** argv) {
  std::string modelPath, dataPath, layer = "pool";
  int images = 5000, rounds = 2, threads = 0;
  std::vector<int> batches{8, 16, 32, 64, 128, 256, 500};
  for (int i = 1; i < argc; i += 2) {
    const std::string k = argv[i];
    if (i + 1 >= argc) {
      std::fprintf(stderr, "%s needs a value\n", k.c_str());
      return 2;
    }
    const std::string v = argv[i + 1];
    if (k == "--model")
      modelPath = v;
    else if (k == "--data")
      dataPath = v;
    else if (k == "--images")
      images = std::atoi(v.c_str());
    else if (k == "--batches")
      batches = parseList(v);
    else if (k == "--layer")
      layer = v;
    else if (k == "--rounds")
      rounds = std::atoi(v.c_str());
    else if (k == "--threads")
      threads = std::atoi(v.c_str());
    else {
      std::fprintf(stderr, "unknown option %s\n", k.c_str());
      return 2;
    }
  }
  if (images < 1 || rounds < 1 || batches.empty()) {
    std::fprintf(stderr, "--images, --rounds and --batches must be positive\n");
    return 2;
  }
  batches.insert(batches.begin(), 0);  // 0: the engine's own choice

  const std::string tmpModel =
      (std::filesystem::temp_directory_path() / "poisonlab-bench-infer.pt").string();
  if (modelPath.empty()) {
    torch::manual_seed(0);
    nn::ResNet fresh = nn::makeModel(ModelSpec{"resnet8", 32});
    nn::saveModel(fresh, tmpModel);
    modelPath = tmpModel;
  }
  const ModelSpec spec = modelSpecOf(modelPath);
  Split split;
  if (dataPath.empty()) {
    split = bench::randomSplit(static_cast<std::size_t>(images));
  } else {
    split = loadDataset(dataPath).test;
    const auto n = std::min(split.count(), static_cast<std::size_t>(images));
    split.images.resize(n * kImageBytes);  // the first n test images
    split.labels.resize(n);
  }
  std::vector<std::int64_t> idx(split.count());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = static_cast<std::int64_t>(i);

  const long l2 = sysconf(_SC_LEVEL2_CACHE_SIZE);
  std::printf("bench_infer: %s, %zu %s images, layer %s, L2 %ld KiB per core, bf16 native: %s\n",
              spec.describe().c_str(), split.count(), dataPath.empty() ? "random" : "test",
              layer.c_str(), l2 / 1024, cpuHasFastBf16() ? "yes" : "no");
  for (const Precision precision : {Precision::Fp32, Precision::Auto}) {
    const nn::Runtime rt = nn::chooseRuntime("cpu", precision, threads);
    const int chosen = nn::inferenceBatch(rt, spec.width);
    std::printf("\n%s (%d threads): the engine picks batch %d\n", rt.bf16 ? "bf16 (auto)" : "fp32",
                rt.threads, chosen);
    // rounds outside, batches inside: a machine changing speed shows in every row alike
    std::vector<std::vector<std::pair<double, double>>> rates(batches.size());
    for (int r = 0; r < rounds; ++r)
      for (std::size_t k = 0; k < batches.size(); ++k) {
        InferenceOptions o;
        o.precision = precision;
        o.threads = threads;
        o.batch = batches[k];
        if (r == 0)  // warm-up: oneDNN picks and caches its kernels for this shape
          classProbabilities(modelPath, split,
                             {idx.begin(), idx.begin() + std::min<std::size_t>(idx.size(), 512)},
                             o);
        auto t = Clock::now();
        classProbabilities(modelPath, split, idx, o);
        const double probs = double(idx.size()) / seconds(t);
        t = Clock::now();
        layerActivations(modelPath, split, layer, idx, o);
        rates[k].emplace_back(probs, double(idx.size()) / seconds(t));
      }
    std::printf("  %-9s %s\n", "batch", "probabilities / activations, images/s, per round");
    for (std::size_t k = 0; k < batches.size(); ++k) {
      const std::string name =
          batches[k] == 0 ? "auto=" + std::to_string(chosen) : std::to_string(batches[k]);
      std::printf("  %-9s", name.c_str());
      for (const auto& [p, a] : rates[k]) std::printf("  %6.0f / %6.0f", p, a);
      std::printf("\n");
    }
    std::fflush(stdout);
  }
  std::filesystem::remove(tmpModel);
  return 0;
}

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {  // a bad --model or --data names the file
    std::fprintf(stderr, "bench_infer: %s\n", e.what());
    return 1;
  }
}
