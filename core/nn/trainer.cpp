// Training and evaluation on LibTorch. The only place that runs a training loop.
#include <ATen/autocast_mode.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <sstream>
#include <thread>
#include <type_traits>

#include "core/util/atomic_file.h"
#include "core/util/error.h"
#include "core/util/stopwatch.h"
#include "core/nn/inference_impl.h"
#include "core/run/run_folder.h"
#include "core/run/run_lock.h"
#include "core/run/train_report.h"
#include "core/train/model_file.h"
#include "core/train/training.h"

namespace poisonlab {
namespace {

using nn::Autocast;
using nn::chooseRuntime;
using nn::evaluate;
using nn::prepare;
using nn::Runtime;
using nn::toChannelsLast;

double learningRate(const TrainConfig& c, std::int64_t step, std::int64_t total) {
  const double t = double(step) / double(std::max<std::int64_t>(1, total));
  const double warm = c.warmup;
  auto cosineFromTo = [](double from, double to, double f) {
    return to + (from - to) * 0.5 * (1 + std::cos(M_PI * f));
  };
  if (c.schedule == Schedule::MultiStep) {
    const int epoch =
        static_cast<int>(double(step) * c.epochs / double(std::max<std::int64_t>(1, total)));
    double lr = c.lr;
    for (int m : c.milestones)
      if (m <= epoch) lr *= c.gamma;
    return lr;
  }
  if (c.schedule == Schedule::OneCycle) {
    // As torch.optim.lr_scheduler.OneCycleLR: start at lr/25, peak at `warmup`, end at lr/25e4.
    const double start = c.lr / 25.0, end = start / 1e4;
    if (t < warm) return cosineFromTo(start, c.lr, t / warm);
    return cosineFromTo(c.lr, end, (t - warm) / (1 - warm));
  }
  if (t < warm) return c.lr * t / warm;
  return cosineFromTo(c.lr, 0.0, (t - warm) / (1 - warm));
}

/// The optimizer's state of parameter `p`: LibTorch 1.x keys it by the TensorImpl's address as
/// text, 2.x by the address itself.
template <typename Map>
auto findState(Map& state, const torch::Tensor& p) {
  using Key = typename Map::key_type;
  if constexpr (std::is_same_v<Key, std::string>) {
    std::ostringstream key;
    key << p.unsafeGetTensorImpl();
    return state.find(key.str());
  } else {
    return state.find(static_cast<Key>(p.unsafeGetTensorImpl()));
  }
}

}  // namespace

torch::optim::SGD nn::makeOptimizer(torch::nn::Module& model, const TrainConfig& c) {
  const auto options = [&](double decay) {
    return torch::optim::SGDOptions(c.lr)
        .momentum(c.momentum)
        .nesterov(c.nesterov)
        .weight_decay(decay);
  };
  std::vector<torch::Tensor> decayed, plain;
  for (const auto& p : model.parameters())
    (p.dim() > 1 || c.decayNorms ? decayed : plain).push_back(p);
  std::vector<torch::optim::OptimizerParamGroup> groups;
  groups.emplace_back(decayed, std::make_unique<torch::optim::SGDOptions>(options(c.weightDecay)));
  if (!plain.empty())
    groups.emplace_back(plain, std::make_unique<torch::optim::SGDOptions>(options(0.0)));
  return torch::optim::SGD(std::move(groups), options(c.weightDecay));
}

namespace {

void setLearningRate(torch::optim::SGD& opt, double lr) {
  for (auto& g : opt.param_groups()) static_cast<torch::optim::SGDOptions&>(g.options()).lr(lr);
}

/// The training indices: all, or a seeded subset of `limit` that keeps every poison.
std::vector<std::int64_t> trainingIndices(const PoisonedDataset& d, const TrainConfig& c) {
  const std::size_t n = d.train.count();
  std::vector<std::uint8_t> excluded(n, 0);
  for (auto e : c.exclude) {
    if (e < 0 || static_cast<std::size_t>(e) >= n)
      throw Error("exclude: index " + std::to_string(e) + " is outside 0.." +
                  std::to_string(n - 1));
    excluded[static_cast<std::size_t>(e)] = 1;
  }
  std::vector<std::int64_t> idx, poisons, clean;
  for (std::size_t i = 0; i < n; ++i) {
    if (excluded[i]) continue;
    idx.push_back(static_cast<std::int64_t>(i));
    (d.poisonedMask[i] ? poisons : clean).push_back(static_cast<std::int64_t>(i));
  }
  if (idx.empty()) throw Error("exclude: every training image is left out");
  if (c.limitTrain == 0 || c.limitTrain >= idx.size()) return idx;
  if (c.limitTrain < poisons.size())
    throw Error("limit-train: " + std::to_string(c.limitTrain) + " is fewer than the " +
                std::to_string(poisons.size()) + " poisoned images it must keep");
  Rng rng(c.seed ^ 0x11a17ULL);
  idx = sampleWithoutReplacement(clean, c.limitTrain - poisons.size(), rng);
  idx.insert(idx.end(), poisons.begin(), poisons.end());
  std::sort(idx.begin(), idx.end());
  return idx;
}

/// The test images whose clean accuracy training reports between epochs: a fixed seeded sample
/// of kEpochEvalImages (all when the test set is smaller), ascending.
constexpr std::size_t kEpochEvalImages = 2000;
std::vector<std::int64_t> epochEvalSample(std::size_t testCount) {
  if (testCount <= kEpochEvalImages) return {};
  std::vector<std::int64_t> all(testCount);
  for (std::size_t i = 0; i < testCount; ++i) all[i] = static_cast<std::int64_t>(i);
  Rng rng(0xe7a15a4e1eULL);
  auto s = sampleWithoutReplacement(all, kEpochEvalImages, rng);
  std::sort(s.begin(), s.end());
  return s;
}

constexpr int kHistoryFields = 11;  // 10 before the mirrored ASR (0.2)

torch::Tensor historyTensor(const std::vector<EpochStats>& h) {
  torch::Tensor t =
      torch::zeros({static_cast<std::int64_t>(h.size()), kHistoryFields}, torch::kFloat64);
  auto a = t.accessor<double, 2>();
  for (std::size_t i = 0; i < h.size(); ++i) {
    const auto& e = h[i];
    const double v[kHistoryFields] = {double(e.epoch), e.trainLoss, e.trainAcc,   e.cleanAcc,
                                      e.asr,           e.poisonFit, e.lr,         e.imagesPerSecond,
                                      e.seconds,       e.elapsed,   e.asrMirrored};
    for (int k = 0; k < kHistoryFields; ++k) a[static_cast<std::int64_t>(i)][k] = v[k];
  }
  return t;
}

std::vector<EpochStats> historyFromTensor(const torch::Tensor& t, const std::string& path) {
  // Checked before it is indexed: a hostile checkpoint's history may have any shape or type.
  if (t.dim() != 2 || t.scalar_type() != torch::kFloat64 || t.size(1) < 10 || t.size(0) > 100000)
    throw Error(path + ": corrupt checkpoint: the history is " + std::to_string(t.dim()) + "-D " +
                std::string(t.dtype().name()) + ", not epochs x 10+ float64");
  std::vector<EpochStats> h;
  const torch::Tensor c = t.contiguous();
  auto a = c.accessor<double, 2>();
  for (std::int64_t i = 0; i < t.size(0); ++i) {
    EpochStats e;
    if (!(a[i][0] >= 0 && a[i][0] <= 1e6))  // also NaN: cast to int only when in range
      throw Error(path + ": corrupt checkpoint: epoch " + std::to_string(a[i][0]) +
                  " in its history");
    e.epoch = static_cast<int>(a[i][0]);
    e.trainLoss = a[i][1];
    e.trainAcc = a[i][2];
    e.cleanAcc = a[i][3];
    e.asr = a[i][4];
    e.poisonFit = a[i][5];
    e.lr = a[i][6];
    e.imagesPerSecond = a[i][7];
    e.seconds = a[i][8];
    e.elapsed = a[i][9];
    e.asrMirrored = t.size(1) > 10 ? a[i][10] : std::nan("");
    h.push_back(e);
  }
  return h;
}

void saveCheckpoint(const std::string& path, nn::ResNet& model, torch::optim::SGD& opt,
                    const TrainConfig& c, const std::vector<EpochStats>& history,
                    const std::string& experiment) {
  torch::serialize::OutputArchive archive, modelArchive, optArchive;
  model->save(modelArchive);
  opt.save(optArchive);
  archive.write("model", modelArchive);
  archive.write("optimizer", optArchive);
  archive.write("config", c10::IValue(trainConfigJson(c)));
  archive.write("experiment", c10::IValue(experiment));
  archive.write("history", historyTensor(history));
  // In memory, then atomically and durably: a kill mid-write leaves the previous checkpoint.
  std::ostringstream bytes;
  archive.save_to(bytes);
  writeFileAtomic(path, bytes.str());
}

/// Loads RUN/checkpoint.pt into model and optimizer; returns the history so far.
std::vector<EpochStats> loadCheckpoint(const std::string& path, nn::ResNet& model,
                                       torch::optim::SGD& opt, const TrainConfig& c,
                                       const std::string& experiment) {
  torch::serialize::InputArchive archive, modelArchive, optArchive;
  return nn::readingTorchFile(path, "corrupt checkpoint", [&] {
    checkModelArchive(path);
    archive.load_from(path);
    c10::IValue config;
    if (!archive.try_read("config", config) || !config.isString())
      throw Error(path + ": not a PoisonLab checkpoint");
    if (config.toStringRef() != trainConfigJson(c))
      throw Error(path + ": was made with other training settings (" + config.toStringRef() +
                  "); resume with the same settings or train afresh without --resume");
    // And on the same experiment: a checkpoint of another trigger, poison or data set must not
    // continue on this one (checkpoints from before this record carry none).
    c10::IValue made;
    if (archive.try_read("experiment", made) && made.isString() && made.toStringRef() != experiment)
      throw Error(path +
                  ": was made for another experiment (another trigger, poison or data "
                  "set); train afresh without --resume");
    archive.read("model", modelArchive);
    archive.read("optimizer", optArchive);
    nn::loadWeights(model, modelArchive, path);
    opt.load(optArchive);
    // The momentum buffers too: one of another shape would only fail mid-epoch.
    for (auto& group : opt.param_groups())
      for (auto& p : group.params()) {
        auto it = findState(opt.state(), p);
        if (it == opt.state().end()) continue;
        const auto* st = dynamic_cast<const torch::optim::SGDParamState*>(it->second.get());
        if (!st) throw Error(path + ": corrupt checkpoint: optimizer state is not SGD's");
        const torch::Tensor& buf = st->momentum_buffer();
        if (buf.defined() && (buf.sizes() != p.sizes() || buf.dtype() != p.dtype()))
          throw Error(path +
                      ": corrupt checkpoint: a momentum buffer does not match its "
                      "parameter's shape");
      }
    torch::Tensor history;
    archive.read("history", history);
    return historyFromTensor(history, path);
  });
}

/// What one epoch's training loop saw.
struct EpochTotals {
  double lossSum = 0, correct = 0, seen = 0, lr = 0, seconds = 0;
};

/// Everything an epoch needs that does not change between epochs.
struct Loop {
  const PoisonedDataset& data;
  const TrainConfig& config;
  const Runtime& rt;
  const std::vector<std::int64_t>& indices;
  const std::vector<std::int64_t>& labels;
  std::int64_t batch, steps;
};

/// One pass over the training indices in this epoch's seeded order and augmentation.
EpochTotals trainEpoch(const Loop& l, int epoch, nn::ResNet& model, torch::optim::SGD& opt,
                       const TrainCallbacks& cb, const CancelToken* cancel) {
  const TrainConfig& config = l.config;
  const Runtime& rt = l.rt;
  const std::int64_t batch = l.batch, steps = l.steps, totalSteps = steps * config.epochs;
  const bool augmented = epoch <= config.augmentedEpochs();
  const bool crop = augmented && config.augment == Augment::CropFlip;
  const bool flip = augmented && config.augment != Augment::None;
  const int side = epoch <= config.smallCropEpochs() ? config.smallCropSide : kImageSide;
  const auto lossOptions =
      torch::nn::functional::CrossEntropyFuncOptions().label_smoothing(config.labelSmoothing);
  model->train();
  // Per-epoch generators: a resumed run draws exactly what an uninterrupted one would.
  Rng orderRng(config.orderSeed() * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(epoch));
  Rng augRng(config.augmentSeed() * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(epoch));
  std::vector<std::int64_t> order = sampleWithoutReplacement(l.indices, l.indices.size(), orderRng);
  EpochTotals t;
  const auto trainStart = Clock::now();
  for (std::int64_t b = 0; b < steps; ++b) {
    if (cancel) cancel->throwIfCancelled();
    const std::int64_t* idx = order.data() + b * batch;
    torch::Tensor x =
        nn::makeBatch(l.data.train, idx, batch,
                      nn::drawAugmentation(batch, crop, flip, augRng, side), rt.channelsLast, side)
            .to(rt.device);
    torch::Tensor y = torch::empty({batch}, torch::kLong);
    std::int64_t* yp = y.data_ptr<std::int64_t>();
    for (std::int64_t k = 0; k < batch; ++k) yp[k] = l.labels[static_cast<std::size_t>(idx[k])];
    y = y.to(rt.device);
    t.lr = learningRate(config, (epoch - 1) * steps + b, totalSteps);
    setLearningRate(opt, t.lr);
    opt.zero_grad();
    torch::Tensor logits;
    {
      Autocast ac(rt);
      logits = model->forward(x);
    }
    torch::Tensor loss =
        torch::nn::functional::cross_entropy(logits.to(torch::kFloat32), y, lossOptions);
    loss.backward();
    opt.step();
    const double lossValue = loss.item<double>();
    const double c = logits.argmax(1).eq(y).sum().item<double>();
    t.lossSum += lossValue * batch;
    t.correct += c;
    t.seen += batch;
    if (cb.onBatch) {
      BatchStats s;
      s.epoch = epoch;
      s.batch = static_cast<int>(b + 1);
      s.batches = static_cast<int>(steps);
      s.loss = lossValue;
      s.accuracy = c / batch;
      s.lr = t.lr;
      s.imagesPerSecond = t.seen / std::max(1e-9, since(trainStart));
      cb.onBatch(s);
    }
  }
  t.seconds = since(trainStart);
  return t;
}

}  // namespace

int cudaDeviceCount() {
  return torch::cuda::is_available() ? static_cast<int>(torch::cuda::device_count()) : 0;
}

TrainResult trainModel(const PoisonedDataset& data, const TrainConfig& configIn,
                       const std::string& runDir, const TrainCallbacks& cb,
                       const CancelToken* cancel, bool resume) {
  TrainConfig config = configIn;
  config.model.numClasses = data.clean->numClasses();
  config.validate();
  const Runtime rt = chooseRuntime(config.device, config.precision, config.threads);
  std::error_code ec;
  std::filesystem::create_directories(runDir, ec);
  if (ec) throw Error(runDir + ": cannot create run folder: " + ec.message());
  // One training writes a run folder at a time (the window and the CLI, two shells).
  const RunLock lock(RunLock::of(runDir), runDir);

  const std::vector<std::int64_t> indices = trainingIndices(data, config);
  const auto n = static_cast<std::int64_t>(indices.size());
  const std::int64_t batch = std::min<std::int64_t>(config.batchSize, n);
  const std::int64_t steps = std::max<std::int64_t>(1, n / batch);  // last partial batch dropped
  std::vector<std::int64_t> labelsAll(data.train.labels.begin(), data.train.labels.end());

  torch::manual_seed(config.seed);
  nn::ResNet model = config.initModel.empty()
                         ? prepare(nn::makeModel(config.model), rt)
                         : prepare(nn::loadModel(config.initModel, &config.model), rt);
  torch::optim::SGD opt = makeOptimizer(*model, config);
  TrainResult result;
  result.precisionUsed = rt.bf16 ? "bf16" : "fp32";
  result.channelsLast = rt.channelsLast;
  result.threads = rt.threads;
  result.device = rt.device.is_cuda() ? "cuda" : "cpu";
  result.trainImages = indices.size();
  const std::string ckpt = checkpointPath(runDir);
  if (resume) {
    if (!std::filesystem::exists(ckpt))
      throw Error("resume: " + ckpt + " does not exist; nothing to resume");
    result.history = loadCheckpoint(ckpt, model, opt, config, experimentDigest(data));
    if (rt.channelsLast) toChannelsLast(model);
    result.resumedFromEpoch = result.history.empty() ? 0 : result.history.back().epoch;
  }
  const double elapsedBefore = result.history.empty() ? 0.0 : result.history.back().elapsed;
  const auto start = Clock::now();

  const Loop loop{data, config, rt, indices, labelsAll, batch, steps};
  // Between epochs the clean accuracy is taken on a fixed sample of the test set (ASR and poison
  // fit on all their images): the whole 10,000 cost 8 % of an epoch. The last epoch's figures
  // are the full evaluation's.
  const std::vector<std::int64_t> cleanSample = epochEvalSample(data.clean->test.count());
  result.epochEvalSample = cleanSample.size();
  bool finalDone = false;
  for (int epoch = result.resumedFromEpoch + 1; epoch <= config.epochs; ++epoch) {
    const auto epochStart = Clock::now();
    const EpochTotals t = trainEpoch(loop, epoch, model, opt, cb, cancel);
    const bool last = epoch == config.epochs;
    const EvalReport eval = evaluate(model, data, rt, /*full=*/last, cancel,
                                     last ? std::vector<std::int64_t>{} : cleanSample);
    if (last) {
      result.final = eval;
      finalDone = true;
    }
    EpochStats e;
    e.epoch = epoch;
    e.trainLoss = t.lossSum / t.seen;
    e.trainAcc = t.correct / t.seen;
    e.cleanAcc = eval.cleanAcc;
    e.asr = eval.asr;
    e.asrMirrored = eval.asrMirrored;
    e.poisonFit = eval.poisonFit;
    e.lr = t.lr;
    e.imagesPerSecond = t.seen / std::max(1e-9, t.seconds);
    e.seconds = since(epochStart);
    e.elapsed = elapsedBefore + since(start);
    result.history.push_back(e);
    saveCheckpoint(ckpt, model, opt, config, result.history, experimentDigest(data));
    if (cb.onEpoch) cb.onEpoch(e);
  }
  if (!finalDone) result.final = evaluate(model, data, rt, /*full=*/true, cancel);
  result.wallSeconds = elapsedBefore + since(start);
  if (!result.history.empty())
    result.wallSeconds = std::max(result.wallSeconds, result.history.back().elapsed);
  model->to(torch::kCPU);
  {
    torch::NoGradGuard guard;
    for (auto& p : model->parameters()) p.set_data(p.data().contiguous());
  }
  nn::saveModel(model, modelPath(runDir));
  writeMetrics(runDir, config, result, data);
  std::filesystem::remove(ckpt, ec);  // model.pt now holds the result
  return result;
}

}  // namespace poisonlab