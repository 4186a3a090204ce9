// One FLIP label step (FLIP.md section 3.2: the expert's step, the student's differentiable
// step, the loss's double backward to the labels and the label update) on the pre-activation
// CIFAR ResNet, timed by phase; bench/flip_step.py is its PyTorch eager peer, run side by side
// (BENCHMARKS.md). The phases are those of nn::flip::matchingLoss, timed here one by one; the
// last line times matchingLoss itself.
//
//   bench_flip_step [--arch resnet32p] [--width 16] [--batch 256] [--threads 2] [--steps 10]
#include <torch/torch.h>
#include <torch/version.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "core/nn/flip_impl.h"
#include "core/nn/resnet.h"
#include "core/train/training.h"

using namespace poisonlab;
namespace F = nn::flip;

namespace {
double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}
}  // namespace

int main(int argc, char** argv) {
  std::string arch = "resnet32p";
  int width = 16, batch = 256, threads = 2, steps = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--arch")
      arch = argv[i + 1];
    else if (k == "--width")
      width = std::atoi(argv[i + 1]);
    else if (k == "--batch")
      batch = std::atoi(argv[i + 1]);
    else if (k == "--threads")
      threads = std::atoi(argv[i + 1]);
    else if (k == "--steps")
      steps = std::atoi(argv[i + 1]);
    else {
      std::fprintf(stderr, "unknown option %s\n", argv[i]);
      return 2;
    }
  }
  at::set_num_threads(threads);
  torch::manual_seed(0);
  ModelSpec spec;
  spec.arch = arch;
  spec.width = width;
  nn::ResNet model = nn::makeModel(spec);
  model->train();
  const auto params = model->parameters();
  std::vector<torch::Tensor> buf0;
  for (const auto& p : params) buf0.push_back(0.01 * torch::randn_like(p));
  torch::Tensor labels =
      5 * torch::one_hot(torch::randint(0, 10, {50000}, torch::kLong), 10).to(torch::kFloat32);
  torch::Tensor labelBuf = torch::zeros_like(labels);
  torch::Tensor xe = torch::randn({batch, 3, 32, 32}), xs = torch::randn({batch, 3, 32, 32});
  torch::Tensor ye = torch::randint(0, 10, {batch}, torch::kLong);
  torch::Tensor idx = torch::randperm(50000, torch::kLong).slice(0, 0, batch);
  const F::SgdHyper h{0.1, 0.9, 2e-4, true};
  const char* names[] = {"expert",          "student forward", "first backward",
                         "double backward", "label update",    "step"};
  std::map<std::string, std::vector<double>> phases;
  for (int s = 0; s < steps + 2; ++s) {
    const double t0 = now();
    std::vector<torch::Tensor> theta0, thetaE;
    for (const auto& p : params) theta0.push_back(p.detach());
    {
      torch::Tensor le = torch::nn::functional::cross_entropy(model->forward(xe), ye);
      const auto ge = torch::autograd::grad({le}, params);
      torch::NoGradGuard g;
      thetaE = F::sgdStep(theta0, ge, buf0, h);
    }
    const double t1 = now();
    torch::Tensor leaf = labels.detach().requires_grad_(true);
    torch::Tensor ls = F::softCrossEntropy(model->forward(xs), leaf.index_select(0, idx));
    const double t2 = now();
    const auto gs = torch::autograd::grad({ls}, params, {}, true, true);
    const double t3 = now();
    const auto thetaS = F::sgdStep(theta0, gs, buf0, h);
    torch::Tensor num = torch::zeros({});
    double den = 0;
    for (std::size_t i = 0; i < params.size(); ++i) {
      num = num + (thetaS[i] - thetaE[i]).pow(2).sum();
      den += (theta0[i] - thetaE[i]).pow(2).sum().item<double>();
    }
    const torch::Tensor gl = torch::autograd::grad({num / den}, {leaf})[0];
    const double t4 = now();
    {
      torch::NoGradGuard g;
      labelBuf.mul_(0.5).add_(gl);
      labels.sub_(150 * labelBuf);
    }
    const double t5 = now();
    if (s >= 2) {
      const double v[] = {t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0};
      for (int k = 0; k < 6; ++k) phases[names[k]].push_back(v[k]);
    }
  }
  for (const char* n : names) std::printf("%-16s %9.1f ms\n", n, 1000 * median(phases[n]));
  // The engine's own function on the same batch, for the whole step.
  std::vector<double> whole;
  for (int s = 0; s < std::max(3, steps / 2); ++s) {
    const double t0 = now();
    torch::Tensor leaf = labels.detach().requires_grad_(true);
    const auto step = F::matchingLoss(model, buf0, h, xe, ye, xs, leaf.index_select(0, idx));
    const torch::Tensor gl = torch::autograd::grad({step.loss}, {leaf})[0];
    {
      torch::NoGradGuard g;
      labelBuf.mul_(0.5).add_(gl);
      labels.sub_(150 * labelBuf);
    }
    whole.push_back(now() - t0);
  }
  const double m = median(phases["step"]);
  std::printf(
      "LibTorch %s %s w%d batch %d fp32 %d threads: %.1f ms a label step, %.0f img/s "
      "(matchingLoss + update: %.1f ms); %s\n",
      TORCH_VERSION, arch.c_str(), width, batch, threads, 1000 * m, batch / m, 1000 * median(whole),
      cpuDescription().c_str());
  return 0;
}
