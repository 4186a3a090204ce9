// Selective Synaptic Dampening on LibTorch: diagonal Fisher importances and the dampening.
#include <torch/torch.h>

#include "core/nn/batches.h"
#include "core/nn/resnet.h"
#include "core/nn/runtime.h"
#include "core/unlearn/ssd.h"
#include "core/util/error.h"
#include "core/util/rng.h"

namespace poisonlab {
namespace {

/// The entries of an importance pass: each index once or twice, with its orientation.
struct Entries {
  std::vector<std::int64_t> indices;
  std::vector<nn::SampleAug> aug;
};

Entries entriesOf(const std::vector<std::int64_t>& indices, const FisherOptions& o) {
  Entries e;
  if (o.orientation == Orientation::Both) {
    for (auto i : indices)
      for (bool flip : {false, true}) {
        e.indices.push_back(i);
        e.aug.push_back({0, 0, flip});
      }
    return e;
  }
  e.indices = indices;
  e.aug.resize(indices.size());
  if (o.orientation == Orientation::RandomFlip) {
    Rng rng(o.seed ^ 0xF11BULL);
    for (auto& a : e.aug) a.flip = rng.below(2) == 1;
  }
  return e;
}

}  // namespace

const char* toString(Orientation o) {
  switch (o) {
    case Orientation::AsIs:
      return "as-is";
    case Orientation::Both:
      return "both";
    case Orientation::RandomFlip:
      return "random-flip";
  }
  return "?";
}

Importances fisherImportances(const std::string& modelPath, const Split& split,
                              const std::vector<std::int64_t>& indices, const FisherOptions& o,
                              const ProgressFn& progress, const CancelToken* cancel) {
  if (o.batch < 1) throw Error("batch: must be at least 1");
  if (!(o.labelSmoothing >= 0 && o.labelSmoothing < 1))
    throw Error("label smoothing: must be in [0, 1)");
  for (auto i : indices)
    if (i < 0 || static_cast<std::size_t>(i) >= split.count())
      throw Error("fisher: index " + std::to_string(i) + " is outside 0.." +
                  std::to_string(split.count() - 1));
  const nn::Runtime rt = nn::chooseRuntime("cpu", o.precision, o.threads);
  nn::ResNet model = nn::prepare(nn::loadModel(modelPath), rt);
  model->eval();
  auto params = model->parameters();
  std::vector<torch::Tensor> imp;
  for (auto& p : params) imp.push_back(torch::zeros_like(p, torch::kFloat32));
  const Entries e = entriesOf(indices, o);
  const std::size_t total = e.indices.size(), batch = static_cast<std::size_t>(o.batch);
  std::size_t batches = 0;
  for (std::size_t s = 0; s < total; s += batch) {
    if (cancel) cancel->throwIfCancelled();
    const auto n = static_cast<std::int64_t>(std::min(batch, total - s));
    const std::vector<nn::SampleAug> aug(e.aug.begin() + static_cast<std::ptrdiff_t>(s),
                                         e.aug.begin() + static_cast<std::ptrdiff_t>(s) + n);
    torch::Tensor x = nn::makeBatch(split, e.indices.data() + s, n, aug, rt.channelsLast);
    torch::Tensor y = torch::empty({n}, torch::kLong);
    for (std::int64_t k = 0; k < n; ++k)
      y[k] = static_cast<int64_t>(split.labels[static_cast<std::size_t>(e.indices[s + k])]);
    for (auto& p : params) p.mutable_grad() = torch::Tensor();
    torch::Tensor logits;
    {
      nn::Autocast ac(rt);
      logits = model->forward(x);
    }
    torch::nn::functional::cross_entropy(
        logits.to(torch::kFloat32), y,
        torch::nn::functional::CrossEntropyFuncOptions().label_smoothing(o.labelSmoothing))
        .backward();
    {
      torch::NoGradGuard guard;
      for (std::size_t k = 0; k < params.size(); ++k)
        if (params[k].grad().defined()) imp[k] += params[k].grad().to(torch::kFloat32).square();
    }
    ++batches;
    report(progress, double(s + static_cast<std::size_t>(n)) / double(total), "importances");
  }
  Importances out;
  for (auto& t : imp) {
    if (batches) t /= double(batches);
    torch::Tensor c = t.to(torch::kCPU).contiguous(torch::MemoryFormat::Contiguous);
    out.emplace_back(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
  }
  return out;
}

DampeningStats dampen(const std::string& modelIn, const std::string& modelOut,
                      const Importances& full, const Importances& forget, const SsdOptions& o) {
  if (!(o.alpha >= 0)) throw Error("alpha: must be >= 0");
  if (!(o.lambda >= 0)) throw Error("lambda: must be >= 0");
  nn::ResNet model = nn::loadModel(modelIn);
  auto params = model->parameters();
  if (full.size() != params.size() || forget.size() != params.size())
    throw Error("ssd: the importances do not match " + modelIn + "'s parameters");
  DampeningStats st;
  torch::NoGradGuard guard;
  for (std::size_t k = 0; k < params.size(); ++k) {
    torch::Tensor p = params[k].contiguous();
    if (full[k].size() != static_cast<std::size_t>(p.numel()) || forget[k].size() != full[k].size())
      throw Error("ssd: the importances do not match " + modelIn + "'s parameters");
    float* w = p.data_ptr<float>();
    for (std::size_t i = 0; i < full[k].size(); ++i) {
      const double id = full[k][i], iff = forget[k][i];
      ++st.parameters;
      if (iff > o.alpha * id) {  // never true when alpha is infinite or I_forget is 0
        ++st.selected;
        w[i] = static_cast<float>(w[i] * std::min(o.lambda * id / iff, 1.0));
      }
    }
    params[k].set_data(p);
  }
  nn::saveModel(model, modelOut);
  return st;
}

std::vector<std::size_t> selectedParameters(const Importances& full, const Importances& forget,
                                            double alpha) {
  if (full.size() != forget.size()) throw Error("ssd: importances of different models");
  std::vector<std::size_t> out;
  std::size_t at = 0;
  for (std::size_t k = 0; k < full.size(); ++k) {
    if (full[k].size() != forget[k].size()) throw Error("ssd: importances of different models");
    for (std::size_t i = 0; i < full[k].size(); ++i, ++at)
      if (double(forget[k][i]) > alpha * double(full[k][i])) out.push_back(at);
  }
  return out;
}

}  // namespace poisonlab
