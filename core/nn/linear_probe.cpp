// A classifier layer refitted on frozen features (exclusionary reclassification's fast variant).
#include <torch/torch.h>

#include <algorithm>

#include "core/detect/reclassify.h"
#include "core/util/error.h"
#include "core/util/parallel.h"

namespace poisonlab {

std::vector<float> refitClassifierProbabilities(const std::vector<float>& rows, std::size_t d,
                                                const std::vector<int>& labels,
                                                const std::vector<std::uint8_t>& fit, int classes,
                                                const CancelToken* cancel) {
  const auto n = static_cast<std::int64_t>(labels.size());
  if (rows.size() != labels.size() * d || fit.size() != labels.size())
    throw Error("reclassify: features, labels and the fit mask disagree in size");
  // LibTorch starts every thread with one intra-op thread; a detector run from cached
  // activations in a worker thread has not set it.
  at::set_num_threads(defaultThreads());
  torch::NoGradGuard outer;
  torch::Tensor x =
      torch::from_blob(const_cast<float*>(rows.data()), {n, static_cast<std::int64_t>(d)}).clone();
  std::vector<std::int64_t> fitIdx;
  for (std::int64_t i = 0; i < n; ++i)
    if (fit[static_cast<std::size_t>(i)]) fitIdx.push_back(i);
  if (fitIdx.empty()) throw Error("reclassify: nothing left to fit the classifier on");
  torch::Tensor idx = torch::tensor(fitIdx);
  torch::Tensor xf = x.index_select(0, idx);
  const torch::Tensor mean = xf.mean(0), stdev = xf.std(0).clamp_min(1e-6);
  x = (x - mean) / stdev;
  xf = x.index_select(0, idx);
  std::vector<std::int64_t> yv;
  for (auto i : fitIdx) yv.push_back(labels[static_cast<std::size_t>(i)]);
  const torch::Tensor y = torch::tensor(yv);
  torch::Tensor w = torch::zeros({static_cast<std::int64_t>(d), classes}).set_requires_grad(true);
  torch::Tensor b = torch::zeros({classes}).set_requires_grad(true);
  torch::optim::Adam opt({w, b}, torch::optim::AdamOptions(0.05));
  for (int step = 0; step < 300; ++step) {  // full batch: deterministic
    if (cancel) cancel->throwIfCancelled();
    torch::AutoGradMode grad(true);
    opt.zero_grad();
    torch::Tensor loss =
        torch::nn::functional::cross_entropy(xf.matmul(w) + b, y) + 1e-4 * w.square().sum();
    loss.backward();
    opt.step();
  }
  torch::Tensor p = torch::softmax(x.matmul(w) + b, 1).contiguous();
  return std::vector<float>(p.data_ptr<float>(), p.data_ptr<float>() + n * classes);
}

std::vector<int> refitClassifierAndPredict(const std::vector<float>& rows, std::size_t d,
                                           const std::vector<int>& labels,
                                           const std::vector<std::uint8_t>& fit, int classes,
                                           const CancelToken* cancel) {
  const std::vector<float> p = refitClassifierProbabilities(rows, d, labels, fit, classes, cancel);
  std::vector<int> out(labels.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    const float* row = p.data() + i * static_cast<std::size_t>(classes);
    out[i] = static_cast<int>(std::max_element(row, row + classes) - row);
  }
  return out;
}

}  // namespace poisonlab
