#pragma once
/// @file run_folder.h
/// A run folder is how an experiment persists, for the CLI and the GUI alike:
///   experiment.json  data source, trigger, poison, seeds (schema_version 1; 2 for a
///                    label-only run, which adds "attack": "label-only" and "labels")
///   poison.csv       index,original_label,poisoned_label for every poisoned training image
///                    (a label-only run's labels live here: every flipped row)
/// Both are written atomically. Opening a run re-applies the recorded poison to the data and
/// checks the result against poison.csv, so a changed data set cannot pass silently.

#include <optional>
#include <string>
#include <vector>

#include "core/data/cifar_loader.h"
#include "core/attack/poison.h"

namespace poisonlab {

constexpr int kExperimentSchemaVersion = 2;

struct Experiment {
  std::string dataSource;  ///< absolute path of the data set
  DataFormat dataFormat = DataFormat::CifarBinary;
  std::size_t numTrain = 0;
  std::size_t numTest = 0;
  std::vector<std::string> classNames;
  TriggerSpec trigger;
  PoisonSpec poison;    ///< a label-only run's: `labelsFrom` set, `labels` filled by openRun
  std::string created;  ///< ISO 8601 UTC time of creation
  std::string version;  ///< PoisonLab version that wrote it
};

struct PoisonRow {
  std::size_t index;
  int originalLabel;
  int poisonedLabel;
};

/// Describes a freshly poisoned data set as an experiment (time stamp and version filled in).
Experiment describeExperiment(const PoisonedDataset& pd);

std::string experimentPath(const std::string& runDir);
std::string poisonCsvPath(const std::string& runDir);

/// Creates `runDir` if needed and writes experiment.json and poison.csv atomically.
void writeRun(const std::string& runDir, const Experiment& exp, const PoisonedDataset& pd);

/// Reads and validates experiment.json; errors name the file and the field.
/// A digest of what a model is trained on (data set size, trigger, poison and the poisoned
/// indices): a checkpoint records it, and resuming on another experiment is refused.
std::string experimentDigest(const PoisonedDataset& pd);
/// Removes the temporaries a killed write left in a run folder: NAME.tmp-PID-N older than
/// `minAgeSeconds` whose process PID is no longer alive on this machine (another process's
/// write in progress is left alone, however long it takes); opening a run does this. Returns
/// what it removed.
std::vector<std::string> removeStaleTemporaries(const std::string& runDir,
                                                double minAgeSeconds = 600);
/// Removes everything a run folder derived from its experiment (model.pt, checkpoint.pt,
/// metrics.json, cache/, detect/, unlearn/), for a run poisoned anew; returns what it removed.
std::vector<std::string> clearDerived(const std::string& runDir);
Experiment readExperiment(const std::string& runDir);
/// Reads poison.csv; errors name the file and line.
std::vector<PoisonRow> readPoisonCsv(const std::string& runDir);

/// Loads the run's data (from `dataOverride` when not empty, else the recorded source),
/// re-applies the poison and verifies it against poison.csv.
PoisonedDataset openRun(const std::string& runDir, const std::string& dataOverride = {},
                        const ProgressFn& progress = {}, const CancelToken* cancel = nullptr);

/// Same, with a data set already in memory (it must match the recorded shape).
PoisonedDataset openRun(const std::string& runDir, std::shared_ptr<const Dataset> data);

/// Current UTC time as ISO 8601, e.g. 2026-11-26T15:07:29Z.
std::string utcTimestamp();

}  // namespace poisonlab
