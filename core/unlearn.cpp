#include "core/unlearn.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/atomic_file.h"
#include "core/detect.h"
#include "core/download.h"
#include "core/inference.h"
#include "core/enum_names.h"
#include "core/error.h"
#include "core/npy.h"
#include "core/plot.h"
#include "core/rng.h"
#include "core/run_folder.h"
#include "core/stopwatch.h"
#include "core/train_report.h"
#include "core/training.h"
#include "core/version.h"

namespace poisonlab {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr EnumName<UnlearnMethod> kMethods[] = {{UnlearnMethod::Ssd, "ssd"},
                                                {UnlearnMethod::Retrain, "retrain"},
                                                {UnlearnMethod::Finetune, "finetune"}};

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  const auto e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  for (std::string c; std::getline(in, c, ',');) out.push_back(trimmed(c));
  return out;
}

bool isInteger(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Indices from a CSV: one per line, or the column named "index" (and, when `flaggedOnly`,
/// only rows whose "flagged" column is 1).
std::vector<std::int64_t> readIndexCsv(const std::string& path, std::size_t limit,
                                       bool flaggedOnly) {
  std::ifstream in(path);
  if (!in) throw Error(path + ": cannot open");
  std::vector<std::int64_t> out;
  std::string line;
  std::size_t lineNo = 0, indexCol = 0, flagCol = std::string::npos;
  bool first = true;
  while (std::getline(in, line)) {
    ++lineNo;
    if (trimmed(line).empty()) continue;
    const auto c = cells(line);
    if (first) {
      first = false;
      if (!isInteger(c[0])) {  // a header
        const auto it = std::find(c.begin(), c.end(), "index");
        if (it == c.end()) throw Error(path + ": line 1: no column named 'index'");
        indexCol = static_cast<std::size_t>(it - c.begin());
        const auto f = std::find(c.begin(), c.end(), "flagged");
        if (flaggedOnly && f == c.end()) throw Error(path + ": line 1: no column named 'flagged'");
        if (f != c.end()) flagCol = static_cast<std::size_t>(f - c.begin());
        continue;
      }
    }
    if (indexCol >= c.size() || !isInteger(c[indexCol]))
      throw Error(path + ": line " + std::to_string(lineNo) + ": '" + line +
                  "' has no training index");
    const std::int64_t i = std::stoll(c[indexCol]);
    if (static_cast<std::size_t>(i) >= limit)
      throw Error(path + ": line " + std::to_string(lineNo) + ": index " + std::to_string(i) +
                  " is outside 0.." + std::to_string(limit - 1));
    if (flaggedOnly && (flagCol >= c.size() || c[flagCol] != "1")) continue;
    out.push_back(i);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string formatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

json evalJson(const EvalReport& r) {
  return json{{"clean_acc", r.cleanAcc}, {"asr", r.asr}, {"poison_fit", r.poisonFit}};
}

/// The validation split of SsdSelection, from training images only.
struct Validation {
  Split clean, triggered;
};

Validation makeValidation(const PoisonedDataset& pd, const std::vector<std::int64_t>& forget,
                          const SsdSelection& s) {
  std::vector<std::uint8_t> out(pd.train.count(), 0);
  for (auto i : forget) out[static_cast<std::size_t>(i)] = 1;
  std::vector<std::int64_t> clean, source;
  for (std::size_t i = 0; i < pd.train.count(); ++i) {
    if (out[i] || pd.poisonedMask[i]) continue;
    clean.push_back(static_cast<std::int64_t>(i));
    if (pd.train.labels[i] == pd.spec.source) source.push_back(static_cast<std::int64_t>(i));
  }
  Rng rng(s.seed ^ 0x5A11DULL);
  clean = sampleWithoutReplacement(clean, std::min(s.validation, clean.size()), rng);
  source = sampleWithoutReplacement(source, std::min(s.triggeredValidation, source.size()), rng);
  Validation v;
  v.clean.resize(clean.size());
  for (std::size_t k = 0; k < clean.size(); ++k) {
    std::copy(pd.train.image(static_cast<std::size_t>(clean[k])),
              pd.train.image(static_cast<std::size_t>(clean[k])) + kImageBytes, v.clean.image(k));
    v.clean.labels[k] = pd.train.labels[static_cast<std::size_t>(clean[k])];
  }
  v.triggered.resize(source.size());
  for (std::size_t k = 0; k < source.size(); ++k) {
    std::copy(pd.train.image(static_cast<std::size_t>(source[k])),
              pd.train.image(static_cast<std::size_t>(source[k])) + kImageBytes,
              v.triggered.image(k));
    pd.trigger.apply(v.triggered.image(k));
    v.triggered.labels[k] = static_cast<std::uint8_t>(pd.spec.source);
  }
  if (v.clean.count() == 0 || v.triggered.count() == 0)
    throw Error("select: no validation images left outside the forget set");
  return v;
}

/// Accuracy on the clean validation images and the rate of triggered ones sent to the target.
std::pair<double, double> validate(const std::string& model, const Validation& v, int target,
                                   const InferenceOptions& o) {
  auto predictions = [&](const Split& s) {
    const auto p = classProbabilities(model, s, {}, o);
    const std::size_t c = p.size() / s.count();
    std::vector<int> pred(s.count());
    for (std::size_t i = 0; i < s.count(); ++i)
      pred[i] = static_cast<int>(std::max_element(p.begin() + i * c, p.begin() + (i + 1) * c) -
                                 (p.begin() + i * c));
    return pred;
  };
  const auto pc = predictions(v.clean);
  const auto pt = predictions(v.triggered);
  double acc = 0, asr = 0;
  for (std::size_t i = 0; i < pc.size(); ++i) acc += pc[i] == v.clean.labels[i];
  for (int p : pt) asr += p == target;
  return {acc / double(pc.size()), asr / double(pt.size())};
}

}  // namespace

const char* toString(UnlearnMethod m) { return enumToString(kMethods, m); }
UnlearnMethod parseUnlearnMethod(const std::string& s, const std::string& field) {
  return parseEnum(kMethods, s, field, "an unlearning method");
}

ForgetSet resolveForgetSet(const std::string& spec, const std::string& runDir,
                           const PoisonedDataset& pd, std::uint64_t seed) {
  ForgetSet f;
  f.source = spec;
  const std::string gt = "ground-truth";
  if (spec == gt || spec.rfind(gt + ":", 0) == 0) {
    std::vector<std::int64_t> all(pd.poisonedIndices.begin(), pd.poisonedIndices.end());
    double fraction = 1;
    if (spec.size() > gt.size()) {
      const std::string num = spec.substr(gt.size() + 1);
      char* end = nullptr;
      fraction = std::strtod(num.c_str(), &end);
      if (num.empty() || *end != '\0' || !(fraction > 0) || fraction > 1)
        throw Error("forget: '" + num + "' is not a fraction in (0, 1]");
    }
    const auto k = static_cast<std::size_t>(std::llround(fraction * double(all.size())));
    Rng rng(seed ^ 0xF0A6E7ULL);
    f.indices = fraction >= 1 ? all : sampleWithoutReplacement(all, k, rng);
    if (seed != 0 && fraction < 1) f.source += "#seed" + std::to_string(seed);
  } else if (spec.rfind("detector:", 0) == 0) {
    const std::string name = spec.substr(9);
    const std::string path = (fs::path(detectDir(runDir)) / (name + ".csv")).string();
    if (!fs::exists(path))
      throw Error("forget: " + path + " does not exist (run: poisonlab-cli detect --run " + runDir +
                  " --method " + name + ")");
    f.indices = readIndexCsv(path, pd.train.count(), /*flaggedOnly=*/true);
  } else {
    if (!fs::exists(spec))
      throw Error("forget: '" + spec +
                  "' is neither ground-truth[:FRACTION], detector:NAME nor an existing CSV file");
    f.indices = readIndexCsv(spec, pd.train.count(), /*flaggedOnly=*/false);
  }
  std::sort(f.indices.begin(), f.indices.end());
  for (auto i : f.indices) f.poisons += pd.poisonedMask[static_cast<std::size_t>(i)];
  return f;
}

std::string unlearnName(const UnlearnRequest& r) {
  std::string src;
  for (char c : r.forget.source) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
    src.push_back(ok ? c : '-');
  }
  if (r.forget.source.find('/') != std::string::npos || r.forget.source.size() > 40)
    src = "file-" + fs::path(r.forget.source).stem().string();
  std::string name = std::string(toString(r.method)) + "-" + src;
  if (r.method == UnlearnMethod::Ssd)
    name += r.select.enabled ? "-selected-asr" + formatNumber(r.select.asrTarget) + "-acc" +
                                   formatNumber(r.select.accuracyBudget)
                             : "-a" + formatNumber(r.ssd.alpha) + "-l" + formatNumber(r.ssd.lambda);
  if (r.method == UnlearnMethod::Finetune)
    name += "-e" + std::to_string(r.finetune.epochs) + "-lr" + formatNumber(r.finetune.lr);
  return name;
}

std::string unlearnDir(const std::string& runDir) {
  return (fs::path(runDir) / "unlearn").string();
}

UnlearnResult unlearn(const std::string& runDir, const PoisonedDataset& pd, const UnlearnRequest& r,
                      const ProgressFn& progress, const CancelToken* cancel) {
  const auto start = Clock::now();
  UnlearnResult res;
  res.name = r.name.empty() ? unlearnName(r) : r.name;
  res.forgetSize = r.forget.indices.size();
  res.forgetPoisons = r.forget.poisons;
  if (res.name.empty() || res.name.find('/') != std::string::npos || res.name[0] == '.')
    throw Error("name: '" + res.name + "' cannot be a folder name");
  const std::string original = r.modelPath.empty() ? modelPath(runDir) : r.modelPath;
  if (!fs::exists(original)) throw Error(original + ": no such model file (train first)");
  const fs::path base = fs::path(unlearnDir(runDir));
  const fs::path outDir = base / res.name;
  res.modelPath = (outDir / "model.pt").string();
  res.jsonPath = (base / (res.name + ".json")).string();
  std::error_code ec;
  fs::create_directories(outDir, ec);
  if (ec) throw Error(outDir.string() + ": cannot create: " + ec.message());
  auto stage = [&](double from, double to) {
    return [&progress, from, to](double f, const std::string& t) {
      report(progress, from + (to - from) * f, t);
    };
  };
  res.before = evaluateModelFile(original, pd, r.device, r.precision, r.threads, cancel);
  report(progress, 0.05, "evaluated the original model");
  json settings;
  double resumedSeconds = 0;  // training time spent in earlier, interrupted sessions
  switch (r.method) {
    case UnlearnMethod::Ssd: {
      // Full-set importances depend only on the model and the batch size: cached per model.
      const std::string key =
          md5OfFile(original) + "-b" + std::to_string(r.ssd.batch) + "-" + toString(r.precision);
      const fs::path cache = base / "cache" / ("fisher-" + key + ".npy");
      std::vector<std::vector<float>> full;
      const auto t0 = Clock::now();
      const std::vector<std::vector<float>> forget =
          fisherImportances(original, pd.train, r.forget.indices, r.ssd.batch, r.precision,
                            r.threads, stage(0.05, 0.1), cancel);
      const double forgetSeconds = since(t0);
      bool cached = false;
      if (fs::exists(cache)) {
        const NpyMatrix m = readNpy(cache.string());
        std::size_t at = 0;
        for (const auto& f : forget) {
          if (at + f.size() > m.values.size()) break;
          full.emplace_back(m.values.begin() + static_cast<std::ptrdiff_t>(at),
                            m.values.begin() + static_cast<std::ptrdiff_t>(at + f.size()));
          at += f.size();
        }
        cached = at == m.values.size() && full.size() == forget.size();
        if (!cached) full.clear();
      }
      const auto t1 = Clock::now();
      if (!cached) {
        std::vector<std::int64_t> all(pd.train.count());
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<std::int64_t>(i);
        full = fisherImportances(original, pd.train, all, r.ssd.batch, r.precision, r.threads,
                                 stage(0.1, 0.85), cancel);
        fs::create_directories(cache.parent_path(), ec);
        std::size_t total = 0;
        for (const auto& v : full) total += v.size();
        NpyWriter w(cache.string(), 1, total);
        std::vector<float> flat;
        flat.reserve(total);
        for (const auto& v : full) flat.insert(flat.end(), v.begin(), v.end());
        w.writeRows(0, flat.data(), 1);
        w.commit();
      }
      const double fullSeconds = since(t1);
      if (cancel) cancel->throwIfCancelled();
      res.chosen = r.ssd;
      json selection;
      if (r.select.enabled) {
        const auto t2 = Clock::now();
        const Validation v = makeValidation(pd, r.forget.indices, r.select);
        InferenceOptions io;
        io.precision = r.precision;
        io.threads = r.threads;
        io.device = r.device;
        const auto [baseAcc, baseAsr] = validate(original, v, pd.spec.target, io);
        const std::string candidate = (outDir / "candidate.pt").string();
        std::size_t step = 0;
        const double steps = double(r.select.alphas.size() * r.select.lambdas.size());
        for (double a : r.select.alphas)
          for (double l : r.select.lambdas) {
            if (cancel) cancel->throwIfCancelled();
            SsdOptions o = r.ssd;
            o.alpha = a;
            o.lambda = l;
            SsdGridPoint g;
            g.alpha = a;
            g.lambda = l;
            g.dampened = dampen(original, candidate, full, forget, o).selected;
            std::tie(g.validationAccuracy, g.validationAsr) =
                validate(candidate, v, pd.spec.target, io);
            g.meetsTarget = g.validationAsr <= r.select.asrTarget &&
                            g.validationAccuracy >= baseAcc - r.select.accuracyBudget;
            res.grid.push_back(g);
            report(progress, 0.85 + 0.1 * double(++step) / steps, "choosing alpha and lambda");
          }
        fs::remove(candidate, ec);
        // The gentlest setting that meets the target; failing that, the lowest ASR within the
        // accuracy budget; failing that, the best accuracy.
        const SsdGridPoint* best = nullptr;
        auto better = [&](const SsdGridPoint& g) {
          if (!best) return true;
          if (g.meetsTarget != best->meetsTarget) return g.meetsTarget;
          if (g.meetsTarget)
            return g.dampened < best->dampened || (g.dampened == best->dampened &&
                                                   g.validationAccuracy > best->validationAccuracy);
          const bool gIn = g.validationAccuracy >= baseAcc - r.select.accuracyBudget;
          const bool bIn = best->validationAccuracy >= baseAcc - r.select.accuracyBudget;
          if (gIn != bIn) return gIn;
          if (gIn) return g.validationAsr < best->validationAsr;
          return g.validationAccuracy > best->validationAccuracy;
        };
        for (const auto& g : res.grid)
          if (better(g)) best = &g;
        res.chosen.alpha = best->alpha;
        res.chosen.lambda = best->lambda;
        json grid = json::array();
        for (const auto& g : res.grid)
          grid.push_back({{"alpha", g.alpha},
                          {"lambda", g.lambda},
                          {"dampened", g.dampened},
                          {"validation_accuracy", g.validationAccuracy},
                          {"validation_asr", g.validationAsr},
                          {"meets_target", g.meetsTarget}});
        selection = {{"asr_target", r.select.asrTarget},
                     {"accuracy_budget", r.select.accuracyBudget},
                     {"validation_images", v.clean.count()},
                     {"triggered_validation_images", v.triggered.count()},
                     {"validation_accuracy_before", baseAcc},
                     {"validation_asr_before", baseAsr},
                     {"target_met", best->meetsTarget},
                     {"seed", r.select.seed},
                     {"grid", grid},
                     {"seconds", since(t2)}};
      }
      const DampeningStats st = dampen(original, res.modelPath, full, forget, res.chosen);
      res.figures = {{"forget_importance_seconds", forgetSeconds},
                     {"full_importance_seconds", fullSeconds},
                     {"full_importance_cached", cached ? 1.0 : 0.0},
                     {"parameters", double(st.parameters)},
                     {"dampened", double(st.selected)}};
      settings = {{"alpha", res.chosen.alpha},
                  {"lambda", res.chosen.lambda},
                  {"batch", r.ssd.batch},
                  {"importance_cache", cache.string()}};
      if (r.select.enabled) settings["selection"] = selection;
      break;
    }
    case UnlearnMethod::Retrain:
    case UnlearnMethod::Finetune: {
      TrainConfig c = readTrainConfig(runDir);  // the original recipe
      c.exclude = r.forget.indices;
      c.precision = r.precision == Precision::Auto ? c.precision : r.precision;
      c.threads = r.threads;
      c.device = r.device;
      if (r.method == UnlearnMethod::Finetune) {
        c.initModel = original;
        c.epochs = r.finetune.epochs;
        c.lr = r.finetune.lr;
        settings = {{"epochs", c.epochs}, {"lr", c.lr}};
      }
      settings["recipe"] = json::parse(trainConfigJson(c));
      TrainCallbacks cb;
      cb.onBatch = [&](const BatchStats& s) {
        report(progress, 0.05 + 0.9 * ((s.epoch - 1) + double(s.batch) / s.batches) / c.epochs,
               "epoch " + std::to_string(s.epoch) + "/" + std::to_string(c.epochs));
      };
      // A cancelled retrain or fine-tune continues from its last epoch (same settings only:
      // trainModel refuses a checkpoint made with others).
      const bool resume = fs::exists(checkpointPath(outDir.string()));
      const auto t0 = Clock::now();
      const TrainResult tr = trainModel(pd, c, outDir.string(), cb, cancel, resume);
      // Count the training time of every session, not only this one's.
      resumedSeconds = tr.wallSeconds - since(t0);
      res.figures = {{"train_seconds", tr.wallSeconds},
                     {"train_images", double(tr.trainImages)},
                     {"resumed_from_epoch", double(tr.resumedFromEpoch)}};
      break;
    }
  }
  res.after = evaluateModelFile(res.modelPath, pd, r.device, r.precision, r.threads, cancel);
  res.seconds = since(start) + std::max(0.0, resumedSeconds);
  json j{{"name", res.name},
         {"method", toString(r.method)},
         {"settings", settings},
         {"forget",
          {{"source", r.forget.source},
           {"size", r.forget.indices.size()},
           {"poisons", r.forget.poisons},
           {"clean", r.forget.indices.size() - r.forget.poisons},
           {"poisons_in_training_set", pd.poisonedIndices.size()}}},
         {"clean_acc_before", res.before.cleanAcc},
         {"asr_before", res.before.asr},
         {"poison_fit_before", res.before.poisonFit},
         {"clean_acc", res.after.cleanAcc},
         {"asr", res.after.asr},
         {"poison_fit", res.after.poisonFit},
         {"seconds", res.seconds},
         {"model_file", res.modelPath},
         {"original_model", original},
         {"precision", toString(r.precision)},
         {"created", utcTimestamp()},
         {"version", kPoisonLabVersion}};
  json figures = json::object();
  for (const auto& [k, v] : res.figures) figures[k] = v;
  j["figures"] = figures;
  j["before"] = evalJson(res.before);
  j["after"] = evalJson(res.after);
  writeFileAtomic(res.jsonPath, j.dump(2) + "\n");
  report(progress, 1.0, "done");
  return res;
}

UnlearnResult readUnlearnResult(const std::string& jsonPath) {
  json j;
  try {
    j = json::parse(readTextFile(jsonPath));
    UnlearnResult r;
    r.name = j.at("name").get<std::string>();
    r.modelPath = j.at("model_file").get<std::string>();
    r.jsonPath = jsonPath;
    r.before.cleanAcc = j.at("clean_acc_before").get<double>();
    r.before.asr = j.at("asr_before").get<double>();
    r.before.poisonFit = j.value("poison_fit_before", 0.0);
    r.after.cleanAcc = j.at("clean_acc").get<double>();
    r.after.asr = j.at("asr").get<double>();
    r.after.poisonFit = j.value("poison_fit", 0.0);
    r.seconds = j.at("seconds").get<double>();
    r.forgetSize = j.at("forget").at("size").get<std::size_t>();
    r.forgetPoisons = j.at("forget").at("poisons").get<std::size_t>();
    const json figures = j.value("figures", json::object());
    for (const auto& [k, v] : figures.items())
      if (v.is_number()) r.figures.emplace_back(k, v.get<double>());
    return r;
  } catch (const json::exception& e) {
    throw Error(jsonPath + ": not an unlearning record: " + e.what());
  }
}

std::vector<SweepRow> unlearnSweep(const std::string& runDir, const PoisonedDataset& pd,
                                   const std::vector<double>& fractions,
                                   const std::vector<UnlearnMethod>& methods,
                                   const UnlearnRequest& base, std::uint64_t seed, bool reuse,
                                   const std::function<void(const SweepRow&)>& onRow,
                                   const ProgressFn& progress, const CancelToken* cancel) {
  if (fractions.empty() || methods.empty()) throw Error("sweep: no fractions or no methods");
  std::vector<SweepRow> rows;
  const double total = double(fractions.size() * methods.size());
  for (UnlearnMethod m : methods) {
    for (double f : fractions) {
      if (!(f > 0) || f > 1) throw Error("fractions: " + formatNumber(f) + " is not in (0, 1]");
      SweepRow row;
      row.method = m;
      row.fraction = f;
      UnlearnRequest r = base;
      r.method = m;
      r.name.clear();
      r.forget =
          resolveForgetSet(f >= 1 ? std::string("ground-truth") : "ground-truth:" + formatNumber(f),
                           runDir, pd, seed);
      const std::string name = unlearnName(r);
      const std::string json = (fs::path(unlearnDir(runDir)) / (name + ".json")).string();
      if (reuse && fs::exists(json) &&
          fs::exists(fs::path(unlearnDir(runDir)) / name / "model.pt")) {
        row.result = readUnlearnResult(json);
        row.reused = true;
      } else {
        const double done = double(rows.size());
        row.result = unlearn(
            runDir, pd, r,
            [&](double g, const std::string& t) {
              report(progress, (done + g) / total,
                     std::string(toString(m)) + " at " + formatNumber(f) + ": " + t);
            },
            cancel);
      }
      rows.push_back(row);
      if (onRow) onRow(rows.back());
    }
  }
  return rows;
}

void writeSweep(const std::string& runDir, const std::vector<SweepRow>& rows, std::string* csvPath,
                std::string* pngPath) {
  const fs::path dir = unlearnDir(runDir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  std::ostringstream csv;
  csv << "method,fraction,name,forget_poisons,clean_acc_before,asr_before,clean_acc,asr,seconds,"
         "reused\n";
  for (const auto& r : rows)
    csv << toString(r.method) << ',' << formatNumber(r.fraction) << ',' << r.result.name << ','
        << r.result.forgetPoisons << ',' << r.result.before.cleanAcc << ',' << r.result.before.asr
        << ',' << r.result.after.cleanAcc << ',' << r.result.after.asr << ',' << r.result.seconds
        << ',' << int(r.reused) << '\n';
  const std::string csvFile = (dir / "sweep.csv").string();
  writeFileAtomic(csvFile, csv.str());
  PlotPanel asr{"Attack success rate", "fraction of poisons found", "ASR (%)", 0, 1, 0, 100, {}};
  PlotPanel clean{
      "Clean accuracy", "fraction of poisons found", "clean accuracy (%)", 0, 1, 0, 100, {}};
  std::vector<UnlearnMethod> order;
  for (const auto& r : rows)
    if (std::find(order.begin(), order.end(), r.method) == order.end()) order.push_back(r.method);
  for (std::size_t k = 0; k < order.size(); ++k) {
    PlotSeries a{toString(order[k]), {}, {}, paletteColor(k), false};
    PlotSeries c = a;
    std::vector<const SweepRow*> mine;
    for (const auto& r : rows)
      if (r.method == order[k]) mine.push_back(&r);
    std::sort(mine.begin(), mine.end(),
              [](const SweepRow* x, const SweepRow* y) { return x->fraction < y->fraction; });
    for (const auto* r : mine) {
      a.x.push_back(r->fraction);
      a.y.push_back(100 * r->result.after.asr);
      c.x.push_back(r->fraction);
      c.y.push_back(100 * r->result.after.cleanAcc);
    }
    asr.series.push_back(a);
    clean.series.push_back(c);
  }
  if (!rows.empty()) {
    const EvalReport& b = rows.front().result.before;
    asr.series.push_back({"original model", {0, 1}, {100 * b.asr, 100 * b.asr}, 0x7f7f7f, true});
    clean.series.push_back(
        {"original model", {0, 1}, {100 * b.cleanAcc, 100 * b.cleanAcc}, 0x7f7f7f, true});
  }
  const std::string pngFile = (dir / "sweep.png").string();
  writeLinePlotPng(pngFile, "Corrective unlearning: " + runDir, {asr, clean});
  if (csvPath) *csvPath = csvFile;
  if (pngPath) *pngPath = pngFile;
}

}  // namespace poisonlab
