#pragma once
/// @file flip.h
/// Computing FLIP's label-only backdoor (Jha, Hayase, Oh, "Label Poisoning is All You Need",
/// NeurIPS 2023), from the specification in shared/docs/FLIP.md section 3, not from the
/// reference's code. Three steps:
///  1. experts: networks trained on the clean set plus every source-class image again with the
///     trigger, labelled target (dirty label); the start points of step 2 are kept in memory;
///  2. trajectory matching on labels: a (N x K) logit table, initialised to 5 x one-hot, moved
///     by SGD so that one student step on the clean images with soft labels lands where one
///     expert step on the triggered data lands (one level of double backward);
///  3. selection: the rows whose best non-true logit beats the true one most (margin), the
///     top n of any class for each budget, nested, written in FLIP's published format.
/// Plain C++ at the edge (no torch): the CLI and the window call these; the implementation
/// lives in core/nn/flip.cpp.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/attack/label_file.h"
#include "core/attack/trigger.h"
#include "core/data/dataset.h"
#include "core/train/model_spec.h"
#include "core/util/progress.h"

namespace poisonlab {

/// Every constant of the reference, with its defaults (FLIP.md sections 3.1-3.3), and what
/// a run on fewer images needs.
struct FlipConfig {
  ModelSpec model = flipModel();
  TriggerSpec trigger = TriggerSpec::defaults(TriggerType::ThreePixel);
  int source = 9;  ///< the class whose triggered copies the experts see, labelled `target`
  int target = 4;
  // Step 1: experts (the reference's expert recipe: SGD 0.1, Nesterov 0.9, weight decay 2e-4
  // on every parameter, batch 256 with the last partial batch dropped, crop and flip,
  // x gamma at the milestones; 20 epochs in its example attack).
  int experts = 1;
  int expertEpochs = 20;
  double expertLr = 0.1;
  double expertMomentum = 0.9;
  double expertWeightDecay = 2e-4;
  std::vector<int> expertMilestones{75, 125};
  double expertGamma = 0.1;
  /// A start point is kept at every multiple of this many iterations within an epoch (the
  /// reference's checkpoint_iters = 50: iterations 50, 100, 150, 200).
  int checkpointEvery = 50;
  // Step 2: label passes.
  int passes = 15;   ///< the reference's `iterations` (its example attack uses 5)
  int minEpoch = 0;  ///< start points are drawn from epochs minEpoch+1 .. maxEpoch
  int maxEpoch = 0;  ///< 0: expertEpochs
  int batch = 256;   ///< for the experts and the label passes
  double labelLr = 150;
  double labelMomentum = 0.5;
  double oneHotTemperature = 5;  ///< rows start at this x one-hot (so they sum to it)
  double lambda = 0;  ///< weight of the mean L1 distance of softmax(labels) to one-hot (off)
  // Step 3.
  std::vector<int> budgets{150, 300, 500, 1000, 1500};
  /// 0: every training image; else the first `perClass` of each class in the data set's order
  /// (a cheaper run: the labels of the others stay true and are never flipped).
  int perClass = 0;
  std::uint64_t seed = 0;
  int threads = 0;             ///< 0: every core
  std::string device = "cpu";  ///< "cpu" or "cuda"

  static ModelSpec flipModel() {
    ModelSpec m;
    m.arch = "resnet32p";
    m.width = 16;
    return m;
  }
  /// `flip --quick`: what finishes on two CPU cores in about a quarter of an hour on CIFAR-10
  /// (FLIP.md section 4's tiny version, sized by measurement; BENCHMARKS.md).
  static FlipConfig quick();
  int lastEpoch() const { return maxEpoch > 0 ? maxEpoch : expertEpochs; }
  /// Throws Error naming the field when invalid.
  void validate(const Dataset& ds) const;
};

/// Every setting of `c` as a JSON object's text (flip.json's "settings"; with the data, what a
/// resume must match).
std::string flipSettingsJson(const FlipConfig& c);

/// One start point of the label passes: an expert's parameters and momentum after `iteration`
/// iterations of `epoch` (1-based).
struct FlipStartPoint {
  int expert = 0, epoch = 1, iteration = 0;
};

struct FlipProgress {
  std::string stage;          ///< "experts" or "labels"
  int expert = 0, epoch = 0;  ///< experts: 1-based
  int pass = 0, passes = 0;   ///< labels: 1-based
  int batch = 0, batches = 0;
  double loss = 0;      ///< the expert's training loss, or the matching loss of this batch
  double fraction = 0;  ///< of the whole job
};

struct FlipCallbacks {
  std::function<void(const FlipProgress&)> onBatch;
  /// After each finished pass: its mean matching loss.
  std::function<void(int pass, double meanLoss)> onPass;
  /// After each expert: its clean accuracy and PTA on the test set.
  std::function<void(int expert, double cta, double pta)> onExpert;
};

struct FlipResult {
  std::vector<float> logits;        ///< N x K, the data set's training order
  std::vector<int> computedRows;    ///< rows the passes moved (all, or perClass of each class)
  std::vector<double> batchLosses;  ///< every batch's matching loss, in order
  std::vector<double> passLosses;   ///< the mean per pass
  std::vector<FlipStartPoint> starts;
  std::vector<double> expertCta, expertPta;
  double expertSeconds = 0, labelSeconds = 0;
  int resumedFromPass = 0;
};

/// Runs steps 1 and 2 on `ds.train`. With `stateDir`, writes DIR/experts.pt after step 1 and
/// DIR/flip-state.pt after every pass (atomically), and with `resume` continues from them
/// (the same config required): a resumed run computes the same labels as an uninterrupted
/// one. Cancelling stops within a phase of a batch and keeps the last finished pass.
FlipResult computeFlipLabels(const Dataset& ds, const FlipConfig& config,
                             const std::string& stateDir = {}, const FlipCallbacks& cb = {},
                             const CancelToken* cancel = nullptr, bool resume = false);

/// FLIP's margin of a logit row with true class `truth` (section 3.3): if the argmax is not
/// the true class, max - logit[truth] (> 0); else second-largest - largest (<= 0).
double flipMargin(const float* row, int classes, int truth);

/// One budget's labels in FLIP's published format: N x K float32 logits, the true one-hot
/// everywhere except the selected rows, which hold the mean logits with the true class pushed
/// down by 50,000 per budget that selected them (so the label is the best non-true class).
struct FlipSelection {
  int budget = 0;
  std::vector<int> rows;      ///< selected rows, best margin first
  std::vector<float> labels;  ///< N x K
};

/// Step 3: the score of a row is its minimum margin over `runs` (label tables of one data set,
/// N x K each), the labels their mean; for each budget, ascending, the top-`n` rows of any
/// class by score (ties: the higher row first, as a stable argsort's tail), the selections
/// nested. `eligible`: rows that may be selected (empty: all).
std::vector<FlipSelection> selectFlips(const std::vector<std::vector<float>>& runs,
                                       const std::vector<std::uint8_t>& trueLabels, int classes,
                                       std::vector<int> budgets,
                                       const std::vector<int>& eligible = {});

/// Writes a label table (N x K, the data set's order) as a float32 .npy in the official row
/// order of `order` (officialToLoadOrder; the load order when it names no file), atomically.
void writeLabelTable(const std::string& path, const Dataset& ds, const LabelOrder& order,
                     const std::vector<float>& table, int classes);

}  // namespace poisonlab
