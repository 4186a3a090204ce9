#include "core/run/flip_runs.h"

#include <nlohmann/json.hpp>

#include <filesystem>

#include "core/run/run_folder.h"
#include "core/train/training.h"
#include "core/util/atomic_file.h"
#include "core/util/npy.h"
#include "core/version.h"

namespace fs = std::filesystem;

namespace poisonlab {

FlipOutputs writeFlipOutputs(const std::shared_ptr<const Dataset>& ds, const FlipConfig& config,
                             const FlipResult& r, const std::string& out, const LabelOrder& order,
                             bool makeRuns) {
  const int k = ds->numClasses();
  const std::size_t n = ds->train.count();
  const auto selections =
      selectFlips({r.logits}, ds->train.labels, k, config.budgets, r.computedRows);
  writeLabelTable(out + "/labels.npy", *ds, order, r.logits, k);
  std::vector<float> onehot(n * std::size_t(k), 0.0f);
  for (std::size_t i = 0; i < n; ++i) onehot[i * std::size_t(k) + ds->train.labels[i]] = 1.0f;
  writeLabelTable(out + "/true.npy", *ds, order, onehot, k);
  {
    NpyWriter w(out + "/losses.npy", r.batchLosses.size(), 1);
    for (std::size_t i = 0; i < r.batchLosses.size(); ++i) {
      const float v = static_cast<float>(r.batchLosses[i]);
      w.writeRow(i, &v);
    }
    w.commit();
  }
  FlipOutputs result;
  nlohmann::json budgets = nlohmann::json::array();
  for (const FlipSelection& s : selections) {
    FlipBudgetOutput b;
    b.budget = s.budget;
    b.file = out + "/" + std::to_string(s.budget) + ".npy";
    writeLabelTable(b.file, *ds, order, s.labels, k);
    std::vector<std::uint8_t> labels = ds->train.labels;
    for (int row : s.rows) {
      const float* v = &s.labels[std::size_t(row) * std::size_t(k)];
      labels[std::size_t(row)] = static_cast<std::uint8_t>(std::max_element(v, v + k) - v);
    }
    b.flips = flipCounts(ds->train.labels, labels);
    nlohmann::json pairs = nlohmann::json::array();
    for (const FlipCount& f : b.flips)
      pairs.push_back({{"true", f.from}, {"label", f.to}, {"count", f.count}});
    nlohmann::json entry{{"budget", s.budget}, {"file", b.file}, {"flips", pairs}};
    if (makeRuns) {
      // A label-only run per budget, as `poison --labels FILE` makes it.
      b.run = out + "/runs/" + std::to_string(s.budget);
      LabelOrder runOrder = order;
      if (runOrder.file.empty() && ds->format != DataFormat::CifarBinary)
        runOrder.file = out + "/true.npy";
      LabelPoison lp = labelPoisonFromFile(*ds, b.file, runOrder);
      PoisonSpec spec;
      spec.source = config.source;
      spec.target = config.target;
      spec.labels = std::move(lp.labels);
      spec.count = static_cast<int>(lp.flipped);
      spec.labelsFrom = lp.from;
      const PoisonedDataset pd = applyPoison(ds, config.trigger, spec);
      if (fs::exists(experimentPath(b.run))) clearDerived(b.run);
      writeRun(b.run, describeExperiment(pd), pd);
      entry["run"] = b.run;
    }
    budgets.push_back(entry);
    result.budgets.push_back(std::move(b));
  }
  nlohmann::json starts = nlohmann::json::array();
  for (const auto& s : r.starts)
    starts.push_back({{"expert", s.expert}, {"epoch", s.epoch}, {"iteration", s.iteration}});
  const nlohmann::json record{
      {"schema_version", 1},
      {"poisonlab_version", kPoisonLabVersion},
      {"settings", nlohmann::json::parse(flipSettingsJson(config))},
      {"data", {{"source", ds->source}, {"num_train", n}, {"format", toString(ds->format)}}},
      {"label_order", order.file.empty() ? "load order" : order.file},
      {"start_points", starts},
      {"experts", {{"cta", r.expertCta}, {"pta", r.expertPta}}},
      {"pass_losses", r.passLosses},
      {"expert_seconds", r.expertSeconds},
      {"label_seconds", r.labelSeconds},
      {"resumed_from_pass", r.resumedFromPass},
      {"computed_rows", r.computedRows.size()},
      {"cpu", cpuDescription()},
      {"budgets", budgets}};
  result.recordJson = record.dump(2);
  writeFileAtomic(out + "/flip.json", result.recordJson + "\n");
  return result;
}

}  // namespace poisonlab
