// unlearn: remove the backdoor from a trained run's model (SSD, retraining, fine-tuning).
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "commands.h"
#include "core/util/atomic_file.h"
#include "core/util/error.h"
#include "core/unlearn/sweep.h"
#include "core/util/format.h"
#include "terminal_progress.h"

namespace poisonlab::cli {
namespace {

std::string pct(double f) { return formatPercent(f); }

}  // namespace

namespace {
UnlearnRequest unlearnRequestFromArgs(const Args& a, UnlearnMethod method, bool checkOptions) {
  UnlearnRequest r;
  r.method = method;
  if (checkOptions && method != UnlearnMethod::Ssd)
    for (const char* o : {"alpha", "lambda", "fisher-batch", "fit-target", "asr-target",
                          "acc-budget", "validation", "folds", "alphas", "lambdas"})
      if (a.has(o)) throw Error(std::string("--") + o + " belongs to --method ssd");
  if (checkOptions && method != UnlearnMethod::Finetune)
    for (const char* o : {"epochs", "lr"})
      if (a.has(o)) throw Error(std::string("--") + o + " belongs to --method finetune");
  r.ssd.alpha = a.number("alpha", r.ssd.alpha, 0, 1e300);
  r.ssd.lambda = a.number("lambda", r.ssd.lambda, 0, 1e300);
  r.ssd.batch = static_cast<int>(a.integer("fisher-batch", r.ssd.batch, 1, 65536));
  r.select.oracle = a.flag("select-oracle");
  r.select.enabled = a.flag("select") || r.select.oracle;
  if (a.flag("select") && r.select.oracle) throw Error("--select and --select-oracle: choose one");
  if (checkOptions && r.select.enabled && method != UnlearnMethod::Ssd)
    throw Error(std::string(r.select.oracle ? "--select-oracle" : "--select") +
                " belongs to --method ssd");
  if (r.select.enabled && (a.has("alpha") || a.has("lambda")))
    throw Error("--select chooses alpha and lambda itself (give the grid with --alphas/--lambdas)");
  if (a.has("asr-target") && !r.select.oracle)
    throw Error(
        "--asr-target belongs to --select-oracle (the ground-truth validation); --select "
        "targets the held-out forget fit: --fit-target");
  if (a.has("fit-target") && r.select.oracle)
    throw Error("--fit-target belongs to --select; --select-oracle targets --asr-target");
  r.select.target = r.select.oracle ? a.number("asr-target", r.select.target, 0, 1)
                                    : a.number("fit-target", r.select.target, 0, 1);
  r.select.folds = static_cast<int>(a.integer("folds", r.select.folds, 2, 1000));
  r.select.accuracyBudget = a.number("acc-budget", r.select.accuracyBudget, 0, 1);
  r.select.validation =
      static_cast<std::size_t>(a.integer("validation", r.select.validation, 1, 1LL << 40));
  r.select.seed = a.seed("seed", 0);
  auto numbers = [&](const char* name, std::vector<double>& out) {
    if (!a.has(name)) return;
    out.clear();
    std::stringstream in(a.value(name));
    for (std::string item; std::getline(in, item, ',');) {
      char* end = nullptr;
      const double v = std::strtod(item.c_str(), &end);
      if (item.empty() || *end != '\0' || !(v >= 0))
        throw Error(std::string("--") + name + ": '" + item + "' is not a number >= 0");
      out.push_back(v);
    }
    if (out.empty()) throw Error(std::string("--") + name + ": empty list");
  };
  numbers("alphas", r.select.alphas);
  numbers("lambdas", r.select.lambdas);
  r.finetune.epochs = static_cast<int>(a.integer("epochs", r.finetune.epochs, 1, 10000));
  r.finetune.lr = a.number("lr", r.finetune.lr, 1e-9, 100);
  if (a.has("precision")) r.precision = parsePrecision(a.value("precision"), "--precision");
  r.threads = static_cast<int>(a.integer("threads", 0, 0, 1024));
  r.device = a.value("device", r.device);
  r.modelPath = a.value("model");
  return r;
}

nlohmann::json unlearnJson(const UnlearnResult& res) {
  return nlohmann::json::parse(readTextFile(res.jsonPath));
}
}  // namespace

int cmdUnlearn(int argc, char** argv) {
  Args a(commandDoc("unlearn"));
  a.parse(argc, argv, 2);
  const std::string run = a.required("run");
  UnlearnRequest r =
      unlearnRequestFromArgs(a, parseUnlearnMethod(a.required("method"), "--method"), true);
  r.name = a.value("name");
  const std::string spec = a.required("forget");
  const PoisonedDataset pd = openRunWithProgress(a, run);
  r.forget = resolveForgetSet(spec, run, pd, a.seed("seed", 0));
  std::fprintf(stderr, "forgetting %zu training samples (%zu of the %zu poisons) with %s\n",
               r.forget.indices.size(), r.forget.poisons, pd.poisonedIndices.size(),
               toString(r.method));
  TerminalProgress bar("unlearn");
  const UnlearnResult res = unlearn(
      run, pd, r, [&](double f, const std::string& t) { bar(f, t); }, &interruptToken());
  bar.finish();
  std::ostringstream h;
  h << res.name << ": clean accuracy " << pct(res.before.cleanAcc) << " -> "
    << pct(res.after.cleanAcc) << ", ASR " << pct(res.before.asr) << " -> " << pct(res.after.asr)
    << ", mirrored trigger " << pct(res.before.asrMirrored) << " -> " << pct(res.after.asrMirrored)
    << ", " << res.seconds << " s\n";
  for (const auto& [k, v] : res.figures) h << "  " << k << ": " << v << "\n";
  const SsdSelectionResult& sel = res.selection;
  if (!sel.grid.empty()) {
    const bool oracle = sel.mode == "oracle";
    h << "  searched (" << sel.mode << ": " << sel.backdoorMeasure << "; " << sel.validationImages
      << " clean training images, " << sel.backdoorImages
      << (oracle ? " triggered images"
                 : " held-out forget images in " + std::to_string(sel.folds) + " folds")
      << "):\n     alpha   lambda  dampened  val. acc  " << (oracle ? "oracle ASR" : "held-out fit")
      << "\n";
    char line[160];
    std::snprintf(line, sizeof line, "  %8s %8s %9s %8.2f%% %8.2f%%  (original)\n", "-", "-", "-",
                  100 * sel.accuracyBefore, 100 * sel.backdoorBefore);
    h << line;
    for (const auto& g : sel.grid) {
      std::snprintf(
          line, sizeof line, "  %8g %8g %9zu %8.2f%% %8.2f%%%s\n", g.alpha, g.lambda, g.dampened,
          100 * g.validationAccuracy, 100 * g.validationBackdoor,
          g.alpha == res.chosen.alpha && g.lambda == res.chosen.lambda ? "  <- chosen" : "");
      h << line;
    }
  }
  h << "wrote " << res.modelPath << " and " << res.jsonPath << "\n";
  emit(a, unlearnJson(res), h.str());
  return 0;
}

}  // namespace poisonlab::cli

namespace poisonlab::cli {

int cmdUnlearnSweep(int argc, char** argv) {
  Args a(commandDoc("unlearn-sweep"));
  a.parse(argc, argv, 2);
  const std::string run = a.required("run");
  std::vector<double> fractions;
  std::stringstream fs(a.value("fractions", "0.1,0.25,0.5,1"));
  for (std::string item; std::getline(fs, item, ',');) {
    char* end = nullptr;
    const double f = std::strtod(item.c_str(), &end);
    if (item.empty() || *end != '\0' || !(f > 0) || f > 1)
      throw Error("--fractions: '" + item + "' is not a fraction in (0, 1]");
    fractions.push_back(f);
  }
  std::vector<UnlearnMethod> methods;
  std::stringstream ms(a.value("methods", "ssd,finetune,retrain"));
  for (std::string item; std::getline(ms, item, ',');)
    methods.push_back(parseUnlearnMethod(item, "--methods"));
  // Method options apply to their method only; the per-method check of `unlearn` does not.
  UnlearnRequest base = unlearnRequestFromArgs(a, UnlearnMethod::Ssd, false);
  const PoisonedDataset pd = openRunWithProgress(a, run);
  std::fprintf(stderr, "%-9s %8s %8s %10s %10s %10s %10s\n", "method", "fraction", "poisons",
               "clean", "ASR", "mirrored", "seconds");
  TerminalProgress bar("sweep");
  const auto rows = unlearnSweep(
      run, pd, fractions, methods, base, a.seed("seed", 0), !a.flag("no-reuse"),
      [&](const SweepRow& r) {
        bar.finish();
        std::fprintf(stderr, "%-9s %8.3g %8zu %9.2f%% %9.2f%% %9.2f%% %10.1f%s\n",
                     toString(r.method), r.fraction, r.result.forgetPoisons,
                     100 * r.result.after.cleanAcc, 100 * r.result.after.asr,
                     100 * r.result.after.asrMirrored, r.result.seconds,
                     r.reused ? "  (reused)" : "");
      },
      [&](double f, const std::string& t) { bar(f, t); }, &interruptToken());
  bar.finish();
  std::string csv, png;
  writeSweep(run, rows, &csv, &png);
  nlohmann::json out{{"csv_file", csv}, {"png_file", png}, {"rows", nlohmann::json::array()}};
  for (const auto& r : rows)
    out["rows"].push_back({{"method", toString(r.method)},
                           {"fraction", r.fraction},
                           {"name", r.result.name},
                           {"forget_poisons", r.result.forgetPoisons},
                           {"clean_acc_before", r.result.before.cleanAcc},
                           {"asr_before", r.result.before.asr},
                           {"asr_mirrored_before", r.result.before.asrMirrored},
                           {"clean_acc", r.result.after.cleanAcc},
                           {"asr", r.result.after.asr},
                           {"asr_mirrored", r.result.after.asrMirrored},
                           {"seconds", r.result.seconds},
                           {"reused", r.reused}});
  emit(a, out, "wrote " + csv + " and " + png + "\n");
  return 0;
}

}  // namespace poisonlab::cli
