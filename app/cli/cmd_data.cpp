// info, poison and preview: the data set and the run folder from the command line.
#include <filesystem>
#include <sstream>

#include "commands.h"
#include "core/util/atomic_file.h"
#include "core/util/error.h"
#include "core/render/image_render.h"
#include "core/attack/label_file.h"
#include "core/attack/poison.h"
#include "core/run/run_folder.h"
#include "terminal_progress.h"

namespace fs = std::filesystem;

namespace poisonlab::cli {
namespace {

std::vector<std::size_t> countPerClass(const Split& s, int classes) {
  std::vector<std::size_t> counts(static_cast<std::size_t>(classes), 0);
  for (auto l : s.labels) ++counts[l];
  return counts;
}

PoisonSpec poisonFromArgs(const Args& a) {
  PoisonSpec p;
  if (a.has("count") && a.has("rate"))
    throw Error("--count and --rate: give one of them, not both");
  p.source = static_cast<int>(a.integer("source", p.source, -1000000, 1000000));
  p.target = static_cast<int>(a.integer("target", p.target, -1000000, 1000000));
  p.count = static_cast<int>(a.integer("count", p.count, -1000000000, 1000000000));
  if (a.has("rate")) {
    p.rate = a.number("rate", 0, 0, 1);
    if (p.rate <= 0) throw Error("--rate: must be above 0");
  }
  p.seed = a.seed("seed", p.seed);
  return p;
}

}  // namespace

int cmdInfo(int argc, char** argv) {
  Args a(commandDoc("info"));
  a.parse(argc, argv, 2);
  nlohmann::json out;
  const auto ds = loadResolvedData(a, out);
  const auto train = countPerClass(ds->train, ds->numClasses());
  const auto test = countPerClass(ds->test, ds->numClasses());
  out["data"]["train_per_class"] = train;
  out["data"]["test_per_class"] = test;
  std::ostringstream h;
  const auto& d = out["data"];
  h << "data      " << d["path"].get<std::string>() << " (from " << d["origin"].get<std::string>()
    << ")\n"
    << "layout    " << d["format"].get<std::string>() << "\n"
    << "images    " << ds->train.count() << " train, " << ds->test.count() << " test, 3x32x32\n"
    << "loaded in " << d["load_seconds"].get<double>() << " s\n"
    << "classes   label  name          train   test\n";
  for (int c = 0; c < ds->numClasses(); ++c) {
    char line[128];
    std::snprintf(line, sizeof line, "          %5d  %-12s %6zu %6zu\n", c,
                  ds->classNames[c].c_str(), train[c], test[c]);
    h << line;
  }
  emit(a, out, h.str());
  return 0;
}

int cmdPoison(int argc, char** argv) {
  Args a(commandDoc("poison"));
  a.parse(argc, argv, 2);
  const std::string run = a.required("out");
  // Check every option before the (slow) load, so a typo fails at once.
  const TriggerSpec trigger = triggerFromArgs(a);
  trigger.validate();
  PoisonSpec spec = poisonFromArgs(a);
  const std::string labelFile = a.value("labels");
  LabelOrder order;
  order.file = a.value("label-order");
  if (a.has("shuffle-within-class")) order.shuffleWithinClass = a.seed("shuffle-within-class", 0);
  if (labelFile.empty()) {
    for (const char* o : {"label-order", "shuffle-within-class"})
      if (a.has(o)) throw Error(std::string("--") + o + ": only with --labels (a label-only run)");
  } else {
    for (const char* o : {"count", "rate", "seed"})
      if (a.has(o))
        throw Error(std::string("--") + o +
                    ": a label-only run takes its poisoned rows from --labels");
    if (!fs::is_regular_file(labelFile)) throw Error("--labels: " + labelFile + ": no such file");
    if (!order.file.empty() && !fs::is_regular_file(order.file))
      throw Error("--label-order: " + order.file + ": no such file");
  }
  if (fs::exists(experimentPath(run)) && !a.flag("force"))
    throw Error("--out: " + run +
                " already holds an experiment; choose another folder or pass --force");
  // A folder that is not a run but holds a poison.csv (someone else's file): not overwritten
  // without --force either.
  if (!fs::exists(experimentPath(run)) && fs::exists(poisonCsvPath(run)) && !a.flag("force"))
    throw Error("--out: " + run +
                " holds a poison.csv but no experiment (not a PoisonLab run); choose another "
                "folder or pass --force to overwrite it");
  nlohmann::json out;
  auto ds = loadResolvedData(a, out);
  std::optional<LabelProvenance> provenance;
  if (!labelFile.empty()) {
    try {
      LabelPoison lp = labelPoisonFromFile(*ds, labelFile, order);
      spec.labels = std::move(lp.labels);
      spec.count = static_cast<int>(lp.flipped);
      spec.labelsFrom = lp.from;
      provenance = lp.from;
    } catch (const Error& e) {
      if (e.field() == "label-order") throw Error("--label-order: " + std::string(e.what()));
      throw;
    }
  }
  const PoisonedDataset pd = applyPoison(ds, trigger, spec);
  const Experiment exp = describeExperiment(pd);
  // A run poisoned anew keeps nothing derived from the old poison (model, checkpoint,
  // metrics, predictions, detector and unlearning results).
  std::vector<std::string> cleared;
  if (fs::exists(experimentPath(run))) cleared = clearDerived(run);
  writeRun(run, exp, pd);
  const int n = static_cast<int>(pd.poisonedIndices.size());
  out["run"] = run;
  out["poisoned"] = n;
  out["source"] = spec.source;
  out["target"] = spec.target;
  out["seed"] = spec.seed;
  out["trigger"] = trigger.describe();
  out["triggered_test"] = pd.triggeredTest.count();
  std::ostringstream h;
  if (provenance) {
    out["attack"] = "label-only";
    out["labels"] = provenance->file;
    out["label_order"] = provenance->orderHow;
    nlohmann::json pairs = nlohmann::json::array();
    h << "Label-only run: " << n << " training labels flipped by " << provenance->file
      << "\n  (rows mapped by " << provenance->orderHow << "; no image is stamped)\n"
      << "  true -> training label        count\n";
    for (const FlipCount& f : flipCounts(pd)) {
      pairs.push_back({{"true", f.from}, {"label", f.to}, {"count", f.count}});
      char line[160];
      std::snprintf(line, sizeof line, "  %-12s -> %-12s %6zu\n", ds->classNames[f.from].c_str(),
                    ds->classNames[f.to].c_str(), f.count);
      h << line;
    }
    out["flips"] = pairs;
    h << "Test-time trigger: " << trigger.describe() << "\n"
      << "Attack test set: " << pd.triggeredTest.count() << " triggered '"
      << ds->classNames[spec.source] << "' test images, success = '" << ds->classNames[spec.target]
      << "'\n";
  } else {
    h << "Poisoned " << n << " of " << ds->trainIndicesOfClass(spec.source).size() << " '"
      << ds->classNames[spec.source] << "' training images (class " << spec.source << ") -> '"
      << ds->classNames[spec.target] << "' (class " << spec.target << "), seed " << spec.seed
      << "\n"
      << "Trigger: " << trigger.describe() << "\n"
      << "Attack test set: " << pd.triggeredTest.count() << " triggered '"
      << ds->classNames[spec.source] << "' test images\n";
  }
  h << "Run written to " << run << " (experiment.json, poison.csv)\n";
  if (!cleared.empty()) {
    h << "Cleared what the old poison gave:";
    for (const auto& c : cleared) h << ' ' << c;
    h << "\n";
  }
  out["cleared"] = cleared;
  emit(a, out, h.str());
  return 0;
}

int cmdPreview(int argc, char** argv) {
  Args a(commandDoc("preview"));
  a.parse(argc, argv, 2);
  const std::string run = a.required("run");
  const std::string file = a.required("out");
  const std::string split = a.value("split", "train");
  if (split != "train" && split != "test" && split != "triggered")
    throw Error("--split: '" + split + "' is not train, test or triggered");
  const int scale = static_cast<int>(a.integer("scale", 8, 1, 64));
  const long long index = a.integer("index", -1, 0, 1LL << 40);
  if (index < 0) throw Error("'preview' needs --index");
  readExperiment(run);  // fail fast on a bad run folder, before the slow load
  TerminalProgress bar("loading");
  const PoisonedDataset pd = openRun(
      run, a.value("data"), [&](double f, const std::string& t) { bar(f, t); }, &interruptToken());
  bar.finish();
  const Split& s = split == "train"  ? pd.train
                   : split == "test" ? pd.clean->test
                                     : pd.triggeredTest;
  if (static_cast<std::size_t>(index) >= s.count())
    throw Error("--index: " + std::to_string(index) + " is outside 0.." +
                std::to_string(s.count() - 1) + " of the " + split + " split");
  const std::size_t i = static_cast<std::size_t>(index);
  const bool mark = a.flag("mark-trigger");
  writeFileAtomic(file, renderPng(s.image(i), scale, mark ? &pd.trigger : nullptr));
  const bool poisoned = split == "train" ? pd.poisonedMask[i] != 0 : split == "triggered";
  const int label = s.labels[i];
  std::vector<int> atTrigger;
  for (int c = 0; c < 3; ++c) atTrigger.push_back(s.pixel(i, c, pd.trigger.row, pd.trigger.col));
  nlohmann::json out{{"out", file},
                     {"split", split},
                     {"index", i},
                     {"label", label},
                     {"class", pd.classNames()[label]},
                     {"poisoned", poisoned},
                     {"scale", scale},
                     {"pixel_at_trigger", atTrigger},
                     {"trigger_row", pd.trigger.row},
                     {"trigger_col", pd.trigger.col}};
  if (split == "train") out["original_label"] = pd.clean->train.labels[i];
  std::ostringstream h;
  h << "Wrote " << file << ": " << split << " image " << i << ", label " << label << " ("
    << pd.classNames()[label] << ")" << (poisoned ? ", poisoned" : "") << "; pixel at row "
    << pd.trigger.row << ", col " << pd.trigger.col << " = (" << atTrigger[0] << "," << atTrigger[1]
    << "," << atTrigger[2] << ")\n";
  emit(a, out, h.str());
  return 0;
}

}  // namespace poisonlab::cli
