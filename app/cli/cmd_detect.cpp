// detect and features: the poison detectors and feature export from the command line.
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>

#include "commands.h"
#include "core/detect/detect.h"
#include "core/util/error.h"
#include "core/util/format.h"
#include "core/run/run_folder.h"
#include "core/train/training.h"
#include "terminal_progress.h"

namespace poisonlab::cli {
namespace {

/// Options that only one detector understands (a misplaced one is an error, not ignored).
const std::map<std::string, DetectorMethod> kMethodOptions = {
    {"eps", DetectorMethod::Spectral},
    {"percentile", DetectorMethod::Spectral},
    {"uncentred", DetectorMethod::Spectral},
    {"pooled", DetectorMethod::Spectral},
    {"classes", DetectorMethod::Spectral},
    {"reduce", DetectorMethod::ActivationClustering},
    {"dims", DetectorMethod::ActivationClustering},
    {"criterion", DetectorMethod::ActivationClustering},
    {"size-threshold", DetectorMethod::ActivationClustering},
    {"silhouette-threshold", DetectorMethod::ActivationClustering},
    {"attempts", DetectorMethod::ActivationClustering},
    {"reclassify", DetectorMethod::ActivationClustering},
    {"reclassify-threshold", DetectorMethod::ActivationClustering},
    {"mode", DetectorMethod::Influence},
    {"self", DetectorMethod::Influence},
    {"test-index", DetectorMethod::Influence},
    {"test-split", DetectorMethod::Influence},
    {"true-labels", DetectorMethod::Influence},
    {"damping", DetectorMethod::Influence},
    {"normalize", DetectorMethod::Influence},
    {"flag-top", DetectorMethod::Influence},
    {"flag-z", DetectorMethod::Influence},
    {"flag-among", DetectorMethod::Influence},
    {"layers", DetectorMethod::Influence},
    {"solver", DetectorMethod::Influence},
    {"iterations", DetectorMethod::Influence},
    {"tolerance", DetectorMethod::Influence},
    {"depth", DetectorMethod::Influence},
    {"repeats", DetectorMethod::Influence},
    {"scale", DetectorMethod::Influence},
    {"lissa-batch", DetectorMethod::Influence},
    {"hessian-samples", DetectorMethod::Influence},
    {"candidates", DetectorMethod::Influence},
    {"candidates-class", DetectorMethod::Influence},
    {"probabilities", DetectorMethod::ConfidentLearning},
    {"folds", DetectorMethod::ConfidentLearning},
};

std::vector<std::string> splitList(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

InferenceOptions inferenceFromArgs(const Args& a) {
  InferenceOptions o;
  // As in training: bf16 + channels-last where the CPU runs it fast (2x), else fp32.
  o.precision = Precision::Auto;
  if (a.has("precision")) o.precision = parsePrecision(a.value("precision"), "--precision");
  o.threads = static_cast<int>(a.integer("threads", 0, 0, 1024));
  o.device = a.value("device", o.device);
  o.batch = static_cast<int>(a.integer("batch", o.batch, 1, 65536));  // default 0: automatic
  return o;
}

DetectRequest requestFromArgs(const Args& a) {
  DetectRequest r;
  r.method = parseDetectorMethod(a.required("method"), "--method");
  for (const auto& [name, method] : kMethodOptions)
    if ((a.has(name) || a.flag(name)) && method != r.method)
      throw Error("--" + name + " belongs to --method " + toString(method) + ", not " +
                  toString(r.method));
  r.modelPath = a.value("model");
  r.layer = a.value("layer");
  r.inference = inferenceFromArgs(a);
  r.exportFeatures = a.value("export-features");
  const std::uint64_t seed = a.seed("seed", 0);
  // Spectral Signatures
  r.spectral.eps = a.number("eps", r.spectral.eps, 1e-6, 1);
  r.spectral.percentile = a.number("percentile", 0, 0, 99.999);
  r.spectral.centred = !a.flag("uncentred");
  r.pooledSpectral = a.flag("pooled");
  for (const auto& c : splitList(a.value("classes"))) {
    try {
      r.spectral.classes.push_back(std::stoi(c));
    } catch (const std::exception&) {
      throw Error("--classes: '" + c + "' is not a class number");
    }
  }
  r.spectral.seed = seed;
  // Confident learning
  if (a.has("probabilities"))
    r.cl.probabilities = parseClProbabilities(a.value("probabilities"), "--probabilities");
  r.cl.folds = static_cast<int>(a.integer("folds", r.cl.folds, 2, 50));
  r.cl.seed = seed;
  // Activation Clustering
  if (a.has("reduce")) r.ac.reduce = parseReduction(a.value("reduce"), "--reduce");
  r.ac.dims = static_cast<int>(a.integer("dims", r.ac.dims, 1, 1000));
  if (a.has("criterion")) r.ac.criterion = parseAcCriterion(a.value("criterion"), "--criterion");
  r.ac.sizeThreshold = a.number("size-threshold", r.ac.sizeThreshold, 1e-6, 0.5);
  r.ac.silhouetteThreshold = a.number("silhouette-threshold", r.ac.silhouetteThreshold, -1, 1);
  r.ac.attempts = static_cast<int>(a.integer("attempts", r.ac.attempts, 1, 100));
  if (a.has("reclassify")) r.ac.reclassify = parseReclassify(a.value("reclassify"), "--reclassify");
  r.ac.reclassifyThreshold =
      a.number("reclassify-threshold", r.ac.reclassifyThreshold, 1e-6, 1 - 1e-6);
  r.ac.seed = seed;
  // Influence functions
  InfluenceRequest& q = r.influence;
  const std::string mode = a.value("mode", "classifier");
  if (mode != "classifier" && mode != "network")
    throw Error("--mode: '" + mode + "' is not classifier or network");
  q.network = mode == "network";
  q.self = a.flag("self");
  q.testIndex = a.integer("test-index", -1, 0, 1LL << 40);
  const std::string split = a.value("test-split", "test");
  if (split != "test" && split != "triggered")
    throw Error("--test-split: '" + split + "' is not test or triggered");
  if (a.has("test-split") && !a.has("test-index")) throw Error("--test-split needs --test-index");
  q.testTriggered = split == "triggered";
  q.trueLabels = a.flag("true-labels");
  q.damping = a.number("damping", q.damping, 0, 1e6);
  if (a.has("normalize"))
    q.normalize = parseInfluenceNormalization(a.value("normalize"), "--normalize");
  else if (q.network)
    q.normalize = InfluenceNormalization::None;
  q.flagTop = static_cast<std::size_t>(a.integer("flag-top", 0, 0, 1LL << 40));
  q.flagZ = a.number("flag-z", q.flagZ, 0, 1e9);
  if (a.has("flag-among")) {
    const std::string among = a.value("flag-among");
    if (among != "label" && among != "all")
      throw Error("--flag-among: '" + among + "' is not label or all");
    q.flagAmongAll = among == "all";
  }
  if (a.has("layers")) q.net.layers = splitList(a.value("layers"));
  if (a.has("solver")) q.net.solver = parseHvpSolver(a.value("solver"), "--solver");
  q.net.cgIterations = static_cast<int>(a.integer("iterations", q.net.cgIterations, 1, 100000));
  q.net.cgTolerance = a.number("tolerance", q.net.cgTolerance, 0, 1);
  q.net.lissaDepth = static_cast<int>(a.integer("depth", q.net.lissaDepth, 1, 10000000));
  q.net.lissaRepeats = static_cast<int>(a.integer("repeats", q.net.lissaRepeats, 1, 100000));
  q.net.lissaScale = a.number("scale", q.net.lissaScale, 1e-9, 1e12);
  q.net.lissaBatch = static_cast<int>(a.integer("lissa-batch", q.net.lissaBatch, 1, 65536));
  q.net.batch = static_cast<int>(a.integer("batch", q.net.batch, 1, 65536));
  q.net.seed = seed;
  q.hessianSamples =
      static_cast<std::size_t>(a.integer("hessian-samples", q.hessianSamples, 1, 1LL << 40));
  const std::string cand = a.value("candidates", std::to_string(q.candidates));
  q.candidates =
      cand == "all" ? 0 : static_cast<std::size_t>(a.integer("candidates", 0, 1, 1LL << 40));
  q.candidateClass = static_cast<int>(a.integer("candidates-class", -1, 0, 255));
  if (!q.network)
    for (const char* o :
         {"layers", "solver", "iterations", "tolerance", "depth", "repeats", "scale", "lissa-batch",
          "hessian-samples", "candidates", "candidates-class"})
      if (a.has(o)) throw Error(std::string("--") + o + " needs --mode network");
  return r;
}

double figure(const std::vector<Figure>& f, const std::string& name, double fallback = 0) {
  return figureOf(f, name, fallback);
}

std::string humanSummary(const DetectionReport& rep, const PoisonedDataset& pd,
                         const std::string& jsonPath) {
  const DetectionMetrics& m = rep.overall;
  std::ostringstream h;
  char line[256];
  const EvalReport& e = rep.model;
  h << "the model: clean accuracy " << formatPercent(e.cleanAcc) << ", ASR " << formatPercent(e.asr)
    << " (mirrored trigger " << formatPercent(e.asrMirrored) << "), poisons fitted "
    << formatPercent(e.poisonFit) << "\n";
  if (!rep.attackTook)
    h << "WARNING: the attack did not take on this model (ASR or poisons fitted under 50 %): a "
         "detector's failure here says nothing about a backdoor that is not there\n";
  h << rep.name << " on layer " << rep.layer << ": flagged " << m.flagged << " of " << m.samples
    << " (" << m.truePositives << " of " << m.poisons << " poisons)\n";
  std::snprintf(line, sizeof line,
                "  precision %.3f  recall %.3f  F1 %.3f  AUROC %.4f  AP %.3f  recall@%zu %.3f\n",
                m.precision, m.recall, m.f1, m.auroc, m.averagePrecision, m.k, m.recallAtK);
  h << line;
  std::snprintf(line, sizeof line, "  %.1f s in all, %.1f s of it computing activations\n",
                rep.seconds, rep.featureSeconds);
  h << line;
  h << "  per class (training label):  samples  poisons  flagged  precision  recall  AUROC";
  const bool spectral = rep.method == "spectral";
  const bool ac = rep.method == "activation-clustering";
  const bool cl = rep.method == "confident-learning";
  const bool reclassified = ac && figure(rep.figures, "reclassify_seconds", -1) >= 0;
  h << (spectral ? "   s1/s2"
        : ac     ? "  sizes        silhouette"
        : cl     ? "  threshold  confident own/other"
                 : "")
    << (reclassified ? "  reclassified: own / most frequent other" : "") << "\n";
  for (const auto& c : rep.classes) {
    std::snprintf(line, sizeof line, "    %d %-12s %14zu %8zu %8zu %10.3f %7.3f %6.3f", c.cls,
                  pd.classNames().at(static_cast<std::size_t>(c.cls)).c_str(), c.metrics.samples,
                  c.metrics.poisons, c.metrics.flagged, c.metrics.precision, c.metrics.recall,
                  c.metrics.auroc);
    h << line;
    if (spectral) {
      std::snprintf(line, sizeof line, "  %6.2f", figure(c.figures, "singular_ratio"));
      h << line;
    } else if (cl) {
      std::snprintf(line, sizeof line, "  %9.3f  %6.0f/%-6.0f", figure(c.figures, "threshold"),
                    figure(c.figures, "confident_own"), figure(c.figures, "confident_other"));
      h << line;
    } else if (ac) {
      std::snprintf(line, sizeof line, "  %5.0f/%-5.0f  %8.3f", figure(c.figures, "cluster0_size"),
                    figure(c.figures, "cluster1_size"), figure(c.figures, "silhouette"));
      h << line;
      if (reclassified && figure(c.figures, "reclassified_other_class", -1) >= 0) {
        const int other = static_cast<int>(figure(c.figures, "reclassified_other_class"));
        std::snprintf(line, sizeof line, "  %5.1f %% / %5.1f %% %s%s",
                      100 * figure(c.figures, "reclassified_own_fraction"),
                      100 * figure(c.figures, "reclassified_other_fraction"),
                      pd.classNames().at(static_cast<std::size_t>(other)).c_str(),
                      figure(c.figures, "reclassified_poison") > 0 ? "  POISON" : "");
        h << line;
      }
    }
    h << "\n";
  }
  for (const auto& [k, v] : rep.figures) {
    std::snprintf(line, sizeof line, "  %s: %.6g\n", k.c_str(), v);
    h << line;
  }
  h << "wrote " << jsonPath << " and the .csv beside it\n";
  return h.str();
}

}  // namespace

int cmdDetect(int argc, char** argv) {
  const CommandDoc& doc = commandDoc("detect");
  // Every method option is declared (and so documented) in usage.cpp.
  for (const auto& [name, method] : kMethodOptions)
    if (!doc.valued.count(name) && !doc.flags.count(name))
      throw Error("internal: detect option --" + name + " (" + toString(method) +
                  ") is missing from usage.cpp");
  Args a(doc);
  a.parse(argc, argv, 2);
  const std::string run = a.required("run");
  const DetectRequest request = requestFromArgs(a);
  const PoisonedDataset pd = openRunWithProgress(a, run);
  TerminalProgress bar("detect");
  const DetectionReport rep = runDetector(
      run, pd, request, [&](double f, const std::string& t) { bar(f, t); }, &interruptToken());
  bar.finish();
  const std::string text = writeDetection(run, pd, rep);
  const std::string jsonPath =
      (std::filesystem::path(detectDir(run)) / (rep.name + ".json")).string();
  nlohmann::json out = nlohmann::json::parse(text);
  out["json_file"] = jsonPath;
  out["csv_file"] = (std::filesystem::path(detectDir(run)) / (rep.name + ".csv")).string();
  if (!request.exportFeatures.empty()) out["features_file"] = request.exportFeatures;
  emit(a, out, humanSummary(rep, pd, jsonPath));
  return 0;
}

int cmdFeatures(int argc, char** argv) {
  Args a(commandDoc("features"));
  a.parse(argc, argv, 2);
  const std::string run = a.required("run");
  const std::string layer = a.required("layer");
  const std::string out = a.required("export-features");
  const std::string model = a.value("model", modelPath(run));
  if (!std::filesystem::exists(model))
    throw Error("--model: " + model + ": no such model file (train first)");
  const PoisonedDataset pd = openRunWithProgress(a, run);
  const auto start = std::chrono::steady_clock::now();
  TerminalProgress bar("features");
  exportFeatures(
      model, pd, layer, out, inferenceFromArgs(a),
      [&](double f, const std::string& t) { bar(f, t); }, &interruptToken());
  bar.finish();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  nlohmann::json j{{"features_file", out},
                   {"sidecar_file", featureSidecarPath(out)},
                   {"layer", layer},
                   {"rows", pd.train.count()},
                   {"seconds", seconds}};
  std::ostringstream h;
  h << "wrote " << out << " (" << pd.train.count() << " rows, layer " << layer << ") and "
    << featureSidecarPath(out) << " in " << seconds << " s\n";
  emit(a, j, h.str());
  return 0;
}

}  // namespace poisonlab::cli
