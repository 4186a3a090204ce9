#pragma once
/// @file runtime.h
/// Where and how torch ops run: device, intra-op threads, bf16 autocast and channels-last.

#include <ATen/autocast_mode.h>
#include <torch/torch.h>
#include <torch/version.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <thread>

#include "core/util/error.h"
#include "core/util/memory.h"
#include "core/util/parallel.h"
#include "core/nn/resnet.h"
#include "core/train/training.h"

namespace poisonlab::nn {

struct Runtime {
  torch::Device device{torch::kCPU};
  bool bf16 = false;
  bool channelsLast = false;
  int threads = 1;
};

/// Picks device, precision and layout, and sets the intra-op thread count of the calling thread.
inline Runtime chooseRuntime(const std::string& device, Precision precision, int threads) {
  keepFreedMemory();  // before the first step: its activations stay in the heap
  Runtime rt;
  const bool cuda = device == "cuda";
  if (cuda && !torch::cuda::is_available())
    throw Error(
        "device: cuda was asked for, but this LibTorch sees no CUDA device (use --device cpu)");
  rt.device = cuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
  rt.threads = threads > 0 ? threads : defaultThreads();
  // LibTorch starts with one intra-op thread in a new thread: set it here, in the thread that
  // runs the ops.
  at::set_num_threads(rt.threads);
  rt.bf16 =
      precision == Precision::Bf16 || (precision == Precision::Auto && (cuda || cpuHasFastBf16()));
  // Channels-last for bf16 (oneDNN's bf16 kernels want it) and CUDA. fp32 on the CPU stays NCHW:
  // channels-last ran 1.09-1.16x faster with AVX-512 and 0.96-1.02x with AVX2, but changes
  // fp32 training's rounding, and the synthetic tasks of tst_ssd_tasks then miss their
  // thresholds; left for when those are re-derived (BENCHMARKS.md, issue 14).
  rt.channelsLast = rt.bf16 || cuda;
  return rt;
}

/// Images per forward pass for inference (evaluations, predictions, activations) of a network
/// `width` channels wide at full resolution: on a CPU, as many as keep each thread's share of
/// the largest layer's activations (width x 32 x 32 values) within one core's L2 cache (1 MiB
/// when the system does not say), 8..256; 256 on CUDA. fp32 ResNet-8 w32 on 2 cores with 1 MiB
/// each (bench_infer): 3,400 images/s at batch 16, 2,800-2,900 at 128, 1,850-2,000 at 500; bf16
/// is flat from 32 up (6,600-6,900) and slower below (5,400 at 8). BENCHMARKS.md, issue 14.
inline int inferenceBatch(const Runtime& rt, int width) {
  if (rt.device.is_cuda()) return 256;
  long l2 = sysconf(_SC_LEVEL2_CACHE_SIZE);
  if (l2 <= 0) l2 = 1L << 20;
  const long perImage = long(std::max(1, width)) * 32 * 32 * (rt.bf16 ? 2 : 4);
  return int(std::clamp<long>(long(std::max(1, rt.threads)) * l2 / perImage, 8, 256));
}

/// bf16 autocast for one forward pass (the cache of cast weights must not outlive a step).
/// LibTorch 2.4 replaced the per-device autocast calls with ones taking the device type and
/// warns on every call of the old ones; both are supported.
class Autocast {
 public:
  explicit Autocast(const Runtime& rt) : on_(rt.bf16), type_(rt.device.type()) {
    if (!on_) return;
    prev_ = enabled(type_);
    setEnabled(type_, true);
    setDtype(type_, at::kBFloat16);
    at::autocast::increment_nesting();
  }
  ~Autocast() {
    if (!on_) return;
    if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
    setEnabled(type_, prev_);
  }
  Autocast(const Autocast&) = delete;
  Autocast& operator=(const Autocast&) = delete;

 private:
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
  static bool enabled(c10::DeviceType t) { return at::autocast::is_autocast_enabled(t); }
  static void setEnabled(c10::DeviceType t, bool on) { at::autocast::set_autocast_enabled(t, on); }
  static void setDtype(c10::DeviceType t, at::ScalarType d) {
    at::autocast::set_autocast_dtype(t, d);
  }
#else
  static bool enabled(c10::DeviceType t) {
    return t == c10::DeviceType::CUDA ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled();
  }
  static void setEnabled(c10::DeviceType t, bool on) {
    if (t == c10::DeviceType::CUDA)
      at::autocast::set_enabled(on);
    else
      at::autocast::set_cpu_enabled(on);
  }
  static void setDtype(c10::DeviceType t, at::ScalarType d) {
    if (t == c10::DeviceType::CUDA)
      at::autocast::set_autocast_gpu_dtype(d);
    else
      at::autocast::set_autocast_cpu_dtype(d);
  }
#endif
  bool on_;
  c10::DeviceType type_;
  bool prev_ = false;
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
