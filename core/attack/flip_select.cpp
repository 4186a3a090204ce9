// FLIP's configuration, margins and selection (step 3): plain C++, no torch.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <nlohmann/json.hpp>

#include "core/attack/flip.h"
#include "core/util/error.h"
#include "core/util/npy.h"

namespace poisonlab {

FlipConfig FlipConfig::quick() {
  // FLIP.md section 4's tiny CPU version: the pre-activation design with one block per stage,
  // width 16 (12 M multiply-adds a forward), 500 images a class plus their 500 triggered
  // trucks, one expert of 10 epochs at batch 128 with a start point every 10 iterations,
  // 3 label passes.
  FlipConfig c;
  c.model.arch = "resnet8p";
  c.model.width = 16;
  c.perClass = 500;
  c.experts = 1;
  c.expertEpochs = 10;
  c.batch = 128;
  c.checkpointEvery = 10;
  c.passes = 3;
  return c;
}

std::string flipSettingsJson(const FlipConfig& c) {
  const nlohmann::json j{{"model", {{"arch", c.model.arch}, {"width", c.model.width}}},
                         {"trigger", c.trigger.describe()},
                         {"source", c.source},
                         {"target", c.target},
                         {"experts", c.experts},
                         {"expert_epochs", c.expertEpochs},
                         {"expert_lr", c.expertLr},
                         {"expert_momentum", c.expertMomentum},
                         {"expert_weight_decay", c.expertWeightDecay},
                         {"expert_milestones", c.expertMilestones},
                         {"expert_gamma", c.expertGamma},
                         {"checkpoint_every", c.checkpointEvery},
                         {"passes", c.passes},
                         {"min_epoch", c.minEpoch},
                         {"max_epoch", c.lastEpoch()},
                         {"batch", c.batch},
                         {"label_lr", c.labelLr},
                         {"label_momentum", c.labelMomentum},
                         {"temperature", c.oneHotTemperature},
                         {"lambda", c.lambda},
                         {"budgets", c.budgets},
                         {"per_class", c.perClass},
                         {"seed", c.seed},
                         {"device", c.device}};
  return j.dump();
}

void FlipConfig::validate(const Dataset& ds) const {
  model.validate();
  trigger.validate();
  const int k = ds.numClasses();
  if (source < 0 || source >= k)
    throw Error(
        "source: " + std::to_string(source) + " is not a class (0.." + std::to_string(k - 1) + ")",
        "flip.source");
  if (target < 0 || target >= k || target == source)
    throw Error("target: " + std::to_string(target) + " is not a class other than the source",
                "flip.target");
  auto range = [](long long v, long long lo, long long hi, const char* name) {
    if (v < lo || v > hi)
      throw Error(std::string(name) + ": " + std::to_string(v) + " is outside " +
                      std::to_string(lo) + ".." + std::to_string(hi),
                  std::string("flip.") + name);
  };
  range(experts, 1, 1000, "experts");
  range(expertEpochs, 1, 10000, "expert-epochs");
  range(checkpointEvery, 1, 1000000, "checkpoint-every");
  range(passes, 1, 10000, "passes");
  range(minEpoch, 0, lastEpoch() - 1, "min-epoch");
  range(maxEpoch, 0, expertEpochs, "max-epoch");
  range(batch, 2, 65536, "batch");
  range(perClass, 0, 1 << 30, "per-class");
  range(threads, 0, 1024, "threads");
  if (!(expertLr > 0 && expertLr < 100))
    throw Error("expert lr: must be above 0", "flip.expert-lr");
  if (!(expertMomentum >= 0 && expertMomentum < 1))
    throw Error("expert momentum: must be in [0, 1)", "flip.expert-momentum");
  if (!(expertWeightDecay >= 0 && expertWeightDecay < 1))
    throw Error("expert weight decay: must be in [0, 1)", "flip.expert-weight-decay");
  if (!(labelLr > 0 && labelLr < 1e6)) throw Error("label lr: must be above 0", "flip.label-lr");
  if (!(labelMomentum >= 0 && labelMomentum < 1))
    throw Error("label momentum: must be in [0, 1)", "flip.label-momentum");
  if (!(oneHotTemperature > 0 && oneHotTemperature < 1e4))
    throw Error("one-hot temperature: must be above 0", "flip.temperature");
  if (!(lambda >= 0 && lambda < 1e6)) throw Error("lambda: must be at least 0", "flip.lambda");
  if (device != "cpu" && device != "cuda")
    throw Error("device: '" + device + "' is not cpu or cuda", "flip.device");
  if (budgets.empty()) throw Error("budgets: at least one is needed", "flip.budgets");
  // The rows step 2 computes: every one, or perClass of each class.
  std::size_t rows = ds.train.count();
  if (perClass > 0) {
    rows = 0;
    for (int c = 0; c < k; ++c)
      rows += std::min<std::size_t>(std::size_t(perClass), ds.trainIndicesOfClass(c).size());
  }
  for (int b : budgets)
    if (b < 1 || std::size_t(b) > rows)
      throw Error("budgets: " + std::to_string(b) + " is outside 1.." + std::to_string(rows) +
                      " (the rows the passes compute)",
                  "flip.budgets");
  if (ds.trainIndicesOfClass(source).empty())
    throw Error("source: the training set has no image of class " + std::to_string(source),
                "flip.source");
}

double flipMargin(const float* row, int classes, int truth) {
  int best = 0;
  for (int c = 1; c < classes; ++c)
    if (row[c] > row[best]) best = c;
  if (best != truth) return double(row[best]) - double(row[truth]);
  double second = -std::numeric_limits<double>::infinity();
  for (int c = 0; c < classes; ++c)
    if (c != best) second = std::max(second, double(row[c]));
  return second - double(row[best]);
}

std::vector<FlipSelection> selectFlips(const std::vector<std::vector<float>>& runs,
                                       const std::vector<std::uint8_t>& trueLabels, int classes,
                                       std::vector<int> budgets, const std::vector<int>& eligible) {
  const std::size_t n = trueLabels.size();
  const std::size_t k = static_cast<std::size_t>(classes);
  if (runs.empty()) throw Error("selection: no label table");
  for (const auto& r : runs)
    if (r.size() != n * k)
      throw Error("selection: a label table has " + std::to_string(r.size()) + " values, not " +
                  std::to_string(n) + " x " + std::to_string(classes));
  // Score: the minimum margin over the runs; labels: their mean.
  std::vector<double> score(n, std::numeric_limits<double>::infinity());
  std::vector<float> mean(n * k, 0.0f);
  for (const auto& r : runs)
    for (std::size_t i = 0; i < n; ++i) {
      score[i] = std::min(score[i], flipMargin(&r[i * k], classes, trueLabels[i]));
      for (std::size_t c = 0; c < k; ++c) mean[i * k + c] += r[i * k + c] / float(runs.size());
    }
  std::vector<int> candidates = eligible;
  if (candidates.empty()) {
    candidates.resize(n);
    std::iota(candidates.begin(), candidates.end(), 0);
  }
  // Ascending by score, ties by row (a stable argsort); the top n are the tail.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [&](int a, int b) { return score[std::size_t(a)] < score[std::size_t(b)]; });
  std::sort(budgets.begin(), budgets.end());
  std::vector<FlipSelection> out;
  for (int b : budgets) {
    if (b < 1 || std::size_t(b) > candidates.size())
      throw Error("budgets: " + std::to_string(b) + " is outside 1.." +
                  std::to_string(candidates.size()));
    FlipSelection s;
    s.budget = b;
    s.rows.assign(candidates.rbegin(), candidates.rbegin() + b);
    // In place and cumulative over the budgets, as the reference: each selection pushes its
    // rows' true logit down by 50,000 once more.
    for (int r : s.rows) mean[std::size_t(r) * k + trueLabels[std::size_t(r)]] -= 50000.0f;
    s.labels.assign(n * k, 0.0f);
    for (std::size_t i = 0; i < n; ++i) s.labels[i * k + trueLabels[i]] = 1.0f;
    for (int r : s.rows) std::copy_n(&mean[std::size_t(r) * k], k, &s.labels[std::size_t(r) * k]);
    out.push_back(std::move(s));
  }
  return out;
}

void writeLabelTable(const std::string& path, const Dataset& ds, const LabelOrder& order,
                     const std::vector<float>& table, int classes) {
  const std::size_t n = ds.train.count();
  const std::size_t k = static_cast<std::size_t>(classes);
  if (table.size() != n * k)
    throw Error(path + ": the table has " + std::to_string(table.size()) + " values, not " +
                std::to_string(n) + " x " + std::to_string(classes));
  const std::vector<std::size_t> map = officialToLoadOrder(ds, order);
  NpyWriter w(path, n, k);
  for (std::size_t o = 0; o < n; ++o) w.writeRow(o, &table[map[o] * k]);
  w.commit();
}

}  // namespace poisonlab
