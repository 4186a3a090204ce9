#pragma once
/// @file runtime.h
/// Where and how torch ops run: device, intra-op threads, bf16 autocast and channels-last.

#include <ATen/autocast_mode.h>
#include <torch/torch.h>

#include <string>
#include <thread>

#include "core/error.h"
#include "core/nn/resnet.h"
#include "core/training.h"

namespace poisonlab::nn {

struct Runtime {
  torch::Device device{torch::kCPU};
  bool bf16 = false;
  bool channelsLast = false;
  int threads = 1;
};

/// Picks device, precision and layout, and sets the intra-op thread count of the calling thread.
inline Runtime chooseRuntime(const std::string& device, Precision precision, int threads) {
  Runtime rt;
  const bool cuda = device == "cuda";
  if (cuda && !torch::cuda::is_available())
    throw Error(
        "device: cuda was asked for, but this LibTorch sees no CUDA device (use --device cpu)");
  rt.device = cuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
  rt.threads =
      threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // LibTorch starts with one intra-op thread in a new thread: set it here, in the thread that
  // runs the ops.
  at::set_num_threads(rt.threads);
  rt.bf16 =
      precision == Precision::Bf16 || (precision == Precision::Auto && (cuda || cpuHasFastBf16()));
  rt.channelsLast = rt.bf16 || cuda;
  return rt;
}

/// bf16 autocast for one forward pass (the cache of cast weights must not outlive a step).
class Autocast {
 public:
  explicit Autocast(const Runtime& rt) : on_(rt.bf16), cuda_(rt.device.is_cuda()) {
    if (!on_) return;
    if (cuda_) {
      prev_ = at::autocast::is_enabled();
      at::autocast::set_enabled(true);
      at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
    } else {
      prev_ = at::autocast::is_cpu_enabled();
      at::autocast::set_cpu_enabled(true);
      at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
    }
    at::autocast::increment_nesting();
  }
  ~Autocast() {
    if (!on_) return;
    if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
    if (cuda_)
      at::autocast::set_enabled(prev_);
    else
      at::autocast::set_cpu_enabled(prev_);
  }
  Autocast(const Autocast&) = delete;
  Autocast& operator=(const Autocast&) = delete;

 private:
  bool on_, cuda_, prev_ = false;
};

inline void toChannelsLast(ResNet& model) {
  torch::NoGradGuard guard;
  for (auto& p : model->parameters())
    if (p.dim() == 4) p.set_data(p.data().contiguous(torch::MemoryFormat::ChannelsLast));
}

inline ResNet prepare(ResNet model, const Runtime& rt) {
  model->to(rt.device);
  if (rt.channelsLast) toChannelsLast(model);
  return model;
}

}  // namespace poisonlab::nn
