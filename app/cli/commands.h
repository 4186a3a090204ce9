#pragma once
// The poisonlab-cli commands. Each returns the process exit code and, with --json, prints one
// JSON object as its last line of standard output.

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

#include "args.h"
#include "core/data/dataset.h"
#include "core/attack/poison.h"
#include "core/train/model_spec.h"
#include "core/util/progress.h"

namespace poisonlab::cli {

/// Set by SIGINT (Ctrl-C); every long operation polls it.
const CancelToken& interruptToken();

/// Prints `result` as one JSON line (with --json) or `human` (without).
void emit(const Args& args, const nlohmann::json& result, const std::string& human);

/// Resolves --data / POISONLAB_DATA / the user data folder and loads it with a progress bar.
/// Fills data.* fields of `info` (path, origin, format, counts, seconds).
std::shared_ptr<const Dataset> loadResolvedData(const Args& args, nlohmann::json& info);

/// The trigger of --trigger, --pos, --color, --size, --pattern, --opacity, --pattern-seed.
TriggerSpec triggerFromArgs(const Args& a);

/// --model (FLIP's names too: canonicalArch) with its usual width, then --width.
void modelFromArgs(const Args& a, ModelSpec& model);

/// Opens a run folder (--data overrides its data source) with a progress bar; Ctrl-C cancels.
PoisonedDataset openRunWithProgress(const Args& args, const std::string& runDir);

int cmdInfo(int argc, char** argv);
int cmdPoison(int argc, char** argv);
int cmdPreview(int argc, char** argv);
int cmdDownload(int argc, char** argv);
int cmdTrain(int argc, char** argv);
int cmdEvaluate(int argc, char** argv);
int cmdDetect(int argc, char** argv);
int cmdFeatures(int argc, char** argv);
int cmdUnlearn(int argc, char** argv);
int cmdUnlearnSweep(int argc, char** argv);
int cmdGrid(int argc, char** argv);
int cmdFlip(int argc, char** argv);
/// Only in builds with the workbench (POISONLAB_HAVE_REPORT).
int cmdReport(int argc, char** argv);
int cmdGridTask(int argc, char** argv);

}  // namespace poisonlab::cli
