#pragma once
// What a run folder holds besides its data (training record, detector results, unlearning
// results as model versions), read in one place for the window's Open run job and the report:
// read on a worker thread, shown on the session on the GUI thread.

#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/detect/detect.h"
#include "core/train/training.h"
#include "core/unlearn/unlearn.h"
#include "state/session.h"

namespace poisonlab::gui {

struct RunContents {
  bool hasConfig = false;
  TrainConfig config;
  std::optional<TrainResult> train;
  std::vector<std::shared_ptr<const DetectionReport>> detections;
  QVector<ModelVersion> versions;
  QStringList problems;  ///< files that could not be read (shown, never fatal)
};

/// Reads RUN/metrics.json, RUN/detect/ and RUN/unlearn/ (records oldest first, each whose
/// model exists a version after the original). A file that cannot be read is named in
/// `problems`, never fatal. Needs no Qt event loop: safe on a worker thread.
RunContents readRunContents(const std::string& runDir, const PoisonedDataset& data);

/// A model version of an unlearning result of the run in `runDir`; its model is looked for
/// where unlearn() puts it (the record's path is relative to where the CLI ran).
ModelVersion versionOf(const UnlearnResult& result, const std::string& runDir);

/// Shows a run on `session`: its data, training record, detector results and versions.
void showRun(Session* session, std::shared_ptr<const Dataset> clean,
             std::shared_ptr<const PoisonedDataset> data, const QString& runDir,
             const RunContents& contents);

}  // namespace poisonlab::gui
