// cuda_check: does the engine train, evaluate, detect and unlearn on a CUDA device as it does
// on the CPU? On the tests' synthetic task (four colour classes, a one-pixel white trigger on a
// quarter of class 0, relabelled 1): train the same recipe on the CPU (fp32), on CUDA in fp32
// and in bf16; each must learn the clean task and the backdoor; a CUDA-trained model file must
// give the same evaluation on the CPU; class probabilities on CUDA and CPU must agree; Spectral
// Signatures and influence on CUDA must find the poisons and rank them as on the CPU; SSD on
// CUDA must remove the backdoor as on the CPU. Then the default pipeline's time on CUDA over
// 50,000 random images (the GPU machine has no JPEG decoder): the default training, both
// detectors, SSD. Exit status 0 = all checks hold. (Activation Clustering's k-means is
// OpenCV's, which the engine-only build leaves out; its activations are the same code.)
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include <fstream>
#include <numeric>

#include "core/data/cifar_loader.h"
#include "core/detect/detect.h"
#include "core/detect/detector_parts.h"
#include "core/unlearn/forget_set.h"
#include "core/unlearn/unlearn.h"
#include "core/util/error.h"
#include "core/util/md5.h"
#include "core/train/inference.h"
#include "core/util/rng.h"
#include "core/train/training.h"
#include "tests/synthetic_tasks.h"

namespace poisonlab {
// The engine-only build has no file loaders (OpenCV, libarchive); nothing here reads files.
Dataset loadDataset(const std::string& path, const ProgressFn&, const CancelToken*) {
  throw Error(path + ": loading data sets is not part of the engine-only build");
}
// Nor OpenSSL: the caches' key here is a 128-bit FNV-1a of the file (the real build: MD5).
std::string md5OfText(const std::string& text) {
  std::uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
  for (unsigned char c : text) {
    a = (a ^ c) * 0x100000001b3ULL;
    b = (b ^ c) * 0x100000001b3ULL + 0x9e37;
  }
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(a),
                static_cast<unsigned long long>(b));
  return hex;
}
std::string md5OfFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot read");
  return md5OfText(std::string(std::istreambuf_iterator<char>(in), {}));
}
namespace detail {
// Nor OpenCV's k-means.
void runActivationClustering(const std::string&, const PoisonedDataset&, const DetectRequest&,
                             const std::string&, DetectionReport&, Collector&, ClassFigures&,
                             const ProgressFn&, const CancelToken*) {
  throw Error("activation clustering is not part of the engine-only build (OpenCV)");
}
}  // namespace detail
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

int main() try {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // piped to tee: every line out as it is written
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

  // Detectors on CUDA: the same poisons found, ranked as on the CPU.
  const std::string cudaRun = (tmp / "cuda-fp32").string();
  for (DetectorMethod m : {DetectorMethod::Spectral, DetectorMethod::Influence}) {
    DetectRequest onCpuReq, onCudaReq;
    onCpuReq.method = onCudaReq.method = m;
    onCudaReq.inference.device = "cuda";
    const auto t = std::chrono::steady_clock::now();
    const DetectionReport g = runDetector(cudaRun, pd, onCudaReq);
    const double gs = seconds(t);
    const DetectionReport c = runDetector(cudaRun, pd, onCpuReq);
    double mc = 0, mg = 0;
    for (std::size_t k = 0; k < c.scores.size(); ++k) {
      mc += c.scores[k];
      mg += g.scores[k];
    }
    mc /= double(c.scores.size());
    mg /= double(g.scores.size());
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t k = 0; k < c.scores.size(); ++k) {
      sxy += (c.scores[k] - mc) * (g.scores[k] - mg);
      sxx += (c.scores[k] - mc) * (c.scores[k] - mc);
      syy += (g.scores[k] - mg) * (g.scores[k] - mg);
    }
    const double r = sxy / std::sqrt(std::max(1e-300, sxx * syy));
    std::printf("%s on CUDA: AUROC %.4f (CPU %.4f), scores r = %.6f, %.2f s\n", toString(m),
                g.overall.auroc, c.overall.auroc, r, gs);
    check(g.overall.auroc > 0.9, "the detector on CUDA finds the poisons (AUROC > 0.9)");
    check(r > 0.999, "its scores on CUDA and on the CPU agree (r > 0.999)");
  }

  // SSD on CUDA does what it does on the CPU (on this four-class toy task the default alpha
  // dampens the clean task too: the point is that both devices agree and the backdoor goes).
  EvalReport ssdAfter[2];
  int ssdAt = 0;
  for (const char* device : {"cuda", "cpu"}) {
    UnlearnRequest u;
    u.method = UnlearnMethod::Ssd;
    u.forget = resolveForgetSet("ground-truth", cudaRun, pd);
    u.device = device;
    u.precision = Precision::Fp32;
    u.name = std::string("ssd-") + device;
    const UnlearnResult res = unlearn(cudaRun, pd, u);
    std::printf("SSD on %s: ASR %.3f -> %.3f, clean %.3f -> %.3f, %.2f s\n", device, res.before.asr,
                res.after.asr, res.before.cleanAcc, res.after.cleanAcc, res.seconds);
    check(res.after.asr < 0.2, "SSD removes the backdoor (ASR < 0.2)");
    ssdAfter[ssdAt++] = res.after;
  }
  check(std::abs(ssdAfter[0].asr - ssdAfter[1].asr) < 0.02 &&
            std::abs(ssdAfter[0].cleanAcc - ssdAfter[1].cleanAcc) < 0.02,
        "SSD on CUDA gives what it gives on the CPU (ASR and clean within 0.02)");

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
    for (Precision prec : {Precision::Fp32, Precision::Bf16}) {
      // The whole default pipeline: training (the default recipe), Spectral Signatures and
      // influence on the trained model (the second reads the first's cached activations),
      // SSD on every poison.
      const std::string run = (tmp / (std::string("pipeline-") + toString(prec))).string();
      const auto start = std::chrono::steady_clock::now();
      TrainConfig d;  // the default recipe
      d.device = "cuda";
      d.precision = prec;
      const TrainResult r = trainModel(big, d, run);
      const double trainS = seconds(start);
      double detectS[2] = {0, 0};
      int k = 0;
      for (DetectorMethod m : {DetectorMethod::Spectral, DetectorMethod::Influence}) {
        DetectRequest q;
        q.method = m;
        q.inference.device = "cuda";
        q.inference.precision = prec;
        const auto t = std::chrono::steady_clock::now();
        runDetector(run, big, q);
        detectS[k++] = seconds(t);
      }
      UnlearnRequest u;
      u.method = UnlearnMethod::Ssd;
      u.forget = resolveForgetSet("ground-truth", run, big);
      u.device = "cuda";
      u.precision = prec;
      const auto t = std::chrono::steady_clock::now();
      unlearn(run, big, u);
      const double ssdS = seconds(t);
      std::printf(
          "default pipeline on CUDA (%s): training %d epochs %.1f s (%.0f images/s, last epoch "
          "%.1f s with evaluation), spectral %.1f s, influence %.1f s, SSD %.1f s; whole "
          "pipeline %.1f s\n",
          r.precisionUsed.c_str(), d.epochs, trainS, r.history.back().imagesPerSecond,
          r.history.back().seconds, detectS[0], detectS[1], ssdS, seconds(start));
    }
  }
  std::printf("%s: %d check(s) failed\n", failures ? "FAILED" : "PASSED", failures);
  return failures ? 1 : 0;
} catch (const std::exception& e) {
  std::printf("FAILED: %s\n", e.what());
  return 1;
}
