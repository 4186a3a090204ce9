// Selective Synaptic Dampening on LibTorch: diagonal Fisher importances and the dampening.
#include <torch/torch.h>

#include "core/error.h"
#include "core/nn/batches.h"
#include "core/nn/resnet.h"
#include "core/nn/runtime.h"
#include "core/unlearn.h"

namespace poisonlab {

std::vector<std::vector<float>> fisherImportances(const std::string& modelPath, const Split& split,
                                                  const std::vector<std::int64_t>& indices,
                                                  int batch, Precision precision, int threads,
                                                  const ProgressFn& progress,
                                                  const CancelToken* cancel) {
  if (batch < 1) throw Error("batch: must be at least 1");
  for (auto i : indices)
    if (i < 0 || static_cast<std::size_t>(i) >= split.count())
      throw Error("fisher: index " + std::to_string(i) + " is outside 0.." +
                  std::to_string(split.count() - 1));
  const nn::Runtime rt = nn::chooseRuntime("cpu", precision, threads);
  nn::ResNet model = nn::prepare(nn::loadModel(modelPath), rt);
  model->eval();
  auto params = model->parameters();
  std::vector<torch::Tensor> imp;
  for (auto& p : params) imp.push_back(torch::zeros_like(p, torch::kFloat32));
  std::size_t batches = 0;
  for (std::size_t s = 0; s < indices.size(); s += static_cast<std::size_t>(batch)) {
    if (cancel) cancel->throwIfCancelled();
    const auto n = static_cast<std::int64_t>(
        std::min<std::size_t>(static_cast<std::size_t>(batch), indices.size() - s));
    torch::Tensor x = nn::makeBatch(split, indices.data() + s, n, {}, rt.channelsLast);
    torch::Tensor y = torch::empty({n}, torch::kLong);
    for (std::int64_t k = 0; k < n; ++k) y[k] = static_cast<int64_t>(split.labels[indices[s + k]]);
    for (auto& p : params) p.mutable_grad() = torch::Tensor();
    torch::Tensor logits;
    {
      nn::Autocast ac(rt);
      logits = model->forward(x);
    }
    torch::nn::functional::cross_entropy(logits.to(torch::kFloat32), y).backward();
    {
      torch::NoGradGuard guard;
      for (std::size_t k = 0; k < params.size(); ++k)
        if (params[k].grad().defined()) imp[k] += params[k].grad().to(torch::kFloat32).square();
    }
    ++batches;
    report(progress, double(s + n) / double(indices.size()), "importances");
  }
  std::vector<std::vector<float>> out;
  for (auto& t : imp) {
    if (batches) t /= double(batches);
    torch::Tensor c = t.contiguous();  // logical (NCHW) order, whatever the layout
    c = c.to(torch::kCPU).contiguous(torch::MemoryFormat::Contiguous);
    out.emplace_back(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
  }
  return out;
}

DampeningStats dampen(const std::string& modelIn, const std::string& modelOut,
                      const std::vector<std::vector<float>>& full,
                      const std::vector<std::vector<float>>& forget, const SsdOptions& o) {
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

}  // namespace poisonlab
