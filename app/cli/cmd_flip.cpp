// flip: computing FLIP's label-only backdoor from the command line (core/attack/flip.h).
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "commands.h"
#include "core/attack/flip.h"
#include "core/attack/label_file.h"
#include "core/run/flip_runs.h"
#include "core/train/training.h"
#include "core/util/error.h"
#include "core/util/format.h"
#include "terminal_progress.h"

namespace fs = std::filesystem;

namespace poisonlab::cli {
namespace {

FlipConfig configFromArgs(const Args& a) {
  FlipConfig c = a.flag("quick") ? FlipConfig::quick() : FlipConfig{};
  if (a.has("trigger")) c.trigger = triggerFromArgs(a);
  c.source = static_cast<int>(a.integer("source", c.source, 0, 255));
  c.target = static_cast<int>(a.integer("target", c.target, 0, 255));
  modelFromArgs(a, c.model);
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
               config.perClass
                   ? ("the first " + std::to_string(config.perClass) + " a class").c_str()
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
  const FlipResult r = computeFlipLabels(*ds, config, out, cb, &interruptToken(), a.flag("resume"));
  bar.finish();

  // Step 3 and the files.
  const FlipOutputs o = writeFlipOutputs(ds, config, r, out, order, !a.flag("no-runs"));
  std::ostringstream h;
  h << "experts: " << r.expertSeconds << " s, label passes: " << r.labelSeconds << " s";
  if (r.resumedFromPass) h << " (resumed after pass " << r.resumedFromPass << ")";
  h << "\n";
  for (const FlipBudgetOutput& b : o.budgets) {
    h << b.file << ": " << b.budget << " labels flipped";
    for (std::size_t i = 0; i < std::min<std::size_t>(3, b.flips.size()); ++i)
      h << (i == 0 ? " (" : ", ") << ds->classNames[b.flips[i].from] << " -> "
        << ds->classNames[b.flips[i].to] << " " << b.flips[i].count;
    h << (b.flips.size() > 3 ? ", ...)" : ")") << "\n";
    if (!b.run.empty())
      h << "  run " << b.run << " (train it: poisonlab-cli train --run " << b.run << ")\n";
  }
  emit(a, nlohmann::json::parse(o.recordJson), h.str());
  return 0;
}

}  // namespace poisonlab::cli
