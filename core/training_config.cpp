#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/training.h"

namespace poisonlab {

const char* toString(Precision p) {
  switch (p) {
    case Precision::Auto:
      return "auto";
    case Precision::Fp32:
      return "fp32";
    case Precision::Bf16:
      return "bf16";
  }
  return "?";
}

const char* toString(Augment a) {
  switch (a) {
    case Augment::None:
      return "none";
    case Augment::Flip:
      return "flip";
    case Augment::CropFlip:
      return "crop+flip";
  }
  return "?";
}

const char* toString(Schedule s) {
  switch (s) {
    case Schedule::OneCycle:
      return "onecycle";
    case Schedule::Cosine:
      return "cosine";
  }
  return "?";
}

Precision parsePrecision(const std::string& s, const std::string& field) {
  for (auto p : {Precision::Auto, Precision::Fp32, Precision::Bf16})
    if (s == toString(p)) return p;
  throw Error(field + ": '" + s + "' is not auto, fp32 or bf16");
}

Augment parseAugment(const std::string& s, const std::string& field) {
  for (auto a : {Augment::None, Augment::Flip, Augment::CropFlip})
    if (s == toString(a)) return a;
  throw Error(field + ": '" + s + "' is not none, flip or crop+flip");
}

Schedule parseSchedule(const std::string& s, const std::string& field) {
  for (auto x : {Schedule::OneCycle, Schedule::Cosine})
    if (s == toString(x)) return x;
  throw Error(field + ": '" + s + "' is not onecycle or cosine");
}

void TrainConfig::validate() const {
  model.validate();
  if (epochs < 1 || epochs > 10000)
    throw Error("epochs: " + std::to_string(epochs) + " is outside 1..10000");
  if (batchSize < 1 || batchSize > 65536)
    throw Error("batch: " + std::to_string(batchSize) + " is outside 1..65536");
  if (!(lr > 0 && lr < 100)) throw Error("lr: " + std::to_string(lr) + " must be above 0");
  if (!(momentum >= 0 && momentum < 1)) throw Error("momentum: must be in [0, 1)");
  if (!(weightDecay >= 0 && weightDecay < 1)) throw Error("weight decay: must be in [0, 1)");
  if (!(warmup >= 0 && warmup < 1)) throw Error("warmup: must be in [0, 1)");
  if (!(labelSmoothing >= 0 && labelSmoothing < 1))
    throw Error("label smoothing: must be in [0, 1)");
  if (threads < 0 || threads > 1024)
    throw Error("threads: " + std::to_string(threads) + " is outside 0..1024");
  if (device != "cpu" && device != "cuda")
    throw Error("device: '" + device + "' is not cpu or cuda");
}

bool cpuHasFastBf16() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("flags", 0) != 0) continue;
    std::istringstream words(line);
    std::string w;
    while (words >> w)
      if (w == "avx512_bf16" || w == "amx_bf16") return true;
    return false;
  }
  return false;
}

}  // namespace poisonlab
