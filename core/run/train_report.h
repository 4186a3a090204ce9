#pragma once
/// @file train_report.h
/// metrics.json: the record of a training run (settings, seeds, per-epoch history, final
/// evaluation, wall time), written atomically.

#include <string>

#include "core/train/training.h"

namespace poisonlab {

/// The settings that define a training run, as canonical JSON text (also used to check that a
/// resumed run has the same settings).
std::string trainConfigJson(const TrainConfig& config);
/// The JSON object of an evaluation report.
std::string evalReportJson(const EvalReport& report, const std::vector<std::string>& classNames);
/// The training settings recorded in RUN/metrics.json (to repeat a run's recipe, e.g. for
/// retraining without a forget set). Errors name the file and the field.
TrainConfig readTrainConfig(const std::string& runDir);
/// The per-epoch history, final evaluation and runtime recorded in RUN/metrics.json (to show a
/// finished run, CLI or GUI made). Errors name the file and the field.
TrainResult readTrainResult(const std::string& runDir);
/// Writes RUN/metrics.json.
void writeMetrics(const std::string& runDir, const TrainConfig& config, const TrainResult& result,
                  const PoisonedDataset& data);

}  // namespace poisonlab
