#include <cctype>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "core/util/enum_names.h"
#include "core/util/error.h"
#include "core/train/training.h"

namespace poisonlab {

namespace {
constexpr EnumName<Precision> kPrecisions[] = {
    {Precision::Auto, "auto"}, {Precision::Fp32, "fp32"}, {Precision::Bf16, "bf16"}};
constexpr EnumName<Augment> kAugments[] = {
    {Augment::None, "none"}, {Augment::Flip, "flip"}, {Augment::CropFlip, "crop+flip"}};
constexpr EnumName<Schedule> kSchedules[] = {{Schedule::OneCycle, "onecycle"},
                                             {Schedule::Cosine, "cosine"},
                                             {Schedule::MultiStep, "multistep"}};
}  // namespace

const char* toString(Precision p) { return enumToString(kPrecisions, p); }
const char* toString(Augment a) { return enumToString(kAugments, a); }
const char* toString(Schedule s) { return enumToString(kSchedules, s); }

Precision parsePrecision(const std::string& s, const std::string& field) {
  return parseEnum(kPrecisions, s, field, "a precision");
}

Augment parseAugment(const std::string& s, const std::string& field) {
  return parseEnum(kAugments, s, field, "an augmentation");
}

Schedule parseSchedule(const std::string& s, const std::string& field) {
  return parseEnum(kSchedules, s, field, "a schedule");
}

void TrainConfig::validate() const {
  model.validate();
  if (epochs < 1 || epochs > 10000)
    throw Error("epochs: " + std::to_string(epochs) + " is outside 1..10000", "train.epochs");
  if (batchSize < 1 || batchSize > 65536)
    throw Error("batch: " + std::to_string(batchSize) + " is outside 1..65536", "train.batch");
  if (!(lr > 0 && lr < 100))
    throw Error("lr: " + std::to_string(lr) + " must be above 0", "train.lr");
  if (!(momentum >= 0 && momentum < 1))
    throw Error("momentum: must be in [0, 1)", "train.momentum");
  if (!(weightDecay >= 0 && weightDecay < 1))
    throw Error("weight decay: must be in [0, 1)", "train.weight_decay");
  if (!(warmup >= 0 && warmup < 1)) throw Error("warmup: must be in [0, 1)", "train.warmup");
  if (!(gamma > 0 && gamma <= 1)) throw Error("gamma: must be in (0, 1]", "train.gamma");
  for (std::size_t i = 0; i < milestones.size(); ++i)
    if (milestones[i] < 1 || (i > 0 && milestones[i] <= milestones[i - 1]))
      throw Error("milestones: must be increasing epochs of at least 1", "train.milestones");
  if (!(augmentUntil >= 0 && augmentUntil <= 1))
    throw Error("augment-until: must be in [0, 1]", "train.augment_until");
  if (!(smallCropsUntil >= 0 && smallCropsUntil <= 1))
    throw Error("small-crops-until: must be in [0, 1]", "train.small_crops_until");
  if (smallCropSide < 8 || smallCropSide > 32)
    throw Error("small-crop-side: " + std::to_string(smallCropSide) + " is outside 8..32",
                "train.small_crop_side");
  if (!(labelSmoothing >= 0 && labelSmoothing < 1))
    throw Error("label smoothing: must be in [0, 1)", "train.label_smoothing");
  if (threads < 0 || threads > 1024)
    throw Error("threads: " + std::to_string(threads) + " is outside 0..1024", "train.threads");
  if (device != "cpu" && device != "cuda")
    throw Error("device: '" + device + "' is not cpu or cuda", "train.device");
}

TrainConfig namedRecipe(const std::string& name, const std::string& field) {
  TrainConfig c;
  if (name == "default") return c;
  if (name != "flip")
    throw Error(field + ": '" + name + "' is not a recipe (default or flip)", field);
  c.model.arch = "resnet32p";
  c.model.width = 16;
  c.epochs = 200;
  c.batchSize = 256;
  c.lr = 0.1;
  c.momentum = 0.9;
  c.nesterov = true;
  c.weightDecay = 2e-4;
  c.decayNorms = true;
  c.schedule = Schedule::MultiStep;
  c.milestones = {75, 125};
  c.gamma = 0.1;
  c.warmup = 0;
  c.labelSmoothing = 0;
  c.augment = Augment::CropFlip;
  return c;
}

std::vector<std::string> recipeNames() { return {"default", "flip"}; }

int defaultWidth(const std::string& arch) {
  if (arch == TrainConfig::defaultModel().arch) return TrainConfig::defaultModel().width;
  return arch == "resnet18" ? 64 : 16;
}

bool cpuHasFastBf16() {
  // oneDNN capped below its bf16 ISAs (ONEDNN_MAX_CPU_ISA=AVX2, ...: what a CPU without
  // AVX-512 gets) has no bf16 kernels, whatever the CPU reports.
  for (const char* var : {"ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA"}) {
    const char* v = std::getenv(var);
    if (!v || !*v) continue;
    std::string isa(v);
    for (char& ch : isa) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (isa != "ALL" && isa.find("BF16") == std::string::npos &&
        isa.find("AMX") == std::string::npos)
      return false;
  }
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

std::string cpuDescription() {
  std::string model, flags;
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line) && (model.empty() || flags.empty())) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    if (model.empty() && line.rfind("model name", 0) == 0) model = value;
    if (flags.empty() && line.rfind("flags", 0) == 0) {
      std::istringstream words(value);
      std::set<std::string> have;
      std::string w;
      while (words >> w) have.insert(w);
      for (const char* f : {"avx2", "avx512f", "avx512_bf16", "avx512_vnni", "amx_bf16"})
        if (have.count(f)) flags += (flags.empty() ? "" : " ") + std::string(f);
      if (flags.empty()) flags = "no avx2";
    }
  }
  std::string out = model.empty() ? std::string("unknown CPU") : model;
  if (!flags.empty()) out += "; " + flags;
  for (const char* var : {"ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA"}) {
    const char* v = std::getenv(var);
    if (v && *v) {
      out += std::string("; oneDNN capped at ") + v;
      break;
    }
  }
  return out;
}

}  // namespace poisonlab
