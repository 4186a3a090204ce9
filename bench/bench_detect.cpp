// Benchmark: every detector on a trained run, side by side in one process, with the figures
// the detector issue asks for (precision, recall, AUROC, recall@k, runtime). Writes nothing
// into the run but its activation cache (RUN/cache/activations-*, which every detector shares:
// the first detector on a model computes it, the others read it).
// usage: bench_detect --run RUN [--data PATH] [--precision auto|fp32] [--network] [--cold]
//   --network adds the full-network influence (stage3 + fc, CG) on the target class.
//   --cold empties the model's cache before every detector: each runs from scratch.
//   --defaults runs the four detectors with their default settings only.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>

#include "core/detect/detect.h"
#include "core/util/md5.h"
#include "core/util/error.h"
#include "core/run/run_folder.h"
#include "core/train/training.h"

using namespace poisonlab;

int main(int argc, char** argv) {
  std::string run, data;
  Precision precision = Precision::Auto;
  bool network = false, cold = false, defaultsOnly = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--run") == 0 && i + 1 < argc)
      run = argv[++i];
    else if (std::strcmp(argv[i], "--data") == 0 && i + 1 < argc)
      data = argv[++i];
    else if (std::strcmp(argv[i], "--precision") == 0 && i + 1 < argc)
      precision = parsePrecision(argv[++i], "--precision");
    else if (std::strcmp(argv[i], "--network") == 0)
      network = true;
    else if (std::strcmp(argv[i], "--cold") == 0)
      cold = true;
    else if (std::strcmp(argv[i], "--defaults") == 0)
      defaultsOnly = true;
  }
  if (run.empty()) {
    std::fprintf(stderr,
                 "usage: bench_detect --run RUN [--data PATH] [--precision P] [--network]\n");
    return 2;
  }
  try {
    const PoisonedDataset pd = openRun(run, data);
    std::printf("bench_detect: %s, %zu training images, %u hardware threads, precision %s\n",
                run.c_str(), pd.train.count(), std::thread::hardware_concurrency(),
                toString(precision));
    struct Row {
      const char* label;
      DetectRequest request;
    };
    std::vector<Row> rows;
    auto add = [&](const char* label, DetectorMethod m) {
      Row r{label, {}};
      r.request.method = m;
      r.request.inference.precision = precision;
      rows.push_back(r);
      return &rows.back().request;
    };
    add("Spectral Signatures (last block input, 1.5 eps n, eps 0.1)", DetectorMethod::Spectral);
    add("Spectral Signatures (pooled penultimate)", DetectorMethod::Spectral)->pooledSpectral =
        true;
    add("Activation Clustering (pool, PCA 10, silhouette)", DetectorMethod::ActivationClustering);
    add("Activation Clustering (pool, FastICA 10, silhouette)",
        DetectorMethod::ActivationClustering)
        ->ac.reduce = Reduction::Ica;
    add("Influence, classifier layer, renormalised", DetectorMethod::Influence);
    add("Influence, classifier layer, plain (Koh & Liang)", DetectorMethod::Influence)
        ->influence.normalize = InfluenceNormalization::None;
    add("Influence, classifier layer, RelatIF", DetectorMethod::Influence)->influence.normalize =
        InfluenceNormalization::Relative;
    add("Self-influence, classifier layer", DetectorMethod::Influence)->influence.self = true;
    add("Confident learning (probe on pooled features, 5 folds)",
        DetectorMethod::ConfidentLearning);
    if (defaultsOnly) rows = {rows[0], rows[2], rows[4], rows[8]};
    if (network) {
      DetectRequest* r =
          add("Influence, stage3+fc, CG 30, damping 1, target class", DetectorMethod::Influence);
      r->influence.network = true;
      r->influence.normalize = InfluenceNormalization::None;
      r->influence.damping = 1;
      r->influence.net.layers = {"stage3", "fc"};
      r->influence.net.cgIterations = 30;
      r->influence.candidateClass = pd.spec.target;
    }
    std::printf(
        "\n| detector | flagged | precision | recall | AUROC | recall@k | k | "
        "target-class precision / recall | seconds (activations) |\n"
        "|---|---|---|---|---|---|---|---|---|\n");
    for (const auto& row : rows) {
      if (cold) {
        // What a first detector on this model finds: no activations, headline or predictions.
        std::error_code ec;
        const std::string md5 = md5OfFile(modelPath(run));
        for (const auto& e : std::filesystem::directory_iterator(run + "/cache", ec))
          if (e.path().filename().string().find(md5) != std::string::npos)
            std::filesystem::remove(e.path(), ec);
      }
      const DetectionReport rep = runDetector(run, pd, row.request);
      const DetectionMetrics& m = rep.overall;
      const DetectionMetrics* t = nullptr;
      for (const auto& c : rep.classes)
        if (c.cls == pd.spec.target) t = &c.metrics;
      std::printf("| %s | %zu | %.3f | %.3f | %.4f | %.3f | %zu | %.3f / %.3f | %.1f (%.1f) |\n",
                  row.label, m.flagged, m.precision, m.recall, m.auroc, m.recallAtK, m.k,
                  t ? t->precision : 0.0, t ? t->recall : 0.0, rep.seconds, rep.featureSeconds);
      for (const auto& [k, v] : rep.figures)
        if (k.find("seconds") != std::string::npos) std::printf("|   %s %.2f |\n", k.c_str(), v);
      std::fflush(stdout);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_detect: %s\n", e.what());
    return 1;
  }
  return 0;
}
