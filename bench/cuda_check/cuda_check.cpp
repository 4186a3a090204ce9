// cuda_check: does the engine train, evaluate and classify on a CUDA device as it does on the
// CPU? On the tests' synthetic task (four colour classes, a one-pixel white trigger on a quarter
// of class 0, relabelled 1): train the same recipe on the CPU (fp32), on CUDA in fp32 and in
// bf16; each must learn the clean task and the backdoor; a CUDA-trained model file must give
// the same evaluation on the CPU; class probabilities on CUDA and CPU must agree. Then the
// default recipe's throughput on CUDA over 50,000 random images. Exit status 0 = all checks hold.
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "core/data/cifar_loader.h"
#include "core/util/error.h"
#include "core/train/inference.h"
#include "core/util/rng.h"
#include "core/train/training.h"
#include "tests/synthetic_tasks.h"

namespace poisonlab {
// The engine-only build has no file loaders (OpenCV, libarchive); nothing here reads files.
Dataset loadDataset(const std::string& path, const ProgressFn&, const CancelToken*) {
  throw Error(path + ": loading data sets is not part of the engine-only build");
}
}  // namespace poisonlab

using namespace poisonlab;
namespace fs = std::filesystem;

namespace {

int failures = 0;
void check(bool ok, const char* what) {
  std::printf("%s %s\n", ok ? "  ok  " : "  FAIL", what);
  if (!ok) ++failures;
}

double seconds(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main() {
  std::printf("LibTorch %s, CUDA available: %d, devices: %d\n", TORCH_VERSION,
              int(torch::cuda::is_available()), int(torch::cuda::device_count()));
  if (!torch::cuda::is_available()) return 2;
  const fs::path tmp = fs::temp_directory_path() / "poisonlab-cuda-check";
  fs::remove_all(tmp);
  TriggerSpec white;
  white.color = {255, 255, 255};
  PoisonSpec spec;
  spec.source = 0;
  spec.target = 1;
  spec.count = 64;
  spec.seed = 3;
  const PoisonedDataset pd = applyPoison(colourDataset(256, 16), white, spec);
  TrainConfig c;
  c.model.arch = "resnet8";
  c.model.width = 32;
  c.epochs = 12;
  c.batchSize = 32;
  c.lr = 0.05;
  c.augment = Augment::None;

  struct Variant {
    const char* name;
    const char* device;
    Precision precision;
  };
  std::vector<std::pair<std::string, TrainResult>> results;
  for (const Variant& v :
       {Variant{"cpu-fp32", "cpu", Precision::Fp32}, Variant{"cuda-fp32", "cuda", Precision::Fp32},
        Variant{"cuda-bf16", "cuda", Precision::Bf16}}) {
    TrainConfig vc = c;
    vc.device = v.device;
    vc.precision = v.precision;
    const auto t = std::chrono::steady_clock::now();
    const TrainResult r = trainModel(pd, vc, (tmp / v.name).string());
    std::printf("%-9s clean %.3f  ASR %.3f  poisons fitted %.3f  %.1f s (%s, device %s)\n", v.name,
                r.final.cleanAcc, r.final.asr, r.final.poisonFit, seconds(t),
                r.precisionUsed.c_str(), r.device.c_str());
    check(r.final.cleanAcc > 0.95, "learns the clean task (clean accuracy > 0.95)");
    check(r.final.asr > 0.8, "learns the planted backdoor (ASR > 0.8)");
    results.emplace_back(v.name, r);
  }

  // A CUDA-trained model file evaluates the same on the CPU.
  const std::string cudaModel = modelPath((tmp / "cuda-fp32").string());
  const EvalReport onCpu = evaluateModelFile(cudaModel, pd, "cpu", Precision::Fp32);
  const EvalReport onCuda = evaluateModelFile(cudaModel, pd, "cuda", Precision::Fp32);
  std::printf(
      "cuda-fp32 model evaluated: on CPU clean %.4f ASR %.4f, on CUDA clean %.4f ASR %.4f\n",
      onCpu.cleanAcc, onCpu.asr, onCuda.cleanAcc, onCuda.asr);
  check(
      std::abs(onCpu.cleanAcc - onCuda.cleanAcc) < 0.01 && std::abs(onCpu.asr - onCuda.asr) < 0.02,
      "a CUDA-trained model evaluates the same on the CPU");
  InferenceOptions cpuOpt, cudaOpt;
  cudaOpt.device = "cuda";
  const auto pc = classProbabilities(cudaModel, pd.train, {}, cpuOpt);
  const auto pg = classProbabilities(cudaModel, pd.train, {}, cudaOpt);
  double maxDiff = 0;
  for (std::size_t i = 0; i < pc.size(); ++i)
    maxDiff = std::max(maxDiff, double(std::abs(pc[i] - pg[i])));
  std::printf("class probabilities, CUDA vs CPU: max |difference| %.2e over %zu values\n", maxDiff,
              pc.size());
  check(maxDiff < 1e-3, "class probabilities agree (fp32, < 1e-3)");

  // Throughput of the default recipe on CUDA: one epoch over 50,000 random images.
  {
    auto ds = std::make_shared<Dataset>();
    for (int k = 0; k < 10; ++k) ds->classNames.push_back("c" + std::to_string(k));
    ds->train.resize(50000);
    ds->test.resize(1000);
    Rng rng(7);
    for (Split* s : {&ds->train, &ds->test}) {
      for (auto& b : s->images) b = static_cast<std::uint8_t>(rng.next());
      for (auto& l : s->labels) l = static_cast<std::uint8_t>(rng.below(10));
    }
    PoisonSpec p;  // the log's: 500 trucks -> deer
    const PoisonedDataset big = applyPoison(ds, TriggerSpec{}, p);
    for (Precision prec : {Precision::Bf16, Precision::Fp32}) {
      TrainConfig d;  // the default recipe
      d.epochs = 2;
      d.device = "cuda";
      d.precision = prec;
      const TrainResult r =
          trainModel(big, d, (tmp / (std::string("speed-") + toString(prec))).string());
      std::printf(
          "default recipe on CUDA (%s): epoch 2 at %.0f images/s, %.1f s per epoch with "
          "evaluation\n",
          r.precisionUsed.c_str(), r.history.back().imagesPerSecond, r.history.back().seconds);
    }
  }
  std::printf("%s: %d check(s) failed\n", failures ? "FAILED" : "PASSED", failures);
  return failures ? 1 : 0;
}
