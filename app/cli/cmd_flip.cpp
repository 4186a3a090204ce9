// flip: computing FLIP's label-only backdoor from the command line (core/attack/flip.h).
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "commands.h"
#include "core/attack/flip.h"
#include "core/attack/label_file.h"
#include "core/run/run_folder.h"
#include "core/train/training.h"
#include "core/util/atomic_file.h"
#include "core/util/error.h"
#include "core/util/format.h"
#include "core/util/npy.h"
#include "terminal_progress.h"

namespace fs = std::filesystem;

namespace poisonlab::cli {
namespace {

FlipConfig configFromArgs(const Args& a) {
  FlipConfig c = a.flag("quick") ? FlipConfig::quick() : FlipConfig{};
  if (a.has("trigger")) c.trigger = triggerFromArgs(a);
  c.source = static_cast<int>(a.integer("source", c.source, 0, 255));
  c.target = static_cast<int>(a.integer("target", c.target, 0, 255));
  if (a.has("model")) {
    c.model.arch = canonicalArch(a.value("model"));
    c.model.width = defaultWidth(c.model.arch);
  }
  c.model.width = static_cast<int>(a.integer("width", c.model.width, 1, 1024));
  c.experts = static_cast<int>(a.integer("experts", c.experts, 1, 1000));
  c.expertEpochs = static_cast<int>(a.integer("expert-epochs", c.expertEpochs, 1, 10000));
  c.expertLr = a.number("expert-lr", c.expertLr, 1e-9, 100);
  c.checkpointEvery =
      static_cast<int>(a.integer("checkpoint-every", c.checkpointEvery, 1, 1000000));
  c.passes = static_cast<int>(a.integer("passes", c.passes, 1, 10000));
  c.minEpoch = static_cast<int>(a.integer("min-epoch", c.minEpoch, 0, 10000));
  c.maxEpoch = static_cast<int>(a.integer("max-epoch", c.maxEpoch, 0, 10000));
  c.batch = static_cast<int>(a.integer("batch", c.batch, 2, 65536));
  c.labelLr = a.number("label-lr", c.labelLr, 1e-9, 1e6);
  c.labelMomentum = a.number("label-momentum", c.labelMomentum, 0, 0.999);
  c.lambda = a.number("lambda", c.lambda, 0, 1e6);
  if (auto b = a.integerList("budgets", 0)) c.budgets = *b;
  c.perClass = static_cast<int>(a.integer("per-class", c.perClass, 0, 1 << 30));
  c.seed = a.seed("seed", c.seed);
  c.threads = static_cast<int>(a.integer("threads", 0, 0, 1024));
  c.device = a.value("device", c.device);
  return c;
}

nlohmann::json configJson(const FlipConfig& c) {
  return {{"model", {{"arch", c.model.arch}, {"width", c.model.width}}},
          {"trigger", c.trigger.describe()},
          {"source", c.source},
          {"target", c.target},
          {"experts", c.experts},
          {"expert_epochs", c.expertEpochs},
          {"expert_lr", c.expertLr},
          {"expert_momentum", c.expertMomentum},
          {"expert_weight_decay", c.expertWeightDecay},
          {"expert_milestones", c.expertMilestones},
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
}

}  // namespace

int cmdFlip(int argc, char** argv) {
  Args a(commandDoc("flip"));
  a.parse(argc, argv, 2);
  const std::string out = a.required("out");
  FlipConfig config = configFromArgs(a);
  LabelOrder order;
  order.file = a.value("label-order");
  if (!order.file.empty() && !fs::is_regular_file(order.file))
    throw Error("--label-order: " + order.file + ": no such file");
  nlohmann::json info;
  const auto ds = loadResolvedData(a, info);
  config.validate(*ds);
  order.file = order.file.empty() ? std::string() : fs::absolute(order.file).string();
  if (!order.file.empty()) officialToLoadOrder(*ds, order);  // fails now, not after an hour

  std::fprintf(stderr,
               "FLIP on %zu training images (%s), %s, trigger %s, '%s' -> '%s'\n"
               "  %d expert(s) x %d epochs, %d label passes, batch %d, budgets",
               ds->train.count(),
               config.perClass ? ("the first " + std::to_string(config.perClass) + " a class")
                                     .c_str()
                               : "all",
               config.model.describe().c_str(), config.trigger.describe().c_str(),
               ds->classNames[config.source].c_str(), ds->classNames[config.target].c_str(),
               config.experts, config.expertEpochs, config.passes, config.batch);
  for (int b : config.budgets) std::fprintf(stderr, " %d", b);
  std::fprintf(stderr, "\n");
  TerminalProgress bar("flip");
  FlipCallbacks cb;
  cb.onBatch = [&](const FlipProgress& p) {
    char text[160];
    if (p.stage == "experts")
      std::snprintf(text, sizeof text, "expert %d epoch %d/%d batch %d/%d loss %.3f", p.expert,
                    p.epoch, config.expertEpochs, p.batch, p.batches, p.loss);
    else
      std::snprintf(text, sizeof text, "pass %d/%d batch %d/%d matching loss %.4f", p.pass,
                    p.passes, p.batch, p.batches, p.loss);
    bar(p.fraction, text);
  };
  cb.onExpert = [&](int e, double cta, double pta) {
    bar.finish();
    std::fprintf(stderr, "expert %d: CTA %s, PTA %s (a dirty-label expert: near 100 %%)\n", e,
                 formatPercent(cta).c_str(), formatPercent(pta).c_str());
  };
  cb.onPass = [&](int pass, double loss) {
    bar.finish();
    std::fprintf(stderr, "pass %d: mean matching loss %.5f\n", pass, loss);
  };
  const FlipResult r =
      computeFlipLabels(*ds, config, out, cb, &interruptToken(), a.flag("resume"));
  bar.finish();

  // Step 3 and the files.
  const int k = ds->numClasses();
  const auto selections =
      selectFlips({r.logits}, ds->train.labels, k, config.budgets, r.computedRows);
  writeLabelTable(out + "/labels.npy", *ds, order, r.logits, k);
  std::vector<float> onehot(ds->train.count() * std::size_t(k), 0.0f);
  for (std::size_t i = 0; i < ds->train.count(); ++i) onehot[i * k + ds->train.labels[i]] = 1.0f;
  writeLabelTable(out + "/true.npy", *ds, order, onehot, k);
  {
    NpyWriter w(out + "/losses.npy", r.batchLosses.size(), 1);
    for (std::size_t i = 0; i < r.batchLosses.size(); ++i) {
      const float v = static_cast<float>(r.batchLosses[i]);
      w.writeRow(i, &v);
    }
    w.commit();
  }
  nlohmann::json budgets = nlohmann::json::array();
  std::ostringstream h;
  h << "experts: " << r.expertSeconds << " s, label passes: " << r.labelSeconds << " s";
  if (r.resumedFromPass) h << " (resumed after pass " << r.resumedFromPass << ")";
  h << "\n";
  for (const FlipSelection& s : selections) {
    const std::string file = out + "/" + std::to_string(s.budget) + ".npy";
    writeLabelTable(file, *ds, order, s.labels, k);
    std::vector<std::uint8_t> labels = ds->train.labels;
    for (int row : s.rows) {
      int best = 0;
      for (int c = 1; c < k; ++c)
        if (s.labels[std::size_t(row) * k + c] > s.labels[std::size_t(row) * k + best]) best = c;
      labels[std::size_t(row)] = static_cast<std::uint8_t>(best);
    }
    nlohmann::json pairs = nlohmann::json::array();
    h << file << ": " << s.budget << " labels flipped";
    int shown = 0;
    for (const FlipCount& f : flipCounts(ds->train.labels, labels)) {
      pairs.push_back({{"true", f.from}, {"label", f.to}, {"count", f.count}});
      if (shown++ < 3)
        h << (shown == 1 ? " (" : ", ") << ds->classNames[f.from] << " -> "
          << ds->classNames[f.to] << " " << f.count;
    }
    h << (shown > 3 ? ", ...)" : ")") << "\n";
    nlohmann::json entry{{"budget", s.budget}, {"file", file}, {"flips", pairs}};
    if (!a.flag("no-runs")) {
      // A label-only run per budget, as `poison --labels FILE` makes it.
      const std::string run = out + "/runs/" + std::to_string(s.budget);
      LabelOrder runOrder = order;
      if (runOrder.file.empty() && ds->format != DataFormat::CifarBinary)
        runOrder.file = out + "/true.npy";
      LabelPoison lp = labelPoisonFromFile(*ds, file, runOrder);
      PoisonSpec spec;
      spec.source = config.source;
      spec.target = config.target;
      spec.labels = std::move(lp.labels);
      spec.count = static_cast<int>(lp.flipped);
      spec.labelsFrom = lp.from;
      const PoisonedDataset pd = applyPoison(ds, config.trigger, spec);
      if (fs::exists(experimentPath(run))) clearDerived(run);
      writeRun(run, describeExperiment(pd), pd);
      entry["run"] = run;
      h << "  run " << run << " (train it: poisonlab-cli train --run " << run << ")\n";
    }
    budgets.push_back(entry);
  }
  nlohmann::json record{{"schema_version", 1},
                        {"settings", configJson(config)},
                        {"data", info["data"]},
                        {"label_order", order.file.empty() ? "load order" : order.file},
                        {"experts", {{"cta", r.expertCta}, {"pta", r.expertPta}}},
                        {"pass_losses", r.passLosses},
                        {"expert_seconds", r.expertSeconds},
                        {"label_seconds", r.labelSeconds},
                        {"resumed_from_pass", r.resumedFromPass},
                        {"computed_rows", r.computedRows.size()},
                        {"cpu", cpuDescription()},
                        {"budgets", budgets}};
  nlohmann::json starts = nlohmann::json::array();
  for (const auto& s : r.starts)
    starts.push_back({{"expert", s.expert}, {"epoch", s.epoch}, {"iteration", s.iteration}});
  record["start_points"] = starts;
  writeFileAtomic(out + "/flip.json", record.dump(2) + "\n");
  emit(a, record, h.str());
  return 0;
}

}  // namespace poisonlab::cli
