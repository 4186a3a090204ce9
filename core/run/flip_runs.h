#pragma once
/// @file flip_runs.h
/// What a FLIP computation leaves behind (core/attack/flip.h, step 3 and the files), for the
/// CLI's `flip` and the window's job alike: DIR/<n>.npy per budget in FLIP's published
/// format, DIR/labels.npy (the computed logits), true.npy, losses.npy, DIR/flip.json (the
/// settings, start points, experts' accuracy, matching losses, timings and machine), and a
/// label-only run folder per budget under DIR/runs/<n>/, ready to train.

#include <memory>
#include <string>
#include <vector>

#include "core/attack/flip.h"
#include "core/attack/poison.h"

namespace poisonlab {

struct FlipBudgetOutput {
  int budget = 0;
  std::string file;              ///< DIR/<n>.npy
  std::string run;               ///< DIR/runs/<n> (empty without runs)
  std::vector<FlipCount> flips;  ///< (true, new label) pairs, the largest first
};

struct FlipOutputs {
  std::vector<FlipBudgetOutput> budgets;
  std::string recordJson;  ///< what DIR/flip.json holds
};

/// Selects the flips of `result` for every budget and writes the files above into `out`, rows
/// in the official order of `order` (the data set's order when it names no file; an image
/// folder's runs are then mapped by DIR/true.npy). Existing runs of the same budget are
/// poisoned anew (their models and results cleared).
FlipOutputs writeFlipOutputs(const std::shared_ptr<const Dataset>& ds, const FlipConfig& config,
                             const FlipResult& result, const std::string& out,
                             const LabelOrder& order, bool makeRuns);

}  // namespace poisonlab
