#pragma once
/// @file grid.h
/// What-if grids: a spec (grid.json) names a base experiment and the settings to vary; the grid
/// is their Cartesian product, one run folder per point under OUT/runs/. Each run is poisoned
/// and trained like `poison` + `train` (locally one after another, or one Slurm array task
/// each), and the results are collected into OUT/grid-results.csv and OUT/grid-results.json,
/// which the window's run comparison opens.
///
/// grid.json:
///   { "data": "cifar10.tar.gz",                       (optional; else --data or the default)
///     "base": { "trigger": {"type": "pixel", "pos": [11, 16], "color": [101, 0, 25],
///                           "size": 1, "pattern": "solid", "opacity": 1, "pattern_seed": 0},
///               "poison":  {"source": 9, "target": 4, "count": 500, "rate": 0, "seed": 0},
///               "train":   {"model": "resnet8", "width": 32, "epochs": 15, "batch": 128,
///                           "lr": 0.2, "momentum": 0.9, "weight_decay": 5e-4,
///                           "warmup": 0.25, "label_smoothing": 0.2, "schedule": "onecycle",
///                           "augment": "flip", "precision": "auto", "device": "cpu",
///                           "seed": 0} },
///     "vary": { "trigger.pos": [[11, 16], [0, 0]], "poison.count": [100, 500],
///               "seed": [0, 1], "classes": [[9, 4], [1, 7]], "recipe": [{...}, {...}] } }
/// Every base field is optional (the defaults of `poison` and `train`). A vary key is
/// "trigger.F", "poison.F" or "train.F" for a field F above (poison also takes "labels", an
/// absolute path of a label file making the point label-only, and "label_order", its class
/// sequence: label_file.h), "seed" (the poison's and the
/// training's seed together), "classes" ([source, target]) or "recipe" (an object of train
/// fields). Errors name the file and the field.

#include <cstdint>
#include <string>
#include <vector>

#include "core/attack/poison.h"
#include "core/train/training.h"
#include "core/util/progress.h"

namespace poisonlab {

struct GridPoint {
  std::string name;  ///< folder under OUT/runs/, e.g. "003-pos=0,0-count=100"
  std::vector<std::pair<std::string, std::string>> axes;  ///< vary key, value as text
  TriggerSpec trigger;
  PoisonSpec poison;
  TrainConfig train;
};

struct GridPlan {
  std::string data;               ///< data set path from the spec ("" = the caller's choice)
  std::vector<std::string> axes;  ///< the vary keys, in the spec's order
  std::vector<GridPoint> points;
};

/// Reads and expands a grid spec (at most 10,000 points). Throws Error naming the file and
/// field.
GridPlan readGridSpec(const std::string& specPath);

/// OUT/grid.json: the spec as given, kept beside the runs so array tasks and collection read
/// the same plan. Written atomically; a different spec in an existing OUT is refused.
std::string gridPlanPath(const std::string& outDir);
void writeGridPlan(const std::string& outDir, const std::string& specPath);
GridPlan readGridPlan(const std::string& outDir);
std::string gridRunDir(const std::string& outDir, const GridPoint& point);

/// Poisons and trains one point (skipped when its run already holds metrics.json).
/// Returns false when it was already done.
bool runGridPoint(const std::string& outDir, const GridPoint& point,
                  std::shared_ptr<const Dataset> data, const TrainCallbacks& callbacks = {},
                  const CancelToken* cancel = nullptr);

/// One row of the results table.
struct GridResult {
  GridPoint point;
  std::string runDir;
  std::string status;  ///< "done", "failed" (a log says why) or "pending"
  double cleanAcc = 0, asr = 0, asrMirrored = 0, poisonFit = 0, minutes = 0;
  std::string precision;
};

/// Reads every point's run folder and writes OUT/grid-results.csv and .json atomically.
std::vector<GridResult> collectGrid(const std::string& outDir);
std::string gridResultsJsonPath(const std::string& outDir);
std::string gridResultsCsvPath(const std::string& outDir);

/// The run folders listed in a grid-results.json (absolute), for the run comparison.
/// Throws Error naming the file.
std::vector<std::string> gridResultRuns(const std::string& resultsJson);

}  // namespace poisonlab
