/// Fuzz target: the records of a run folder, read by the real readers. The input's first line
/// names the record; the rest holds its files, cut at "%%FILE%%" lines (fuzz_support.h):
///   experiment   experiment.json, poison.csv   opened against a small data set (60 + 20)
///   metrics      metrics.json                  the training record and its settings
///   detection    detect/NAME.json, NAME.csv    a detector's record and scores
///   unlearn      unlearn/NAME.json             an unlearning record
/// What a reader accepts must hold together (the shapes the views index by).
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "core/attack/poison.h"
#include "core/detect/detect.h"
#include "core/run/run_folder.h"
#include "core/run/train_report.h"
#include "core/unlearn/unlearn.h"
#include "fuzz/fuzz_support.h"

using namespace poisonlab;

namespace {

void checkSquare(const std::vector<std::vector<int>>& m, std::size_t n) {
  if (m.empty()) return;
  if (m.size() != n) std::abort();
  for (const auto& row : m)
    if (row.size() != n) std::abort();
}

void checkReport(const EvalReport& r, std::size_t classes) {
  checkSquare(r.confusion, classes);
  checkSquare(r.confusionTriggered, classes);
  for (const auto* v : {&r.perClassAcc, &r.perClassAccTriggered, &r.targetRateTriggered})
    if (!v->empty() && v->size() != classes) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t eol = input.find('\n');
  if (eol == std::string_view::npos) return 0;
  const std::string_view kind = input.substr(0, eol);
  const auto files = fuzz::splitFiles(input.substr(eol + 1));
  const std::string run = fuzz::freshScratch() + "/run";
  auto file = [&](std::size_t i) { return i < files.size() ? files[i] : std::string_view(); };

  if (kind == "experiment") {
    fuzz::writeFile(experimentPath(run), file(0));
    if (files.size() > 1) fuzz::writeFile(poisonCsvPath(run), file(1));
    static const auto clean = std::make_shared<const Dataset>(fuzz::smallDataset(60, 20));
    fuzz::expectErrorOnly("readExperiment", [&] { readExperiment(run); });
    fuzz::expectErrorOnly("readPoisonCsv", [&] { readPoisonCsv(run); });
    fuzz::expectErrorOnly("openRun", [&] {
      const PoisonedDataset pd = openRun(run, clean);
      if (pd.train.count() != clean->train.count()) std::abort();
      if (pd.poisonedMask.size() != pd.train.count()) std::abort();
      for (std::size_t i : pd.poisonedIndices)
        if (i >= pd.train.count() || !pd.poisonedMask[i]) std::abort();
      for (auto l : pd.train.labels)
        if (l >= clean->numClasses()) std::abort();
      if (pd.triggeredTest.count() != pd.triggeredTestIndices.size()) std::abort();
    });
  } else if (kind == "metrics") {
    fuzz::writeFile(run + "/metrics.json", file(0));
    fuzz::expectErrorOnly("readTrainConfig", [&] { readTrainConfig(run); });
    fuzz::expectErrorOnly("readTrainResult", [&] {
      const TrainResult r = readTrainResult(run);
      checkReport(r.final, r.final.confusion.size());
      if (!r.final.confusion.empty() && !r.final.confusionTriggered.empty() &&
          r.final.confusion.size() != r.final.confusionTriggered.size())
        std::abort();
    });
  } else if (kind == "detection") {
    fuzz::writeFile(detectDir(run) + "/x.json", file(0));
    fuzz::writeFile(detectDir(run) + "/x.csv", file(1));
    fuzz::expectErrorOnly("listDetections", [&] { listDetections(run); });
    fuzz::expectErrorOnly("readDetection", [&] {
      const DetectionReport r = readDetection(run, "x");
      const std::size_t n = r.indices.size();
      if (r.labels.size() != n || r.scores.size() != n || r.flagged.size() != n ||
          r.poisoned.size() != n)
        std::abort();
      for (std::size_t i = 1; i < n; ++i)
        if (r.indices[i] <= r.indices[i - 1]) std::abort();
      for (const auto& [name, column] : r.columns)
        if (column.size() != n) std::abort();
    });
  } else if (kind == "unlearn") {
    const std::string path = unlearnDir(run) + "/x.json";
    fuzz::writeFile(path, file(0));
    fuzz::expectErrorOnly("readUnlearnResult", [&] {
      const UnlearnResult r = readUnlearnResult(path);
      checkReport(r.before, r.before.confusion.size());
      checkReport(r.after, r.after.confusion.size());
    });
  }
  return 0;
}
