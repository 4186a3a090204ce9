#include "state/run_contents.h"

#include <algorithm>
#include <filesystem>

#include "core/run/train_report.h"
#include "core/util/error.h"

namespace poisonlab::gui {

namespace fs = std::filesystem;

namespace {

QString methodOfName(const std::string& name) {
  for (const char* m : {"ssd", "retrain", "finetune"})
    if (name.rfind(m, 0) == 0) return QString::fromLatin1(m);
  return QStringLiteral("unlearned");
}

}  // namespace

ModelVersion versionOf(const UnlearnResult& r, const std::string& runDir) {
  ModelVersion v;
  v.name = QString::fromStdString(r.name);
  v.method = methodOfName(r.name);
  const fs::path inRun = fs::path(unlearnDir(runDir)) / r.name / "model.pt";
  std::error_code ec;
  v.modelPath = QString::fromStdString(fs::exists(inRun, ec) ? inRun.string() : r.modelPath);
  v.recordPath = QString::fromStdString(r.jsonPath);
  v.eval = r.after;
  v.forgetSize = r.forgetSize;
  v.forgetPoisons = r.forgetPoisons;
  v.alpha = r.chosen.alpha;
  v.lambda = r.chosen.lambda;
  v.seconds = r.seconds;
  return v;
}

namespace {

/// Throws Error naming `file` when an evaluation's per-class figures are not for `classes`
/// classes: the views index them by the data's classes.
void checkClasses(const EvalReport& e, std::size_t classes, const std::string& file) {
  auto fits = [&](std::size_t n) { return n == 0 || n == classes; };
  bool ok = fits(e.perClassAcc.size()) && fits(e.perClassAccTriggered.size()) &&
            fits(e.targetRateTriggered.size()) && fits(e.confusion.size()) &&
            fits(e.confusionTriggered.size());
  for (const auto* m : {&e.confusion, &e.confusionTriggered})
    for (const auto& row : *m) ok = ok && row.size() == classes;
  if (!ok)
    throw Error(file + ": its per-class figures are not for the data's " + std::to_string(classes) +
                " classes");
}

}  // namespace

RunContents readRunContents(const std::string& dir, const PoisonedDataset& data) {
  RunContents c;
  const std::size_t classes = data.classNames().size();
  std::error_code ec;
  try {
    if (fs::exists(metricsPath(dir))) {
      c.config = readTrainConfig(dir);
      c.hasConfig = true;
      c.train = readTrainResult(dir);
      checkClasses(c.train->final, classes, metricsPath(dir));
    }
  } catch (const std::exception& e) {
    c.train.reset();
    c.problems << QString::fromStdString(e.what());
  }
  if (fs::exists(modelPath(dir), ec)) {
    ModelVersion original;
    original.name = QStringLiteral("original");
    original.method = QStringLiteral("trained");
    original.modelPath = QString::fromStdString(modelPath(dir));
    if (c.train) original.eval = c.train->final;
    c.versions.append(original);
  }
  for (const std::string& name : listDetections(dir)) {
    try {
      c.detections.push_back(
          std::make_shared<const DetectionReport>(readDetection(dir, name, &data)));
    } catch (const std::exception& e) {
      c.problems << QString::fromStdString(e.what());
    }
  }
  const fs::path udir = unlearnDir(dir);
  std::vector<fs::path> records;
  if (fs::is_directory(udir, ec))
    for (const auto& e : fs::directory_iterator(udir, ec))
      if (e.path().extension() == ".json") records.push_back(e.path());
  std::sort(records.begin(), records.end(), [](const fs::path& a, const fs::path& b) {
    std::error_code e1;
    return fs::last_write_time(a, e1) < fs::last_write_time(b, e1);
  });
  for (const auto& p : records) {
    try {
      const UnlearnResult r = readUnlearnResult(p.string());
      checkClasses(r.before, classes, p.string());
      checkClasses(r.after, classes, p.string());
      ModelVersion v = versionOf(r, dir);
      if (fs::exists(v.modelPath.toStdString(), ec)) c.versions.append(v);
    } catch (const std::exception& e) {
      c.problems << QString::fromStdString(e.what());
    }
  }
  return c;
}

void showRun(Session* session, std::shared_ptr<const Dataset> clean,
             std::shared_ptr<const PoisonedDataset> data, const QString& runDir,
             const RunContents& contents) {
  session->setData(std::move(clean), std::move(data), runDir);
  session->setTrainResult(contents.train);
  for (const auto& d : contents.detections) session->addDetection(d);
  session->setVersions(contents.versions);
}

}  // namespace poisonlab::gui
