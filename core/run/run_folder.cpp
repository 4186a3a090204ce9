#include "core/run/run_folder.h"

#include <signal.h>
#include <sys/types.h>

#include <cerrno>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include <chrono>
#include <climits>
#include <ctime>
#include <filesystem>
#include <limits>
#include <sstream>

#include "core/util/atomic_file.h"
#include "core/util/error.h"
#include "core/util/md5.h"
#include "core/version.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace poisonlab {
namespace {

json triggerToJson(const TriggerSpec& t) {
  return json{{"type", toString(t.type)},
              {"row", t.row},
              {"col", t.col},
              {"color", {t.color[0], t.color[1], t.color[2]}},
              {"size", t.size},
              {"pattern", toString(t.pattern)},
              {"opacity", t.opacity},
              {"pattern_seed", t.patternSeed}};
}

/// Reads typed fields from a JSON object and names the file and field on error.
class Fields {
 public:
  Fields(const json& j, std::string file, std::string prefix)
      : j_(j), file_(std::move(file)), prefix_(std::move(prefix)) {
    if (!j_.is_object()) fail("", "expected an object");
  }
  [[noreturn]] void fail(const std::string& key, const std::string& what) const {
    throw Error(file_ + ": field '" + prefix_ + key + "': " + what);
  }
  const json& at(const std::string& key) const {
    if (!j_.contains(key)) fail(key, "missing");
    return j_.at(key);
  }
  bool has(const std::string& key) const { return j_.contains(key) && !j_.at(key).is_null(); }
  long long integer(const std::string& key) const {
    const json& v = at(key);
    if (!v.is_number_integer()) fail(key, "expected an integer, got " + v.dump());
    return v.get<long long>();
  }
  /// An integer that must fit an int (checked before narrowing).
  int int32(const std::string& key) const {
    const long long v = integer(key);
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
      fail(key, std::to_string(v) + " is outside the range of an integer");
    return static_cast<int>(v);
  }
  std::uint64_t unsignedInteger(const std::string& key) const {
    const json& v = at(key);
    if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<long long>() >= 0))
      fail(key, "expected a non-negative integer, got " + v.dump());
    return v.get<std::uint64_t>();
  }
  double number(const std::string& key) const {
    const json& v = at(key);
    if (!v.is_number()) fail(key, "expected a number, got " + v.dump());
    return v.get<double>();
  }
  std::string text(const std::string& key) const {
    const json& v = at(key);
    if (!v.is_string()) fail(key, "expected a string, got " + v.dump());
    return v.get<std::string>();
  }
  Fields object(const std::string& key) const {
    return Fields(at(key), file_, prefix_ + key + ".");
  }
  std::string where(const std::string& key) const {
    return file_ + ": field '" + prefix_ + key + "'";
  }

 private:
  const json& j_;
  std::string file_;
  std::string prefix_;
};

TriggerSpec triggerFromJson(const Fields& f) {
  TriggerSpec t;
  t.type = parseTriggerType(f.text("type"), f.where("type"));
  t.pattern = parseTriggerPattern(f.text("pattern"), f.where("pattern"));
  t.row = f.int32("row");
  t.col = f.int32("col");
  t.size = f.int32("size");
  t.opacity = f.number("opacity");
  t.patternSeed = f.has("pattern_seed") ? f.unsignedInteger("pattern_seed") : 0;
  const json& c = f.at("color");
  if (!c.is_array() || c.size() != 3) f.fail("color", "expected [red, green, blue]");
  for (int i = 0; i < 3; ++i) {
    if (!c[i].is_number_integer()) f.fail("color", "expected three integers, got " + c.dump());
    // Range-checked before narrowing: 4294967397 must not be read as 101 (validate() names
    // what is outside 0..255 within an integer).
    if (c[i].is_number_unsigned()
            ? c[i].get<std::uint64_t>() > std::uint64_t(INT_MAX)
            : (c[i].get<std::int64_t>() < INT_MIN || c[i].get<std::int64_t>() > INT_MAX))
      f.fail("color", c[i].dump() + " is outside the range of an integer");
    t.color[i] = c[i].get<int>();
  }
  return t;
}

}  // namespace

std::string utcTimestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string experimentPath(const std::string& runDir) {
  return (fs::path(runDir) / "experiment.json").string();
}
std::string poisonCsvPath(const std::string& runDir) {
  return (fs::path(runDir) / "poison.csv").string();
}

Experiment describeExperiment(const PoisonedDataset& pd) {
  Experiment e;
  e.dataSource = pd.clean->source.empty()
                     ? std::string()
                     : fs::absolute(pd.clean->source).lexically_normal().string();
  e.dataFormat = pd.clean->format;
  e.numTrain = pd.clean->train.count();
  e.numTest = pd.clean->test.count();
  e.classNames = pd.clean->classNames;
  e.trigger = pd.trigger;
  e.poison = pd.spec;
  e.created = utcTimestamp();
  e.version = kPoisonLabVersion;
  return e;
}

void writeRun(const std::string& runDir, const Experiment& e, const PoisonedDataset& pd) {
  std::error_code ec;
  fs::create_directories(runDir, ec);
  if (ec) throw Error(runDir + ": cannot create run folder: " + ec.message());
  json poison{{"source", e.poison.source},
              {"target", e.poison.target},
              {"count", e.poison.resolvedCount(e.numTrain)},
              {"rate", e.poison.rate > 0 ? json(e.poison.rate) : json(nullptr)},
              {"seed", e.poison.seed}};
  const bool labelOnly = e.poison.labelOnly();
  if (labelOnly && !e.poison.labelsFrom)
    throw Error(runDir + ": a label-only run needs its labels' record (where they came from)");
  // A stamped run stays schema 1, which every earlier PoisonLab reads.
  json j{{"schema_version", labelOnly ? 2 : 1},
         {"poisonlab_version", e.version},
         {"created", e.created},
         {"data",
          {{"source", e.dataSource},
           {"format", toString(e.dataFormat)},
           {"num_train", e.numTrain},
           {"num_test", e.numTest},
           {"class_names", e.classNames}}},
         {"trigger", triggerToJson(e.trigger)},
         {"poison", poison},
         {"seeds", {{"poison", e.poison.seed}, {"trigger_pattern", e.trigger.patternSeed}}}};
  if (labelOnly) {
    const LabelProvenance& l = *e.poison.labelsFrom;
    j["attack"] = "label-only";
    j["labels"] = {
        {"file", l.file},
        {"md5", l.md5},
        {"format", l.format},
        {"order_file", l.orderFile.empty() ? json(nullptr) : json(l.orderFile)},
        {"order", l.orderHow},
        {"shuffle_within_class_seed", l.shuffleSeed ? json(*l.shuffleSeed) : json(nullptr)},
        {"flipped", pd.poisonedIndices.size()}};
  }
  std::ostringstream csv;
  csv << "index,original_label,poisoned_label\n";
  for (std::size_t i : pd.poisonedIndices)
    csv << i << ',' << int(pd.clean->train.labels[i]) << ',' << int(pd.train.labels[i]) << '\n';
  // Serialised before any file is written: a class name that is not UTF-8 (a folder name
  // from another system) fails here, naming it, and leaves no half-written run.
  std::string text;
  try {
    text = j.dump(2) + "\n";
  } catch (const json::exception&) {
    for (const auto& name : e.classNames) try {
        (void)json(name).dump();
      } catch (const json::exception&) {
        const std::string shown = json(name).dump(-1, ' ', false, json::error_handler_t::replace);
        throw Error(e.dataSource + ": class name '" + shown.substr(1, shown.size() - 2) +
                    "' is not UTF-8; rename the class folder");
      }
    throw Error(runDir + ": experiment.json: the record cannot be written as JSON");
  }
  // poison.csv first: experiment.json is what marks a folder as a run.
  writeFileAtomic(poisonCsvPath(runDir), csv.str());
  writeFileAtomic(experimentPath(runDir), text);
}

Experiment readExperiment(const std::string& runDir) {
  const std::string file = experimentPath(runDir);
  if (!fs::exists(file)) throw Error(runDir + ": not a run folder (no experiment.json)");
  json j;
  try {
    j = json::parse(readTextFile(file));
  } catch (const json::parse_error& ex) {
    throw Error(file + ": not valid JSON: " + ex.what());
  }
  Fields root(j, file, "");
  const long long version = root.integer("schema_version");
  if (version < 1 || version > kExperimentSchemaVersion)
    root.fail("schema_version", std::to_string(version) +
                                    " is not supported (this PoisonLab reads 1.." +
                                    std::to_string(kExperimentSchemaVersion) + ")");
  Experiment e;
  e.created = root.has("created") ? root.text("created") : std::string();
  e.version = root.has("poisonlab_version") ? root.text("poisonlab_version") : std::string();
  const Fields data = root.object("data");
  e.dataSource = data.text("source");
  e.dataFormat = parseDataFormat(data.text("format"), data.where("format"));
  e.numTrain = data.unsignedInteger("num_train");
  e.numTest = data.unsignedInteger("num_test");
  if (data.has("class_names")) {
    const json& names = data.at("class_names");
    if (!names.is_array()) data.fail("class_names", "expected a list of strings");
    for (const auto& n : names) {
      if (!n.is_string()) data.fail("class_names", "expected a list of strings");
      e.classNames.push_back(n.get<std::string>());
    }
  }
  e.trigger = triggerFromJson(root.object("trigger"));
  if (root.has("attack")) {
    const std::string attack = root.text("attack");
    if (attack != "label-only" && attack != "stamp")
      root.fail("attack", "'" + attack + "' is not an attack (stamp or label-only)");
    if (attack == "label-only") {
      const Fields l = root.object("labels");
      LabelProvenance lp;
      lp.file = l.text("file");
      lp.md5 = l.has("md5") ? l.text("md5") : std::string();
      lp.format = l.has("format") ? l.text("format") : std::string();
      lp.orderFile = l.has("order_file") ? l.text("order_file") : std::string();
      lp.orderHow = l.has("order") ? l.text("order") : std::string();
      if (l.has("shuffle_within_class_seed"))
        lp.shuffleSeed = l.unsignedInteger("shuffle_within_class_seed");
      e.poison.labelsFrom = lp;
    }
  }
  const Fields p = root.object("poison");
  e.poison.source = p.int32("source");
  e.poison.target = p.int32("target");
  e.poison.count = p.int32("count");
  e.poison.rate = p.has("rate") ? p.number("rate") : 0.0;
  e.poison.seed = p.unsignedInteger("seed");
  try {
    e.trigger.validate();
  } catch (const Error& ex) {
    throw Error(file + ": " + ex.what());
  }
  return e;
}

std::vector<PoisonRow> readPoisonCsv(const std::string& runDir) {
  const std::string file = poisonCsvPath(runDir);
  std::istringstream in(readTextFile(file, kCsvFileLimit));
  std::string line;
  std::vector<PoisonRow> rows;
  int lineNo = 0;
  while (std::getline(in, line)) {
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (lineNo == 1) {
      if (line != "index,original_label,poisoned_label")
        throw Error(file + ": line 1: expected the header index,original_label,poisoned_label");
      continue;
    }
    if (line.empty()) continue;
    PoisonRow r{};
    char c1 = 0, c2 = 0;
    long long idx = -1;
    std::istringstream ls(line);
    if (!(ls >> idx >> c1 >> r.originalLabel >> c2 >> r.poisonedLabel) || c1 != ',' || c2 != ',' ||
        idx < 0 || !(ls >> std::ws).eof())
      throw Error(file + ": line " + std::to_string(lineNo) +
                  ": expected index,original_label,poisoned_label, got '" + line + "'");
    r.index = static_cast<std::size_t>(idx);
    rows.push_back(r);
  }
  if (lineNo == 0) throw Error(file + ": empty file");
  return rows;
}

PoisonedDataset openRun(const std::string& runDir, std::shared_ptr<const Dataset> data) {
  const Experiment e = readExperiment(runDir);
  removeStaleTemporaries(runDir);
  if (data->train.count() != e.numTrain || data->test.count() != e.numTest)
    throw Error(runDir + ": the data set (" + std::to_string(data->train.count()) + " train, " +
                std::to_string(data->test.count()) +
                " test images) is not the one this run was made on (" + std::to_string(e.numTrain) +
                " train, " + std::to_string(e.numTest) + " test)");
  const auto rows = readPoisonCsv(runDir);
  PoisonSpec spec = e.poison;
  if (spec.labelsFrom) {
    // A label-only run's labels are its poison.csv over the data set's own labels; each row's
    // original label must be the data set's (a changed or reordered data set fails here).
    spec.labels = data->train.labels;
    int line = 1;
    for (const PoisonRow& r : rows) {
      ++line;
      const std::string where = poisonCsvPath(runDir) + ": line " + std::to_string(line);
      if (r.index >= spec.labels.size())
        throw Error(where + ": index " + std::to_string(r.index) + " is outside the " +
                    std::to_string(spec.labels.size()) + " training images");
      if (r.originalLabel != data->train.labels[r.index])
        throw Error(where + ": image " + std::to_string(r.index) + " has label " +
                    std::to_string(data->train.labels[r.index]) +
                    " in this data set, the run recorded " + std::to_string(r.originalLabel) +
                    " (another data set, or another order?)");
      if (r.poisonedLabel < 0 || r.poisonedLabel >= data->numClasses())
        throw Error(where + ": label " + std::to_string(r.poisonedLabel) + " is not a class");
      spec.labels[r.index] = static_cast<std::uint8_t>(r.poisonedLabel);
    }
  }
  PoisonedDataset pd = applyPoison(std::move(data), e.trigger, spec);
  bool same = rows.size() == pd.poisonedIndices.size();
  for (std::size_t k = 0; same && k < rows.size(); ++k) {
    const std::size_t i = pd.poisonedIndices[k];
    same = rows[k].index == i && rows[k].originalLabel == pd.clean->train.labels[i] &&
           rows[k].poisonedLabel == pd.train.labels[i];
  }
  if (!same)
    throw Error(poisonCsvPath(runDir) +
                ": does not match the poison recomputed from experiment.json on this data set "
                "(was the data set changed or the file edited?)");
  return pd;
}

PoisonedDataset openRun(const std::string& runDir, const std::string& dataOverride,
                        const ProgressFn& progress, const CancelToken* cancel) {
  const Experiment e = readExperiment(runDir);
  const std::string source = dataOverride.empty() ? e.dataSource : dataOverride;
  auto ds = std::make_shared<Dataset>(loadDataset(source, progress, cancel));
  return openRun(runDir, std::shared_ptr<const Dataset>(std::move(ds)));
}

std::vector<std::string> clearDerived(const std::string& runDir) {
  std::vector<std::string> removed;
  for (const char* name :
       {"model.pt", "checkpoint.pt", "metrics.json", "cache", "detect", "unlearn"}) {
    const fs::path p = fs::path(runDir) / name;
    std::error_code ec;
    if (!fs::exists(p, ec)) continue;
    fs::remove_all(p, ec);
    if (ec) throw Error(p.string() + ": cannot remove: " + ec.message());
    removed.emplace_back(name);
  }
  return removed;
}

std::vector<std::string> removeStaleTemporaries(const std::string& runDir, double minAgeSeconds) {
  std::vector<std::string> removed;
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  for (fs::recursive_directory_iterator it(runDir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const auto at = name.rfind(".tmp-");
    if (!it->is_regular_file(ec) || at == std::string::npos) continue;
    const auto age = std::chrono::duration<double>(now - it->last_write_time(ec)).count();
    if (ec || age < minAgeSeconds) continue;  // perhaps another process's write in progress
    // NAME.tmp-PID-N: a writer still alive on this machine (a long checkpoint, a slow disk) is
    // never touched, however old its temporary.
    const long pid = std::strtol(name.c_str() + at + 5, nullptr, 10);
    if (pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM)) continue;
    if (fs::remove(it->path(), ec)) removed.push_back(it->path().string());
  }
  return removed;
}

std::string experimentDigest(const PoisonedDataset& pd) {
  std::ostringstream t;
  t << pd.clean->train.count() << ' ' << pd.clean->test.count() << '|' << pd.trigger.describe()
    << ' ' << toString(pd.trigger.pattern) << ' ' << pd.trigger.opacity << ' '
    << pd.trigger.patternSeed << '|' << pd.spec.source << ' ' << pd.spec.target << ' '
    << pd.spec.seed << '|';
  for (std::size_t i : pd.poisonedIndices) t << i << ',';
  if (pd.spec.labelOnly()) {  // which label each row got (a stamped run's is the target)
    t << "|label-only|";
    for (std::size_t i : pd.poisonedIndices) t << int(pd.train.labels[i]) << ',';
  }
  return md5OfText(t.str());
}

}  // namespace poisonlab
