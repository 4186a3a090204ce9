// train and evaluate: the training engine from the command line.
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "commands.h"
#include "core/util/format.h"
#include "core/util/error.h"
#include "core/run/run_folder.h"
#include "core/run/train_report.h"
#include "core/train/training.h"
#include "terminal_progress.h"

namespace poisonlab::cli {
namespace {

TrainConfig configFromArgs(const Args& a) {
  // A named recipe first (--recipe flip: FLIP's user recipe), then each option over it.
  TrainConfig c = namedRecipe(a.value("recipe", "default"), "--recipe");
  modelFromArgs(a, c.model);
  c.epochs = static_cast<int>(a.integer("epochs", c.epochs, 1, 10000));
  c.batchSize = static_cast<int>(a.integer("batch", c.batchSize, 1, 65536));
  c.lr = a.number("lr", c.lr, 1e-9, 100);
  c.weightDecay = a.number("weight-decay", c.weightDecay, 0, 0.999);
  c.momentum = a.number("momentum", c.momentum, 0, 0.999);
  c.warmup = a.number("warmup", c.warmup, 0, 0.999);
  c.labelSmoothing = a.number("label-smoothing", c.labelSmoothing, 0, 0.999);
  c.augmentUntil = a.number("augment-until", c.augmentUntil, 0, 1);
  c.smallCropsUntil = a.number("small-crops-until", c.smallCropsUntil, 0, 1);
  c.smallCropSide = static_cast<int>(a.integer("small-crop-side", c.smallCropSide, 8, 32));
  c.decayNorms = a.flag("decay-norms");
  if (a.has("schedule")) c.schedule = parseSchedule(a.value("schedule"), "--schedule");
  if (auto m = a.integerList("milestones", 0)) c.milestones = *m;
  c.gamma = a.number("gamma", c.gamma, 1e-9, 1);
  if (c.schedule == Schedule::MultiStep && !a.has("milestones") && !a.has("recipe"))
    throw Error("--schedule multistep: give the epochs with --milestones (e.g. 75,125)");
  if (a.has("augment")) c.augment = parseAugment(a.value("augment"), "--augment");
  if (a.has("precision")) c.precision = parsePrecision(a.value("precision"), "--precision");
  c.threads = static_cast<int>(a.integer("threads", 0, 0, 1024));
  c.device = a.value("device", c.device);
  c.limitTrain = static_cast<std::size_t>(a.integer("limit-train", 0, 0, 1LL << 40));
  c.seed = a.seed("seed", c.seed);
  c.validate();
  return c;
}

nlohmann::json reportJson(const EvalReport& r, const std::vector<std::string>& names) {
  return nlohmann::json::parse(evalReportJson(r, names));
}

std::string percent(double f) { return formatPercent(f); }

/// FLIP's two numbers in FLIP's words (they are the project's clean accuracy and ASR).
std::string flipLine(const PoisonedDataset& pd, const EvalReport& r) {
  return "CTA " + percent(r.cleanAcc) + " (" + std::to_string(pd.clean->test.count()) +
         " clean test images), PTA " + percent(r.asr) + " (" +
         std::to_string(pd.triggeredTest.count()) + " triggered '" +
         pd.classNames()[pd.spec.source] + "' test images predicted '" +
         pd.classNames()[pd.spec.target] + "')" +
         (pd.spec.labelOnly() ? ", label-only: " + std::to_string(pd.poisonedIndices.size()) +
                                    " labels flipped, no training image stamped"
                              : std::string()) +
         "\n";
}

}  // namespace

int cmdTrain(int argc, char** argv) {
  Args a(commandDoc("train"));
  a.parse(argc, argv, 2);
  const std::string run = a.required("run");
  const TrainConfig config = configFromArgs(a);
  const PoisonedDataset pd = openRunWithProgress(a, run);
  std::fprintf(stderr, "training %s on %zu images, %d epochs, batch %d, augment %s, precision %s\n",
               config.model.describe().c_str(),
               config.limitTrain ? std::min(config.limitTrain, pd.train.count()) : pd.train.count(),
               config.epochs, config.batchSize, toString(config.augment),
               toString(config.precision));
  TerminalProgress bar("train");
  TrainCallbacks cb;
  cb.onBatch = [&](const BatchStats& s) {
    char text[128];
    std::snprintf(text, sizeof text, "epoch %d/%d loss %.3f acc %.3f %.0f img/s", s.epoch,
                  config.epochs, s.loss, s.accuracy, s.imagesPerSecond);
    bar((s.epoch - 1 + double(s.batch) / s.batches) / config.epochs, text);
  };
  cb.onEpoch = [&](const EpochStats& e) {
    bar.finish();
    std::fprintf(stderr,
                 "epoch %3d  loss %.4f  train %.4f  clean %.4f  ASR %.4f (mirrored %.4f)  poisons "
                 "fitted %.4f  lr %.4f  %.0f img/s  %.1f s  (%.1f s total)\n",
                 e.epoch, e.trainLoss, e.trainAcc, e.cleanAcc, e.asr, e.asrMirrored, e.poisonFit,
                 e.lr, e.imagesPerSecond, e.seconds, e.elapsed);
  };
  const TrainResult r = trainModel(pd, config, run, cb, &interruptToken(), a.flag("resume"));
  bar.finish();
  nlohmann::json out = reportJson(r.final, pd.classNames());
  out["run"] = run;
  out["model_file"] = modelPath(run);
  out["wall_seconds"] = r.wallSeconds;
  out["epochs"] = config.epochs;
  out["precision"] = r.precisionUsed;
  out["threads"] = r.threads;
  std::ostringstream h;
  h << "clean accuracy " << percent(r.final.cleanAcc) << ", ASR " << percent(r.final.asr)
    << " (mirrored trigger " << percent(r.final.asrMirrored) << "), poisons fitted "
    << percent(r.final.poisonFit) << ", " << r.wallSeconds << " s (" << r.precisionUsed << ", "
    << r.threads << " threads)\n"
    << flipLine(pd, r.final) << "wrote " << modelPath(run) << " and " << metricsPath(run) << "\n";
  emit(a, out, h.str());
  return 0;
}

int cmdEvaluate(int argc, char** argv) {
  Args a(commandDoc("evaluate"));
  a.parse(argc, argv, 2);
  const std::string run = a.required("run");
  const std::string model = a.value("model", modelPath(run));
  if (!std::filesystem::exists(model))
    throw Error("--model: " + model + ": no such model file (train first)");
  const PoisonedDataset pd = openRunWithProgress(a, run);
  const Precision p =
      a.has("precision") ? parsePrecision(a.value("precision"), "--precision") : Precision::Auto;
  const EvalReport r =
      evaluateModelFile(model, pd, a.value("device", "cpu"), p,
                        static_cast<int>(a.integer("threads", 0, 0, 1024)), &interruptToken());
  nlohmann::json out = reportJson(r, pd.classNames());
  out["model_file"] = model;
  std::ostringstream h;
  h << "clean accuracy " << percent(r.cleanAcc) << ", ASR " << percent(r.asr)
    << ", ASR with the mirrored trigger (column " << pd.trigger.mirroredCol() << ") "
    << percent(r.asrMirrored) << ", poisons fitted " << percent(r.poisonFit) << "\n"
    << flipLine(pd, r) << "per class (clean / triggered -> target):\n";
  for (std::size_t c = 0; c < r.perClassAcc.size(); ++c) {
    char line[128];
    std::snprintf(line, sizeof line, "  %d %-12s %7.2f %%  %7.2f %%\n", int(c),
                  pd.classNames()[c].c_str(), 100 * r.perClassAcc[c],
                  100 * r.targetRateTriggered[c]);
    h << line;
  }
  emit(a, out, h.str());
  return 0;
}

}  // namespace poisonlab::cli
