// Benchmark: does bf16 change what the detectors and SSD conclude? On a trained run, every
// detector scores the training set with its features computed in bf16 and in fp32, and SSD's
// Fisher importances are computed both ways; prints Spearman's rank correlation of the scores,
// the Jaccard index of the flagged sets and of SSD's dampened-weight sets, and the times.
// Writes nothing into the run. Needs a CPU with native bf16 to mean anything (it says so).
// usage: bench_precision --run RUN [--data PATH] [--fraction 0.1]
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

#include "core/detect/detect.h"
#include "core/run/run_folder.h"
#include "core/train/training.h"
#include "core/unlearn/unlearn.h"
#include "core/util/error.h"
#include "core/util/stopwatch.h"

using namespace poisonlab;

namespace {

DetectRequest request(DetectorMethod m, Precision p) {
  DetectRequest r;
  r.method = m;
  r.inference.precision = p;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  std::string run, data;
  double fraction = 0.1;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--run") == 0 && i + 1 < argc)
      run = argv[++i];
    else if (std::strcmp(argv[i], "--data") == 0 && i + 1 < argc)
      data = argv[++i];
    else if (std::strcmp(argv[i], "--fraction") == 0 && i + 1 < argc)
      fraction = std::stod(argv[++i]);
  }
  if (run.empty()) {
    std::fprintf(stderr, "usage: bench_precision --run RUN [--data PATH] [--fraction 0.1]\n");
    return 2;
  }
  try {
    const PoisonedDataset pd = openRun(run, data);
    std::printf("bench_precision: %s, %u hardware threads, native bf16: %s\n", run.c_str(),
                std::thread::hardware_concurrency(), cpuHasFastBf16() ? "yes" : "NO (emulated)");
    std::printf("%-24s %9s %9s %9s %9s %9s %9s\n", "detector", "spearman", "jaccard", "flag bf16",
                "flag fp32", "s bf16", "s fp32");
    for (DetectorMethod m : {DetectorMethod::Spectral, DetectorMethod::ActivationClustering,
                             DetectorMethod::Influence}) {
      const DetectionReport b = runDetector(run, pd, request(m, Precision::Bf16));
      const DetectionReport f = runDetector(run, pd, request(m, Precision::Fp32));
      std::size_t fb = 0, ff = 0;
      for (auto v : b.flagged) fb += v;
      for (auto v : f.flagged) ff += v;
      std::printf("%-24s %9.4f %9.4f %9zu %9zu %9.1f %9.1f\n", b.name.c_str(),
                  spearman(b.scores, f.scores), jaccard(b.flagged, f.flagged), fb, ff, b.seconds,
                  f.seconds);
      std::printf("%-24s recall bf16 %.3f fp32 %.3f, AUROC bf16 %.4f fp32 %.4f\n", "",
                  b.overall.recall, f.overall.recall, b.overall.auroc, f.overall.auroc);
    }
    // SSD: the forget set (a seeded fraction of the poisons, both orientations as training saw
    // them) and the whole training set (random flips), in each precision.
    UnlearnRequest r;
    r.forget = resolveForgetSet(
        fraction >= 1 ? "ground-truth" : "ground-truth:" + std::to_string(fraction), run, pd);
    Importances forget[2], full[2];
    double seconds[2];
    const Precision precisions[2] = {Precision::Bf16, Precision::Fp32};
    for (int k = 0; k < 2; ++k) {
      r.precision = precisions[k];
      const auto t0 = Clock::now();
      forget[k] = fisherImportances(modelPath(run), pd.train, r.forget.indices,
                                    fisherOptionsFor(run, r, true));
      std::vector<std::int64_t> all(pd.train.count());
      for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<std::int64_t>(i);
      full[k] = fisherImportances(modelPath(run), pd.train, all, fisherOptionsFor(run, r, false));
      seconds[k] = since(t0);
    }
    std::printf("SSD importances (forget %zu samples): %.1f s bf16, %.1f s fp32\n",
                r.forget.indices.size(), seconds[0], seconds[1]);
    for (double alpha : {1.0, 5.0, 10.0, 20.0, 50.0}) {
      const auto sb = selectedParameters(full[0], forget[0], alpha);
      const auto sf = selectedParameters(full[1], forget[1], alpha);
      std::printf("  alpha %4g: dampened bf16 %6zu, fp32 %6zu, Jaccard %.4f\n", alpha, sb.size(),
                  sf.size(), jaccard(sb, sf));
    }
    std::vector<double> fb, ff;
    for (std::size_t p = 0; p < full[0].size(); ++p)
      for (std::size_t i = 0; i < full[0][p].size(); ++i) {
        fb.push_back(double(forget[0][p][i]) / (double(full[0][p][i]) + 1e-30));
        ff.push_back(double(forget[1][p][i]) / (double(full[1][p][i]) + 1e-30));
      }
    std::printf("  Spearman of I_forget / I_full over %zu values: %.4f\n", fb.size(),
                spearman(fb, ff));
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_precision: %s\n", e.what());
    return 1;
  }
}
