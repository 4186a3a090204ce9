#include "core/run/grid.h"

#include "core/attack/label_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <type_traits>
#include <sstream>

#include "core/run/run_folder.h"
#include "core/run/train_report.h"
#include "core/util/atomic_file.h"
#include "core/util/error.h"

namespace poisonlab {
namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

namespace {

constexpr std::size_t kMaxPoints = 10000;

ojson parseFile(const std::string& path) {
  const std::string text = readTextFile(path);
  try {
    return ojson::parse(text);
  } catch (const ojson::exception& e) {
    throw Error(path + ": not JSON: " + e.what());
  }
}

/// Reads field `key` of `o` as T, with an error naming `where.key`.
/// A whole number of type T, or an Error naming `field`: nlohmann's get<int> narrows
/// silently (1.9 -> 1, 4294967307 -> 11, and -1 as an unsigned -> 2^64 - 1).
template <typename T>
T wholeNumber(const ojson& v, const std::string& field) {
  static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>);
  if (!v.is_number_integer()) throw Error(field + ": " + v.dump() + " is not a whole number");
  const bool fits =
      v.is_number_unsigned()
          ? v.get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<T>::max())
          : v.get<std::int64_t>() >= std::int64_t(std::numeric_limits<T>::min()) &&
                (v.get<std::int64_t>() < 0 || std::uint64_t(v.get<std::int64_t>()) <=
                                                  std::uint64_t(std::numeric_limits<T>::max()));
  if (!fits)
    throw Error(field + ": " + v.dump() + " is outside " +
                std::to_string(std::numeric_limits<T>::min()) + ".." +
                std::to_string(std::numeric_limits<T>::max()));
  return v.is_number_unsigned() ? T(v.get<std::uint64_t>()) : T(v.get<std::int64_t>());
}

template <typename T>
T get(const ojson& o, const std::string& key, const std::string& where) {
  const ojson& v = o.at(key);
  const std::string field = where + "." + key;
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    return wholeNumber<T>(v, field);
  } else if constexpr (std::is_same_v<T, std::vector<int>>) {
    if (!v.is_array()) throw Error(field + ": " + v.dump() + " is not a list of whole numbers");
    std::vector<int> out;
    for (std::size_t i = 0; i < v.size(); ++i)
      out.push_back(wholeNumber<int>(v[i], field + "[" + std::to_string(i) + "]"));
    return out;
  } else {
    try {
      return v.get<T>();
    } catch (const ojson::exception&) {
      throw Error(field + ": " + v.dump() + " is not the expected type");
    }
  }
}

void checkKeys(const ojson& o, const std::vector<std::string>& allowed, const std::string& where) {
  if (!o.is_object()) throw Error(where + ": must be an object");
  for (auto it = o.begin(); it != o.end(); ++it) {
    bool ok = false;
    for (const auto& a : allowed) ok = ok || a == it.key();
    if (!ok) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      throw Error(where + "." + it.key() + ": unknown field (fields: " + list + ")");
    }
  }
}

const std::vector<std::string> kTriggerFields{"type",    "pos",     "color",       "size",
                                              "pattern", "opacity", "pattern_seed"};
const std::vector<std::string> kPoisonFields{"source", "target", "count",      "rate",
                                             "seed",   "labels", "label_order"};
const std::vector<std::string> kTrainFields{"preset",
                                            "model",
                                            "width",
                                            "epochs",
                                            "batch",
                                            "lr",
                                            "momentum",
                                            "weight_decay",
                                            "weight_decay_norms",
                                            "warmup",
                                            "label_smoothing",
                                            "augment_until",
                                            "small_crops_until",
                                            "small_crop_side",
                                            "schedule",
                                            "milestones",
                                            "gamma",
                                            "augment",
                                            "precision",
                                            "device",
                                            "threads",
                                            "seed"};

TriggerSpec triggerFrom(const ojson& o, const std::string& where) {
  checkKeys(o, kTriggerFields, where);
  TriggerSpec t = TriggerSpec::defaults(parseTriggerType(
      o.contains("type") ? get<std::string>(o, "type", where) : "pixel", where + ".type"));
  if (o.contains("pos")) {
    const auto p = get<std::vector<int>>(o, "pos", where);
    if (p.size() != 2) throw Error(where + ".pos: must be [row, column]");
    t.row = p[0];
    t.col = p[1];
  }
  if (o.contains("color")) {
    const auto c = get<std::vector<int>>(o, "color", where);
    if (c.size() != 3) throw Error(where + ".color: must be [red, green, blue]");
    t.color = {c[0], c[1], c[2]};
  }
  if (o.contains("size")) t.size = get<int>(o, "size", where);
  if (o.contains("pattern"))
    t.pattern = parseTriggerPattern(get<std::string>(o, "pattern", where), where + ".pattern");
  if (o.contains("opacity")) t.opacity = get<double>(o, "opacity", where);
  if (o.contains("pattern_seed")) t.patternSeed = get<std::uint64_t>(o, "pattern_seed", where);
  try {
    t.validate();
  } catch (const Error& e) {
    throw Error(where + ": " + e.what());
  }
  return t;
}

PoisonSpec poisonFrom(const ojson& o, const std::string& where) {
  checkKeys(o, kPoisonFields, where);
  PoisonSpec p;
  if (o.contains("source")) p.source = get<int>(o, "source", where);
  if (o.contains("target")) p.target = get<int>(o, "target", where);
  if (o.contains("count")) p.count = get<int>(o, "count", where);
  if (o.contains("rate")) p.rate = get<double>(o, "rate", where);
  if (o.contains("seed")) p.seed = get<std::uint64_t>(o, "seed", where);
  // Label-only (a label file per point): read when the point runs (runGridPoint). Absolute
  // paths only: Slurm tasks run in OUT, where a relative path would mean something else.
  if (o.contains("labels")) {
    LabelProvenance lp;
    lp.file = get<std::string>(o, "labels", where);
    if (o.contains("label_order")) lp.orderFile = get<std::string>(o, "label_order", where);
    for (const auto& [key, path] :
         {std::pair<const char*, std::string>{"labels", lp.file}, {"label_order", lp.orderFile}})
      if (!path.empty() && !fs::path(path).is_absolute())
        throw Error(where + "." + key + ": '" + path +
                    "' is relative; give an absolute path (Slurm tasks run in OUT)");
    p.labelsFrom = lp;
  } else if (o.contains("label_order")) {
    throw Error(where + ".label_order: only with labels");
  }
  if (p.count < 1 && p.rate <= 0) throw Error(where + ".count: must be at least 1");
  if (p.source == p.target) throw Error(where + ": source and target are the same class");
  return p;
}

TrainConfig trainFrom(const ojson& o, const std::string& where) {
  checkKeys(o, kTrainFields, where);
  // A named recipe ("preset": "flip") first, then each field over it, as `train --recipe`.
  TrainConfig c = namedRecipe(
      o.contains("preset") ? get<std::string>(o, "preset", where) : "default", where + ".preset");
  if (o.contains("model")) {
    c.model.arch = canonicalArch(get<std::string>(o, "model", where));
    c.model.width = defaultWidth(c.model.arch);  // without a width, as `train` does
  }
  if (o.contains("width")) c.model.width = get<int>(o, "width", where);
  if (o.contains("epochs")) c.epochs = get<int>(o, "epochs", where);
  if (o.contains("batch")) c.batchSize = get<int>(o, "batch", where);
  if (o.contains("lr")) c.lr = get<double>(o, "lr", where);
  if (o.contains("momentum")) c.momentum = get<double>(o, "momentum", where);
  if (o.contains("weight_decay")) c.weightDecay = get<double>(o, "weight_decay", where);
  if (o.contains("warmup")) c.warmup = get<double>(o, "warmup", where);
  if (o.contains("label_smoothing")) c.labelSmoothing = get<double>(o, "label_smoothing", where);
  if (o.contains("augment_until")) c.augmentUntil = get<double>(o, "augment_until", where);
  if (o.contains("small_crops_until"))
    c.smallCropsUntil = get<double>(o, "small_crops_until", where);
  if (o.contains("small_crop_side")) c.smallCropSide = get<int>(o, "small_crop_side", where);
  if (o.contains("weight_decay_norms")) c.decayNorms = get<bool>(o, "weight_decay_norms", where);
  if (o.contains("schedule"))
    c.schedule = parseSchedule(get<std::string>(o, "schedule", where), where + ".schedule");
  if (o.contains("milestones")) c.milestones = get<std::vector<int>>(o, "milestones", where);
  if (o.contains("gamma")) c.gamma = get<double>(o, "gamma", where);
  if (o.contains("augment"))
    c.augment = parseAugment(get<std::string>(o, "augment", where), where + ".augment");
  if (o.contains("precision"))
    c.precision = parsePrecision(get<std::string>(o, "precision", where), where + ".precision");
  if (o.contains("device")) c.device = get<std::string>(o, "device", where);
  if (o.contains("threads")) c.threads = get<int>(o, "threads", where);
  if (o.contains("seed")) c.seed = get<std::uint64_t>(o, "seed", where);
  try {
    c.validate();
  } catch (const Error& e) {
    throw Error(where + ": " + e.what());
  }
  return c;
}

std::string valueText(const ojson& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {
    std::string s;
    for (const auto& e : v) s += (s.empty() ? "" : ",") + valueText(e);
    return s;
  }
  if (v.is_object()) {
    std::string s;
    for (auto it = v.begin(); it != v.end(); ++it)
      s += (s.empty() ? "" : ",") + it.key() + ":" + valueText(it.value());
    return s;
  }
  return v.dump();
}

std::string safeName(const std::string& s) {
  std::string out;
  for (char c : s)
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == ',' || c == '=' ||
            c == '-' || c == '_')
               ? c
               : '_';
  return out.substr(0, 96);
}

GridPlan expand(const ojson& spec, const std::string& file) {
  checkKeys(spec, {"data", "base", "vary"}, file);
  GridPlan plan;
  if (spec.contains("data")) plan.data = get<std::string>(spec, "data", file);
  ojson base = spec.value("base", ojson::object());
  checkKeys(base, {"trigger", "poison", "train"}, file + ": base");
  for (const char* k : {"trigger", "poison", "train"})
    if (!base.contains(k)) base[k] = ojson::object();
  const ojson vary = spec.value("vary", ojson::object());
  if (!vary.is_object()) throw Error(file + ": vary: must be an object");
  std::vector<std::pair<std::string, ojson>> axes;
  std::size_t total = 1;
  for (auto it = vary.begin(); it != vary.end(); ++it) {
    const std::string where = file + ": vary." + it.key();
    if (!it.value().is_array() || it.value().empty())
      throw Error(where + ": must be a non-empty list of values");
    const std::string& k = it.key();
    const auto dot = k.find('.');
    const std::string section = dot == std::string::npos ? k : k.substr(0, dot);
    const std::string field = dot == std::string::npos ? "" : k.substr(dot + 1);
    const bool known =
        (k == "seed" || k == "classes" || k == "recipe") ||
        (section == "trigger" &&
         std::find(kTriggerFields.begin(), kTriggerFields.end(), field) != kTriggerFields.end()) ||
        (section == "poison" &&
         std::find(kPoisonFields.begin(), kPoisonFields.end(), field) != kPoisonFields.end()) ||
        (section == "train" &&
         std::find(kTrainFields.begin(), kTrainFields.end(), field) != kTrainFields.end());
    if (!known)
      throw Error(where +
                  ": unknown setting (trigger.F, poison.F, train.F, seed, classes or recipe)");
    total *= it.value().size();
    if (total > kMaxPoints)
      throw Error(file + ": vary: the grid has over " + std::to_string(kMaxPoints) + " points");
    axes.emplace_back(k, it.value());
    plan.axes.push_back(k);
  }
  for (std::size_t p = 0; p < total; ++p) {
    ojson merged = base;
    GridPoint point;
    std::size_t rest = p;
    std::string label;
    // The last axis varies fastest.
    std::vector<std::size_t> pick(axes.size());
    for (std::size_t a = axes.size(); a-- > 0;) {
      pick[a] = rest % axes[a].second.size();
      rest /= axes[a].second.size();
    }
    for (std::size_t a = 0; a < axes.size(); ++a) {
      const std::string& k = axes[a].first;
      const ojson& v = axes[a].second[pick[a]];
      const std::string where = file + ": vary." + k + "[" + std::to_string(pick[a]) + "]";
      if (k == "seed") {
        merged["poison"]["seed"] = v;
        merged["train"]["seed"] = v;
      } else if (k == "classes") {
        if (!v.is_array() || v.size() != 2) throw Error(where + ": must be [source, target]");
        merged["poison"]["source"] = v[0];
        merged["poison"]["target"] = v[1];
      } else if (k == "recipe") {
        if (!v.is_object()) throw Error(where + ": must be an object of train fields");
        for (auto it = v.begin(); it != v.end(); ++it) merged["train"][it.key()] = it.value();
      } else {
        const auto dot = k.find('.');
        merged[k.substr(0, dot)][k.substr(dot + 1)] = v;
      }
      const std::string text = k == "recipe" ? "recipe" + std::to_string(pick[a]) : valueText(v);
      point.axes.emplace_back(k, text);
      const auto dot = k.find('.');
      label += "-" + (dot == std::string::npos ? k : k.substr(dot + 1)) + "=" + text;
    }
    const std::string where = file + ": point " + std::to_string(p);
    point.trigger = triggerFrom(merged["trigger"], where + " trigger");
    point.poison = poisonFrom(merged["poison"], where + " poison");
    point.train = trainFrom(merged["train"], where + " train");
    char index[16];
    std::snprintf(index, sizeof index, "%03zu", p);
    point.name = safeName(index + label);
    plan.points.push_back(std::move(point));
  }
  return plan;
}

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string errorPath(const std::string& runDir) {
  return (fs::path(runDir) / "grid-error.txt").string();
}

}  // namespace

GridPlan readGridSpec(const std::string& specPath) { return expand(parseFile(specPath), specPath); }

std::string gridPlanPath(const std::string& outDir) {
  return (fs::path(outDir) / "grid.json").string();
}
std::string gridResultsJsonPath(const std::string& outDir) {
  return (fs::path(outDir) / "grid-results.json").string();
}
std::string gridResultsCsvPath(const std::string& outDir) {
  return (fs::path(outDir) / "grid-results.csv").string();
}
std::string gridRunDir(const std::string& outDir, const GridPoint& point) {
  return (fs::path(outDir) / "runs" / point.name).string();
}

void writeGridPlan(const std::string& outDir, const std::string& specPath) {
  const ojson spec = parseFile(specPath);
  expand(spec, specPath);  // checked before anything is written
  const std::string plan = gridPlanPath(outDir);
  std::error_code ec;
  if (fs::exists(plan, ec) && parseFile(plan) != spec)
    throw Error("--out: " + outDir + " holds another grid (grid.json differs from " + specPath +
                "); choose another folder");
  fs::create_directories(fs::path(outDir) / "runs", ec);
  if (ec) throw Error(outDir + ": cannot create the grid folder: " + ec.message());
  writeFileAtomic(plan, spec.dump(2) + "\n");
}

GridPlan readGridPlan(const std::string& outDir) {
  const std::string plan = gridPlanPath(outDir);
  if (!fs::exists(plan)) throw Error(plan + ": no grid here (run `grid --spec` first)");
  return readGridSpec(plan);
}

bool runGridPoint(const std::string& outDir, const GridPoint& point,
                  std::shared_ptr<const Dataset> data, const TrainCallbacks& callbacks,
                  const CancelToken* cancel) {
  const std::string run = gridRunDir(outDir, point);
  if (fs::exists(metricsPath(run))) return false;
  std::error_code ec;
  fs::remove(errorPath(run), ec);
  try {
    PoisonSpec spec = point.poison;
    if (spec.labelsFrom && spec.labels.empty()) {
      LabelOrder order;
      order.file = spec.labelsFrom->orderFile;
      LabelPoison lp = labelPoisonFromFile(*data, spec.labelsFrom->file, order);
      spec.labels = std::move(lp.labels);
      spec.count = static_cast<int>(lp.flipped);
      spec.labelsFrom = lp.from;
    }
    const PoisonedDataset pd = applyPoison(std::move(data), point.trigger, spec);
    // A run killed mid-training continues from its checkpoint (same experiment and recipe).
    const bool resume = fs::exists(experimentPath(run)) && fs::exists(checkpointPath(run));
    if (!resume) writeRun(run, describeExperiment(pd), pd);
    trainModel(pd, point.train, run, callbacks, cancel, resume);
  } catch (const Cancelled&) {
    throw;
  } catch (const std::exception& e) {
    fs::create_directories(run, ec);
    try {
      writeFileAtomic(errorPath(run), std::string(e.what()) + "\n");
    } catch (const Error&) {
    }
    throw;
  }
  return true;
}

std::vector<GridResult> collectGrid(const std::string& outDir) {
  const GridPlan plan = readGridPlan(outDir);
  std::vector<GridResult> rows;
  ojson runs = ojson::array();
  std::ostringstream csv;
  csv << "index,run";
  for (const auto& a : plan.axes) csv << "," << csvField(a);
  csv << ",trigger,source,target,count,poison_seed,model,width,epochs,train_seed,precision,"
         "clean_acc,asr,asr_mirrored,poison_fit,minutes,status,error\n";
  for (std::size_t i = 0; i < plan.points.size(); ++i) {
    const GridPoint& p = plan.points[i];
    GridResult r;
    r.point = p;
    r.runDir = gridRunDir(outDir, p);
    std::string error;
    r.status = "pending";
    if (fs::exists(metricsPath(r.runDir))) {
      try {
        const TrainResult t = readTrainResult(r.runDir);
        r.cleanAcc = t.final.cleanAcc;
        r.asr = t.final.asr;
        r.asrMirrored = t.final.asrMirrored;
        r.poisonFit = t.final.poisonFit;
        r.minutes = t.wallSeconds / 60.0;
        r.precision = t.precisionUsed;
        r.status = "done";
      } catch (const Error& e) {
        r.status = "failed";
        error = e.what();
      }
    } else if (fs::exists(errorPath(r.runDir))) {
      r.status = "failed";
      try {
        std::istringstream in(readTextFile(errorPath(r.runDir)));
        std::getline(in, error);
      } catch (const Error& e) {
        error = e.what();
      }
    }
    const bool done = r.status == "done";
    auto num = [&](double v, int digits) {
      if (!done) return std::string();
      char b[32];
      std::snprintf(b, sizeof b, "%.*f", digits, v);
      return std::string(b);
    };
    csv << i << "," << csvField(p.name);
    for (const auto& [k, v] : p.axes) csv << "," << csvField(v);
    csv << "," << csvField(p.trigger.describe()) << "," << p.poison.source << "," << p.poison.target
        << "," << p.poison.count << "," << p.poison.seed << "," << p.train.model.arch << ","
        << p.train.model.width << "," << p.train.epochs << "," << p.train.seed << "," << r.precision
        << "," << num(r.cleanAcc, 4) << "," << num(r.asr, 4) << "," << num(r.asrMirrored, 4) << ","
        << num(r.poisonFit, 4) << "," << num(r.minutes, 2) << "," << r.status << ","
        << csvField(error) << "\n";
    ojson axes = ojson::object();
    for (const auto& [k, v] : p.axes) axes[k] = v;
    ojson row{{"index", i},
              {"name", p.name},
              {"dir", "runs/" + p.name},
              {"axes", axes},
              {"trigger", p.trigger.describe()},
              {"poison",
               {{"source", p.poison.source},
                {"target", p.poison.target},
                {"count", p.poison.count},
                {"rate", p.poison.rate},
                {"seed", p.poison.seed}}},
              {"train", ojson::parse(trainConfigJson(p.train))},
              {"status", r.status}};
    if (done) {
      row["clean_acc"] = r.cleanAcc;
      row["asr"] = r.asr;
      row["asr_mirrored"] = r.asrMirrored;
      row["poison_fit"] = r.poisonFit;
      row["minutes"] = r.minutes;
      row["precision"] = r.precision;
    }
    if (!error.empty()) row["error"] = error;
    runs.push_back(row);
    rows.push_back(std::move(r));
  }
  const ojson out{{"schema_version", 1}, {"axes", plan.axes}, {"runs", runs}};
  // Both made before either is written, so they never disagree; an error text that is not
  // UTF-8 (a file name from another system) has its bad bytes replaced, not thrown on.
  const std::string json = out.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
  writeFileAtomic(gridResultsCsvPath(outDir), csv.str());
  writeFileAtomic(gridResultsJsonPath(outDir), json);
  return rows;
}

std::vector<std::string> gridResultRuns(const std::string& resultsJson) {
  const ojson j = parseFile(resultsJson);
  const fs::path base = fs::absolute(fs::path(resultsJson)).parent_path();
  std::vector<std::string> dirs;
  if (!j.contains("runs") || !j["runs"].is_array())
    throw Error(resultsJson + ": runs: missing (not a grid-results.json)");
  for (std::size_t i = 0; i < j["runs"].size(); ++i) {
    const ojson& r = j["runs"][i];
    const std::string where = resultsJson + ": runs[" + std::to_string(i) + "]";
    if (!r.is_object() || !r.contains("dir") || !r["dir"].is_string())
      throw Error(where + ".dir: missing");
    if (r.value("status", std::string()) != "done") continue;
    const fs::path dir = base / r["dir"].get<std::string>();
    if (fs::exists(dir / "metrics.json")) dirs.push_back(dir.lexically_normal().string());
  }
  return dirs;
}

}  // namespace poisonlab
