// Benchmark: ResNet training throughput on this machine (median step), fp32 NCHW and fp32
// channels-last (what --precision fp32 uses) against the automatic
// precision (bf16 autocast + channels-last where the CPU has native bf16), and the cost of the
// data pipeline (gather + crop + flip + normalise) for one epoch.
// Last, one whole training epoch through trainModel (gather, augmentation, steps, bookkeeping)
// on 50,000 random images, to compare with the bare step rate.
// usage: bench_train [--arch resnet20] [--width 16] [--batch 128] [--steps 30] [--threads N]
//                    [--augment none|flip|crop+flip] [--no-epoch] [--real CIFAR] [--rounds N]
//                    [--side 24]  (the same steps on side x side crops too, side by side: the
//                    recipe's small-crop epochs)
//                    [--profile TRACE.json]  (the fp32 NCHW steps once more under the autograd
//                    profiler: a chrome trace, to compare op by op with the PyTorch peer's)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include <torch/csrc/autograd/profiler_legacy.h>

#include "core/data/cifar_loader.h"
#include "core/nn/batches.h"
#include "core/nn/runtime.h"
#include "core/attack/poison.h"
#include "core/train/training.h"
#include "test_data.h"

using namespace poisonlab;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

/// Images per second of forward + backward + SGD step on one fixed batch.
double stepThroughput(const ModelSpec& spec, Precision precision, bool channelsLast, int batch,
                      int steps, int threads, const Split& data, std::string& label,
                      const std::string& profilePath = {}, int side = kImageSide) {
  nn::Runtime rt = nn::chooseRuntime("cpu", precision, threads);
  rt.channelsLast = channelsLast;
  label = std::string(rt.bf16 ? "bf16" : "fp32") + (rt.channelsLast ? " channels-last" : " NCHW");
  torch::manual_seed(0);
  nn::ResNet model = nn::prepare(nn::makeModel(spec), rt);
  model->train();
  torch::optim::SGD opt(
      model->parameters(),
      torch::optim::SGDOptions(0.05).momentum(0.9).nesterov(true).weight_decay(5e-4));
  std::vector<std::int64_t> idx(static_cast<std::size_t>(batch));
  for (int i = 0; i < batch; ++i) idx[static_cast<std::size_t>(i)] = i;
  const torch::Tensor x = nn::makeBatch(data, idx.data(), batch, {}, rt.channelsLast, side);
  const torch::Tensor y = torch::randint(0, 10, {batch}, torch::kLong);
  auto step = [&] {
    opt.zero_grad();
    torch::Tensor logits;
    {
      nn::Autocast ac(rt);
      logits = model->forward(x);
    }
    torch::nn::functional::cross_entropy(logits.to(torch::kFloat32), y).backward();
    opt.step();
  };
  for (int i = 0; i < 5; ++i) step();  // warm-up: oneDNN picks and caches its kernels
  // The median step, as the PyTorch peer (../shared/peers/torch_resnet_bench.py) reports it.
  std::vector<double> times;
  for (int i = 0; i < steps; ++i) {
    const auto t = Clock::now();
    step();
    times.push_back(seconds(t));
  }
  std::sort(times.begin(), times.end());
  if (!profilePath.empty()) {
    torch::autograd::profiler::RecordProfile guard(profilePath);
    for (int i = 0; i < steps; ++i) step();
  }
  return double(batch) / times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  ModelSpec spec;
  int batch = 128, steps = 30, threads = 0;
  bool epoch = true;
  std::string realPath, profilePath;
  int rounds = 1, side = kImageSide;
  Augment augment = TrainConfig{}.augment;  // the default recipe's
  for (int i = 1; i < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--no-epoch") {
      epoch = false;
      --i;
      continue;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "%s needs a value\n", k.c_str());
      return 2;
    }
    const std::string v = argv[i + 1];
    if (k == "--arch")
      spec.arch = v;
    else if (k == "--width")
      spec.width = std::atoi(v.c_str());
    else if (k == "--batch")
      batch = std::atoi(v.c_str());
    else if (k == "--steps")
      steps = std::atoi(v.c_str());
    else if (k == "--threads")
      threads = std::atoi(v.c_str());
    else if (k == "--augment")
      augment = parseAugment(v);
    else if (k == "--real")
      realPath = v;
    else if (k == "--rounds")
      rounds = std::atoi(v.c_str());
    else if (k == "--profile")
      profilePath = v;
    else if (k == "--side")
      side = std::atoi(v.c_str());
    else {
      std::fprintf(stderr, "unknown option %s\n", k.c_str());
      return 2;
    }
  }
  const Split data = bench::randomSplit(50000);
  std::printf("bench_train: %s, batch %d, %d timed steps, cpu bf16 native: %s\n",
              spec.describe().c_str(), batch, steps, cpuHasFastBf16() ? "yes" : "no");
  std::string label;
  const double fp32 =
      stepThroughput(spec, Precision::Fp32, false, batch, steps, threads, data, label, profilePath);
  std::printf("  train step %-22s %8.0f images/s\n", label.c_str(), fp32);
  const double fp32cl =
      stepThroughput(spec, Precision::Fp32, true, batch, steps, threads, data, label);
  std::printf("  train step %-22s %8.0f images/s  (--precision fp32; %.2fx NCHW)\n", label.c_str(),
              fp32cl, fp32cl / fp32);
  const double autoRate =
      stepThroughput(spec, Precision::Auto, true, batch, steps, threads, data, label);
  std::printf("  train step %-22s %8.0f images/s  (auto; %.2fx fp32 NCHW)\n", label.c_str(),
              autoRate, autoRate / fp32);
  if (side >= 8 && side < kImageSide) {
    // The same three on side x side crops, right after: what a small-crop epoch saves.
    const double ideal = double(kImageSide * kImageSide) / double(side * side);
    const struct {
      Precision precision;
      bool channelsLast;
      double whole;
    } rows[] = {{Precision::Fp32, false, fp32},
                {Precision::Fp32, true, fp32cl},
                {Precision::Auto, true, autoRate}};
    for (const auto& r : rows) {
      const double rate = stepThroughput(spec, r.precision, r.channelsLast, batch, steps, threads,
                                         data, label, {}, side);
      std::printf(
          "  train step %-22s %8.0f images/s  (%dx%d crops; %.2fx whole images, %.2fx by "
          "pixels)\n",
          label.c_str(), rate, side, side, rate / r.whole, ideal);
    }
  }

  // The data pipeline for one epoch of 50,000 images, crop + flip, channels-last.
  at::set_num_threads(threads > 0 ? threads : 2);
  Rng rng(1);
  std::vector<std::int64_t> order(50000);
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::int64_t>(i);
  const auto t = Clock::now();
  order = sampleWithoutReplacement(order, order.size(), rng);
  for (std::int64_t b = 0; b + batch <= 50000; b += batch)
    nn::makeBatch(data, order.data() + b, batch, nn::drawAugmentation(batch, true, true, rng),
                  true);
  const double pipe = seconds(t);
  const double epochSeconds = 50000.0 / autoRate;
  std::printf(
      "  pipeline, one epoch (shuffle, gather, crop+flip, normalise): %.3f s = %.1f %% of a %.1f s "
      "epoch\n",
      pipe, 100.0 * pipe / (epochSeconds + pipe), epochSeconds + pipe);
  if (!epoch) return 0;

  // Whole epochs through the trainer (gather, augmentation, steps, bookkeeping, the
  // between-epoch evaluation) against the bare step measured just before each, so that a
  // machine changing speed under us shows in both: on 50,000 random images and, with --real,
  // on the real data set, alternating.
  auto randomSet = std::make_shared<Dataset>();
  randomSet->classNames = cifar10ClassNames();
  randomSet->train = data;
  randomSet->test = bench::randomSplit(10000);
  std::vector<std::pair<std::string, std::shared_ptr<const Dataset>>> sets{{"random", randomSet}};
  if (!realPath.empty()) {
    const auto t0 = Clock::now();
    sets.emplace_back("real", std::make_shared<Dataset>(loadDataset(realPath)));
    std::printf("  loaded %s in %.1f s\n", realPath.c_str(), seconds(t0));
  }
  for (int round = 0; round < rounds; ++round)
    for (const auto& [name, set] : sets) {
      const double stepRate =
          stepThroughput(spec, Precision::Auto, true, batch, steps, threads, data, label);
      PoisonSpec poison;  // the log's: 500 trucks -> deer
      const PoisonedDataset pd = applyPoison(set, TriggerSpec{}, poison);
      TrainConfig config;
      config.model = spec;
      config.epochs = 1;
      config.batchSize = batch;
      config.threads = threads;
      config.augment = augment;
      const std::string dir =
          (std::filesystem::temp_directory_path() / "poisonlab-bench-train").string();
      std::filesystem::remove_all(dir);
      const TrainResult r = trainModel(pd, config, dir);
      std::filesystem::remove_all(dir);
      const EpochStats& e = r.history[0];
      const double trainSeconds =
          double(r.trainImages / std::size_t(batch) * std::size_t(batch)) / e.imagesPerSecond;
      std::printf(
          "  epoch on %-6s images (%s, %s): training %.0f images/s = %.3f x the bare step "
          "(%.0f images/s just before); epoch with evaluation %.1f s, of which evaluation and "
          "checkpoint %.1f s (%.1f %%)\n",
          name.c_str(), toString(augment), r.precisionUsed.c_str(), e.imagesPerSecond,
          e.imagesPerSecond / stepRate, stepRate, e.seconds, e.seconds - trainSeconds,
          100.0 * (e.seconds - trainSeconds) / e.seconds);
    }
  return 0;
}
