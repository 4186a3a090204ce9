#include <chrono>
#include <iostream>

#include "commands.h"
#include "core/data/cifar_loader.h"
#include "core/data/data_location.h"
#include "core/train/training.h"
#include "core/util/error.h"
#include "core/run/run_folder.h"
#include "terminal_progress.h"

namespace poisonlab::cli {

TriggerSpec triggerFromArgs(const Args& a) {
  TriggerSpec t = TriggerSpec::defaults(parseTriggerType(a.value("trigger", "pixel"), "--trigger"));
  if (auto pos = a.integerList("pos", 2)) {
    t.row = (*pos)[0];
    t.col = (*pos)[1];
  }
  if (auto c = a.integerList("color", 3)) t.color = {(*c)[0], (*c)[1], (*c)[2]};
  t.size = static_cast<int>(a.integer("size", t.size, -1000000, 1000000));
  if (a.has("pattern")) t.pattern = parseTriggerPattern(a.value("pattern"), "--pattern");
  t.opacity = a.number("opacity", t.opacity, -1e9, 1e9);
  t.patternSeed = a.seed("pattern-seed", t.patternSeed);
  return t;
}

void modelFromArgs(const Args& a, ModelSpec& model) {
  if (a.has("model")) {
    model.arch = canonicalArch(a.value("model"));
    model.width = defaultWidth(model.arch);  // without --width: the network's usual width
  }
  model.width = static_cast<int>(a.integer("width", model.width, 1, 1024));
}

const CancelToken& interruptToken() {
  static const CancelToken token;
  return token;
}

void emit(const Args& args, const nlohmann::json& result, const std::string& human) {
  if (args.flag("json"))
    std::cout << result.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
  else
    std::cout << human << std::flush;
}

std::shared_ptr<const Dataset> loadResolvedData(const Args& args, nlohmann::json& info) {
  const auto loc = resolveDataLocation(args.value("data"));
  if (!loc) throw Error(howToGetData());
  const auto start = std::chrono::steady_clock::now();
  TerminalProgress bar("loading");
  auto ds = std::make_shared<Dataset>(loadDataset(
      loc->path, [&](double f, const std::string& t) { bar(f, t); }, &interruptToken()));
  bar.finish();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  info["data"] = {{"path", loc->path},
                  {"origin", loc->origin},
                  {"format", toString(ds->format)},
                  {"num_train", ds->train.count()},
                  {"num_test", ds->test.count()},
                  {"class_names", ds->classNames},
                  {"load_seconds", seconds}};
  return ds;
}

PoisonedDataset openRunWithProgress(const Args& args, const std::string& runDir) {
  readExperiment(runDir);  // a bad run folder fails before the load
  TerminalProgress bar("loading");
  PoisonedDataset pd = openRun(
      runDir, args.value("data"), [&](double f, const std::string& t) { bar(f, t); },
      &interruptToken());
  bar.finish();
  return pd;
}

}  // namespace poisonlab::cli
