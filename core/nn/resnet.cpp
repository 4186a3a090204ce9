#include "core/nn/resnet.h"

#include <cstdio>
#include <filesystem>
#include <sstream>
#include <tuple>

#include "core/train/model_file.h"
#include "core/util/atomic_file.h"
#include "core/util/error.h"

namespace poisonlab::nn {
namespace F = torch::nn::functional;

namespace {
torch::nn::Conv2d conv3x3(int in, int out, int stride) {
  return torch::nn::Conv2d(
      torch::nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false));
}
/// FLIP's r32p activation (MadryLab's CIFAR ResNet): leaky ReLU with slope 0.1.
torch::Tensor leakyRelu(const torch::Tensor& x) {
  return F::leaky_relu(x, F::LeakyReLUFuncOptions().negative_slope(0.1));
}
}  // namespace

BasicBlockImpl::BasicBlockImpl(int in, int out, int stride, bool projection, bool preact)
    : in_(in), out_(out), stride_(stride), preact_(preact) {
  conv1_ = register_module("conv1", conv3x3(in, out, stride));
  // Pre-activation: the first batch norm normalises the block's input (in channels).
  bn1_ = register_module("bn1", torch::nn::BatchNorm2d(preact ? in : out));
  conv2_ = register_module("conv2", conv3x3(out, out, 1));
  bn2_ = register_module("bn2", torch::nn::BatchNorm2d(out));
  if (projection && (stride != 1 || in != out)) {
    proj_ = register_module(
        "proj", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 1).stride(stride).bias(false)));
    projBn_ = register_module("proj_bn", torch::nn::BatchNorm2d(out));
  }
}

torch::Tensor BasicBlockImpl::shortcut(const torch::Tensor& x) {
  if (!proj_.is_empty()) return projBn_(proj_(x));
  if (stride_ == 1 && in_ == out_) return x;
  // Option A, no parameters: subsample (pre-activation: average-pool, as FLIP's r32p) and pad
  // the new channels with zeros on both sides.
  torch::Tensor s =
      preact_
          ? F::avg_pool2d(x, F::AvgPool2dFuncOptions(stride_).stride(stride_))
          : x.index(
                {torch::indexing::Slice(), torch::indexing::Slice(),
                 torch::indexing::Slice(torch::indexing::None, torch::indexing::None, stride_),
                 torch::indexing::Slice(torch::indexing::None, torch::indexing::None, stride_)});
  const int pad = out_ - in_;
  return F::pad(s, F::PadFuncOptions({0, 0, 0, 0, pad / 2, pad - pad / 2}));
}

torch::Tensor BasicBlockImpl::forward(const torch::Tensor& x) {
  if (preact_) {
    // bn -> leaky ReLU -> conv -> bn -> leaky ReLU -> conv, plus the un-activated input.
    torch::Tensor y = conv1_(leakyRelu(bn1_(x)));
    y = conv2_(leakyRelu(bn2_(y)));
    return y + shortcut(x);
  }
  torch::Tensor y = torch::relu(bn1_(conv1_(x)));
  y = bn2_(conv2_(y));
  return torch::relu(y + shortcut(x));
}

ResNetImpl::ResNetImpl(const ModelSpec& spec) : spec_(spec) {
  spec.validate();
  const auto widths = spec.stageWidths();
  const auto blocks = spec.blocksPerStage();
  const bool projection = spec.arch == "resnet18";
  const bool preact = spec.preActivation();
  stem_ = register_module("stem", conv3x3(3, widths[0], 1));
  if (!preact) stemBn_ = register_module("stem_bn", torch::nn::BatchNorm2d(widths[0]));
  int in = widths[0];
  for (std::size_t s = 0; s < blocks.size(); ++s) {
    std::vector<BasicBlock> stage;
    for (int b = 0; b < blocks[s]; ++b) {
      const int stride = (s > 0 && b == 0) ? 2 : 1;
      stage.push_back(
          register_module("stage" + std::to_string(s + 1) + "_block" + std::to_string(b),
                          BasicBlock(in, widths[s], stride, projection, preact)));
      in = widths[s];
    }
    stages_.push_back(std::move(stage));
  }
  if (preact) finalBn_ = register_module("final_bn", torch::nn::BatchNorm2d(in));
  fc_ = register_module("fc", torch::nn::Linear(in, spec.numClasses));
  for (auto& m : modules(/*include_self=*/false)) {
    if (auto* c = m->as<torch::nn::Conv2d>()) {
      // Pre-activation (FLIP's r32p): torch's kaiming_normal_ defaults (fan in), for the
      // classifier's weights too.
      if (preact)
        torch::nn::init::kaiming_normal_(c->weight, 0.0, torch::kFanIn, torch::kReLU);
      else
        torch::nn::init::kaiming_normal_(c->weight, 0.0, torch::kFanOut, torch::kReLU);
    } else if (auto* l = m->as<torch::nn::Linear>(); l && preact) {
      torch::nn::init::kaiming_normal_(l->weight, 0.0, torch::kFanIn, torch::kReLU);
    } else if (auto* bn = m->as<torch::nn::BatchNorm2d>()) {
      torch::nn::init::ones_(bn->weight);
      torch::nn::init::zeros_(bn->bias);
    }
  }
}

torch::Tensor ResNetImpl::stemForward(const torch::Tensor& x) {
  return finalBn_.is_empty() ? torch::relu(stemBn_(stem_(x))) : stem_(x);
}

torch::Tensor ResNetImpl::pool(const torch::Tensor& y) {
  torch::Tensor z = finalBn_.is_empty() ? y : leakyRelu(finalBn_(y));
  return F::adaptive_avg_pool2d(z, F::AdaptiveAvgPool2dFuncOptions(1)).flatten(1);
}

torch::Tensor ResNetImpl::forward(const torch::Tensor& x) {
  torch::Tensor y = stemForward(x);
  for (auto& stage : stages_)
    for (auto& block : stage) y = block(y);
  return fc_(pool(y));
}

std::map<std::string, torch::Tensor> ResNetImpl::activations(
    const torch::Tensor& x, const std::vector<std::string>& names) {
  const auto all = spec_.layerNames();
  std::size_t deepest = 0;
  for (const auto& n : names) {
    const auto it = std::find(all.begin(), all.end(), n);
    if (it == all.end()) {
      std::string list;
      for (const auto& a : all) list += (list.empty() ? "" : ", ") + a;
      throw Error("layer: '" + n + "' is not a layer of " + spec_.arch + " (layers: " + list + ")");
    }
    deepest = std::max(deepest, static_cast<std::size_t>(it - all.begin()));
  }
  std::map<std::string, torch::Tensor> out;
  auto want = [&](const std::string& n) {
    return std::find(names.begin(), names.end(), n) != names.end();
  };
  std::size_t pos = 0;
  auto keep = [&](const std::string& n, const torch::Tensor& t) {
    if (want(n)) out[n] = t;
    ++pos;
    return pos > deepest;
  };
  torch::Tensor y = stemForward(x);
  if (keep("stem", y)) return out;
  for (std::size_t s = 0; s < stages_.size(); ++s) {
    for (std::size_t b = 0; b < stages_[s].size(); ++b) {
      y = stages_[s][b](y);
      if (keep("stage" + std::to_string(s + 1) + ".block" + std::to_string(b), y)) return out;
    }
    if (keep("stage" + std::to_string(s + 1), y)) return out;
  }
  y = pool(y);
  if (keep("pool", y)) return out;
  keep("fc", fc_(y));
  return out;
}

std::vector<std::string> ResNetImpl::unitNames() const {
  std::vector<std::string> names{"stem"};
  for (std::size_t s = 0; s < stages_.size(); ++s)
    for (std::size_t b = 0; b < stages_[s].size(); ++b)
      names.push_back("stage" + std::to_string(s + 1) + ".block" + std::to_string(b));
  names.push_back("fc");
  return names;
}

std::vector<std::size_t> ResNetImpl::unitsOf(const std::string& layer) const {
  const auto units = unitNames();
  std::vector<std::size_t> out;
  for (std::size_t u = 0; u < units.size(); ++u)
    if (units[u] == layer || units[u].rfind(layer + ".", 0) == 0) out.push_back(u);
  if (out.empty()) {
    std::string list;
    for (const auto& a : units) list += (list.empty() ? "" : ", ") + a;
    throw Error("layer: '" + layer + "' has no parameters in " + spec_.arch + " (use " + list +
                " or a stage name)");
  }
  return out;
}

torch::Tensor ResNetImpl::forwardFrom(const torch::Tensor& input, const std::string& after) {
  if (after == "pool") return fc_(input);
  if (after == "fc") throw Error("layer: nothing runs after fc");
  std::size_t next = 0;  // first unit to run
  if (after != "input") {
    const auto u = unitsOf(after);
    next = u.back() + 1;
  }
  torch::Tensor y = input;
  std::size_t pos = 0;
  if (next <= pos) y = stemForward(y);
  for (auto& stage : stages_)
    for (auto& block : stage)
      if (next <= ++pos) y = block(y);
  if (y.dim() == 4) y = pool(y);
  return fc_(y);
}

std::vector<torch::Tensor> ResNetImpl::layerParameters(const std::vector<std::string>& layers) {
  std::vector<bool> chosen(unitNames().size(), false);
  for (const auto& l : layers)
    for (auto u : unitsOf(l)) chosen[u] = true;
  std::vector<torch::Tensor> out;
  auto add = [&](torch::nn::Module& m) {
    for (auto& p : m.parameters()) out.push_back(p);
  };
  std::size_t pos = 0;
  if (chosen[pos]) {
    add(*stem_);
    if (!stemBn_.is_empty()) add(*stemBn_);
  }
  for (auto& stage : stages_)
    for (auto& block : stage)
      if (chosen[++pos]) add(*block);
  // Pre-activation: the final batch norm acts on the last block's output before the pooling;
  // it counts with the last block (forwardFrom runs it after any block).
  if (chosen[pos] && !finalBn_.is_empty()) add(*finalBn_);
  if (chosen[++pos]) add(*fc_);
  return out;
}

std::string ResNetImpl::inputLayerOf(const std::vector<std::string>& layers) {
  std::size_t first = unitNames().size();
  for (const auto& l : layers) first = std::min(first, unitsOf(l).front());
  if (first == 0 || first >= unitNames().size()) return "input";
  return unitNames()[first - 1];
}

ResNet makeModel(const ModelSpec& spec) { return ResNet(spec); }

void saveModel(ResNet& model, const std::string& path) {
  torch::serialize::OutputArchive archive;
  model->save(archive);
  const ModelSpec& s = model->spec();
  archive.write("poisonlab.arch", c10::IValue(s.arch));
  archive.write("poisonlab.width", c10::IValue(static_cast<int64_t>(s.width)));
  archive.write("poisonlab.classes", c10::IValue(static_cast<int64_t>(s.numClasses)));
  // Serialised in memory, then written atomically and durably (fsync, rename, directory).
  std::ostringstream bytes;
  try {
    archive.save_to(bytes);
  } catch (const c10::Error& e) {
    throw Error(path + ": cannot write model: " + e.what_without_backtrace());
  }
  writeFileAtomic(path, bytes.str());
}

namespace {
ModelSpec specFromArchive(torch::serialize::InputArchive& archive, const std::string& path) {
  c10::IValue arch, width, classes;
  if (!archive.try_read("poisonlab.arch", arch) || !archive.try_read("poisonlab.width", width) ||
      !archive.try_read("poisonlab.classes", classes) || !arch.isString() || !width.isInt() ||
      !classes.isInt())
    throw Error(path + ": not a PoisonLab model file (no architecture record)");
  ModelSpec s;
  s.arch = arch.toStringRef();
  // Range-checked before narrowing, then the spec's own validation and a size cap: a record
  // declaring a huge network is refused before anything is allocated.
  const std::int64_t w = width.toInt(), c = classes.toInt();
  if (w < 1 || w > 1024 || c < 2 || c > 256)
    throw Error(path + ": the architecture record declares width " + std::to_string(w) + " and " +
                std::to_string(c) + " classes (width 1..1024, classes 2..256)");
  s.width = static_cast<int>(w);
  s.numClasses = static_cast<int>(c);
  try {
    s.validate();
  } catch (const Error& e) {
    throw Error(path + ": " + e.what());
  }
  constexpr double kMaxParameters = 200e6;
  double params = 0;  // the 3x3 convolutions dominate: 2 per block, c_in x c_out x 9 each
  const auto blocks = s.blocksPerStage();
  const auto widths = s.stageWidths();
  for (std::size_t k = 0; k < blocks.size(); ++k)
    params += 2.0 * blocks[k] * 9.0 * double(widths[k]) * double(widths[k]);
  if (params > kMaxParameters)
    throw Error(path + ": declares a " + s.describe() + " of about " +
                std::to_string(static_cast<long long>(params / 1e6)) +
                " million parameters (at most 200 million are loaded)");
  return s;
}

/// "[10, 64]".
std::string shapeText(const torch::Tensor& t) {
  std::string out = "[";
  for (std::int64_t d = 0; d < t.dim(); ++d) out += (d ? ", " : "") + std::to_string(t.size(d));
  return out + "]";
}

void loadArchive(torch::serialize::InputArchive& archive, const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) throw Error(path + ": no such model file");
  checkModelArchive(path);
  try {
    archive.load_from(path);
  } catch (const c10::Error& e) {
    throw Error(
        path + ": not a readable model file (corrupt or truncated): " + e.what_without_backtrace());
  }
}
}  // namespace

ModelSpec readModelSpec(const std::string& path) {
  return readingTorchFile(path, "not a readable model file (corrupt or truncated)", [&] {
    torch::serialize::InputArchive archive;
    loadArchive(archive, path);
    return specFromArchive(archive, path);
  });
}

void loadWeights(ResNet& model, torch::serialize::InputArchive& archive, const std::string& path) {
  const ModelSpec& s = model->spec();
  std::vector<std::tuple<std::string, std::vector<std::int64_t>, caffe2::TypeMeta>> shapes;
  for (const auto& p : model->named_parameters())
    shapes.emplace_back(p.key(), p.value().sizes().vec(), p.value().dtype());
  for (const auto& b : model->named_buffers())
    shapes.emplace_back(b.key(), b.value().sizes().vec(), b.value().dtype());
  readingTorchFile(path, ("model weights do not match " + s.describe()).c_str(),
                   [&] { model->load(archive); });
  auto params = model->named_parameters();
  auto buffers = model->named_buffers();
  for (const auto& [name, sizes, dtype] : shapes) {
    const torch::Tensor* t = params.find(name);
    if (!t) t = buffers.find(name);
    if (!t || t->sizes().vec() != sizes || t->dtype() != dtype)
      throw Error(path + ": tensor '" + name + "' is " + (t ? shapeText(*t) : "missing") +
                  (t && t->dtype() != dtype ? " " + std::string(t->dtype().name()) : "") +
                  ", not what a " + s.describe() + " with " + std::to_string(s.numClasses) +
                  " classes has");
  }
}

ResNet loadModel(const std::string& path, const ModelSpec* expected) {
  return readingTorchFile(path, "not a readable model file (corrupt or truncated)", [&] {
    torch::serialize::InputArchive archive;
    loadArchive(archive, path);
    const ModelSpec s = specFromArchive(archive, path);
    if (expected && (s.arch != expected->arch || s.width != expected->width ||
                     s.numClasses != expected->numClasses))
      throw Error(path + ": holds a " + s.describe() + " with " + std::to_string(s.numClasses) +
                  " classes, not the " + expected->describe() + " expected");
    ResNet model = makeModel(s);
    loadWeights(model, archive, path);
    return model;
  });
}

}  // namespace poisonlab::nn
