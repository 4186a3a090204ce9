#include "core/unlearn/unlearn_record.h"

#include "core/util/json_util.h"
#include "core/util/md5.h"
#include "core/run/run_folder.h"
#include "core/version.h"

namespace poisonlab {
namespace {

using nlohmann::json;

json evalJson(const EvalReport& r) {
  return json{{"clean_acc", r.cleanAcc},
              {"asr", r.asr},
              {"asr_mirrored", r.asrMirrored},
              {"poison_fit", r.poisonFit}};
}

EvalReport evalFrom(const json& j) {
  EvalReport r;
  r.cleanAcc = j.at("clean_acc").get<double>();
  r.asr = j.at("asr").get<double>();
  r.asrMirrored = optionalNumber(j, "asr_mirrored");
  r.poisonFit = optionalNumber(j, "poison_fit");
  return r;
}

}  // namespace

json ssdSelectionJson(const SsdSelection& s, const SsdSelectionResult& res) {
  json grid = json::array();
  for (const auto& g : res.grid)
    grid.push_back({{"alpha", g.alpha},
                    {"lambda", g.lambda},
                    {"dampened", g.dampened},
                    {"validation_accuracy", g.validationAccuracy},
                    {"validation_backdoor", g.validationBackdoor},
                    {"meets_target", g.meetsTarget}});
  return json{
      {"mode", res.mode},
      {"backdoor_measure", res.backdoorMeasure},
      {"uses_ground_truth", s.oracle},
      {"target", s.target},
      {"accuracy_budget", s.accuracyBudget},
      {"clean_validation", "training images outside the forget set, as labelled" +
                               std::string(s.oracle ? ", known poisons excluded (oracle)" : "")},
      {"validation_images", res.validationImages},
      {"backdoor_images", res.backdoorImages},
      {"folds", res.folds},
      {"validation_accuracy_before", res.accuracyBefore},
      {"validation_backdoor_before", res.backdoorBefore},
      {"target_met", res.targetMet},
      {"seed", s.seed},
      {"grid", grid},
      {"seconds", res.seconds}};
}

std::string unlearnRecordJson(const UnlearnRequest& r, const UnlearnResult& res,
                              const json& settings, const std::string& original,
                              const PoisonedDataset& pd) {
  json figures = json::object();
  for (const auto& [k, v] : res.figures) figures[k] = v;
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
         {"asr_mirrored_before", res.before.asrMirrored},
         {"poison_fit_before", res.before.poisonFit},
         {"clean_acc", res.after.cleanAcc},
         {"asr", res.after.asr},
         {"asr_mirrored", res.after.asrMirrored},
         {"poison_fit", res.after.poisonFit},
         {"before", evalJson(res.before)},
         {"after", evalJson(res.after)},
         {"seconds", res.seconds},
         {"model_file", res.modelPath},
         {"original_model", original},
         {"original_model_md5", md5OfFile(original)},
         {"precision", toString(r.precision)},
         {"figures", figures},
         {"created", utcTimestamp()},
         {"version", kPoisonLabVersion}};
  return j.dump(2);
}

UnlearnResult readUnlearnResult(const std::string& jsonPath) {
  const json j = readJsonFile(jsonPath);
  try {
    UnlearnResult r;
    r.name = j.at("name").get<std::string>();
    r.modelPath = j.at("model_file").get<std::string>();
    r.jsonPath = jsonPath;
    r.before = evalFrom(j.contains("before") ? j.at("before") : j);
    r.after = evalFrom(j.contains("after") ? j.at("after") : j);
    r.seconds = j.at("seconds").get<double>();
    r.forgetSize = j.at("forget").at("size").get<std::size_t>();
    r.forgetPoisons = j.at("forget").at("poisons").get<std::size_t>();
    r.originalModelMd5 = j.value("original_model_md5", std::string());
    const json settings = j.value("settings", json::object());
    r.chosen.alpha = settings.value("alpha", r.chosen.alpha);
    r.chosen.lambda = settings.value("lambda", r.chosen.lambda);
    const json figures = j.value("figures", json::object());
    for (const auto& [k, v] : figures.items())
      if (v.is_number()) r.figures.emplace_back(k, v.get<double>());
    return r;
  } catch (const nlohmann::json::exception& e) {
    throw Error(jsonPath + ": not an unlearning record: " + e.what());
  }
}

}  // namespace poisonlab
