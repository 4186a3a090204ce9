// FLIP's steps 1 and 2 on LibTorch (FLIP.md sections 3.1, 3.2 and 4), written from the
// specification. Where this differs from the reference's code, on purpose:
//  - start points are kept in memory (and in DIR/experts.pt) instead of one file per 50
//    iterations, and each pass loads its start point once: the reference re-reads the same
//    checkpoint every batch, which is equivalent and slow;
//  - the student and the expert share one random crop and flip per item drawn from the whole
//    augmentation space, where the reference draws one of only 8 seeds (its quirk; FLIP.md
//    says any shared augmentation is enough);
//  - the label optimiser's momentum is kept dense over every row, as the reference's torch SGD
//    does (rows outside a batch still move by their buffers).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/attack/flip.h"
#include "core/nn/batches.h"
#include "core/nn/flip_impl.h"
#include "core/nn/runtime.h"
#include "core/util/atomic_file.h"
#include "core/util/error.h"
#include "core/util/rng.h"
#include "core/util/stopwatch.h"

namespace poisonlab {
namespace nn::flip {

std::vector<torch::Tensor> sgdStep(const std::vector<torch::Tensor>& theta0,
                                   const std::vector<torch::Tensor>& grads,
                                   const std::vector<torch::Tensor>& buf0, const SgdHyper& h,
                                   std::vector<torch::Tensor>* bufOut) {
  std::vector<torch::Tensor> out;
  out.reserve(theta0.size());
  if (bufOut) bufOut->clear();
  for (std::size_t i = 0; i < theta0.size(); ++i) {
    torch::Tensor d = grads[i];
    if (h.weightDecay != 0) d = d + h.weightDecay * theta0[i];
    if (h.momentum != 0) {
      const bool first = i >= buf0.size() || !buf0[i].defined();
      torch::Tensor buf = first ? d : h.momentum * buf0[i] + d;
      if (bufOut) bufOut->push_back(buf);
      d = h.nesterov ? d + h.momentum * buf : buf;
    }
    out.push_back(theta0[i] - h.lr * d);
  }
  return out;
}

torch::Tensor softCrossEntropy(const torch::Tensor& logits, const torch::Tensor& targetLogits) {
  return -(torch::softmax(targetLogits, 1) * torch::log_softmax(logits, 1)).sum(1).mean();
}

MatchStep matchingLoss(ResNet& model, const std::vector<torch::Tensor>& buf0, const SgdHyper& h,
                       const torch::Tensor& xe, const torch::Tensor& ye, const torch::Tensor& xs,
                       const torch::Tensor& labelRows, double lambda, const torch::Tensor& trueRows,
                       const CancelToken* cancel) {
  auto check = [&] {
    if (cancel) cancel->throwIfCancelled();
  };
  model->train();
  const std::vector<torch::Tensor> params = model->parameters();
  std::vector<torch::Tensor> theta0;
  theta0.reserve(params.size());
  for (const auto& p : params) theta0.push_back(p.detach());
  MatchStep out;
  // 1. The expert's step, outside any graph the labels reach.
  std::vector<torch::Tensor> thetaE;
  {
    torch::Tensor le = torch::nn::functional::cross_entropy(model->forward(xe), ye);
    out.expertLoss = le.item<double>();
    check();
    const auto ge = torch::autograd::grad({le}, params);
    torch::NoGradGuard guard;
    thetaE = sgdStep(theta0, ge, buf0, h);
  }
  check();
  // 2-4. The student's differentiable step on the clean images with the soft labels.
  torch::Tensor ls = softCrossEntropy(model->forward(xs), labelRows);
  check();
  const auto gs = torch::autograd::grad({ls}, params, {}, /*retain_graph=*/true,
                                        /*create_graph=*/true);
  check();
  const auto thetaS = sgdStep(theta0, gs, buf0, h);
  // 5. The normalised distance.
  torch::Tensor num = torch::zeros({}, xs.options());
  double den = 0;
  for (std::size_t i = 0; i < params.size(); ++i) {
    num = num + (thetaS[i] - thetaE[i]).pow(2).sum();
    den += (theta0[i] - thetaE[i]).pow(2).sum().item<double>();
  }
  out.loss = num / std::max(den, 1e-30);
  if (lambda > 0 && trueRows.defined())
    out.loss =
        out.loss + lambda * (torch::softmax(labelRows, 1) -
                             torch::one_hot(trueRows, labelRows.size(1)).to(labelRows.dtype()))
                                .abs()
                                .sum(1)
                                .mean();
  return out;
}

}  // namespace nn::flip

namespace {
using nlohmann::json;
using nn::flip::SgdHyper;
namespace fs = std::filesystem;

/// An expert's state at a start point.
struct Snapshot {
  std::vector<torch::Tensor> params, buffers, momentum;
};

/// The expert's data (the clean rows, then the source-class rows again with the trigger and
/// the target label) and, for each item, the clean row the student sees.
struct FlipData {
  Split items;                     ///< expert images and labels
  std::vector<std::int64_t> rows;  ///< item -> row of ds.train (the label table's row)
  std::vector<int> computed;       ///< the rows, ascending
  Split triggeredTest;             ///< source-class test images with the trigger
};

FlipData makeFlipData(const Dataset& ds, const FlipConfig& c) {
  FlipData d;
  const std::size_t n = ds.train.count();
  std::vector<int> taken(static_cast<std::size_t>(ds.numClasses()), 0);
  for (std::size_t i = 0; i < n; ++i) {
    const int cls = ds.train.labels[i];
    if (c.perClass > 0 && taken[std::size_t(cls)] >= c.perClass) continue;
    ++taken[std::size_t(cls)];
    d.computed.push_back(static_cast<int>(i));
  }
  std::vector<int> sources;
  for (int r : d.computed)
    if (ds.train.labels[std::size_t(r)] == c.source) sources.push_back(r);
  const std::size_t m = d.computed.size() + sources.size();
  d.items.resize(m);
  std::size_t k = 0;
  for (int r : d.computed) {
    std::copy_n(ds.train.image(std::size_t(r)), kImageBytes, d.items.image(k));
    d.items.labels[k] = ds.train.labels[std::size_t(r)];
    d.rows.push_back(r);
    ++k;
  }
  for (std::size_t j = 0; j < sources.size(); ++j, ++k) {
    std::copy_n(ds.train.image(std::size_t(sources[j])), kImageBytes, d.items.image(k));
    c.trigger.apply(d.items.image(k), j);  // the j-th poison (3xp: numpy's choice(j))
    d.items.labels[k] = static_cast<std::uint8_t>(c.target);
    d.rows.push_back(sources[j]);
  }
  std::vector<std::size_t> srcTest;
  for (std::size_t i = 0; i < ds.test.count(); ++i)
    if (ds.test.labels[i] == c.source) srcTest.push_back(i);
  d.triggeredTest.resize(srcTest.size());
  for (std::size_t j = 0; j < srcTest.size(); ++j) {
    std::copy_n(ds.test.image(srcTest[j]), kImageBytes, d.triggeredTest.image(j));
    c.trigger.apply(d.triggeredTest.image(j), j);
    d.triggeredTest.labels[j] = ds.test.labels[srcTest[j]];
  }
  return d;
}

/// The labels of `count` images of `split` as a long tensor.
torch::Tensor itemLabels(const Split& split, const std::int64_t* idx, std::int64_t count) {
  torch::Tensor y = torch::empty({count}, torch::kLong);
  std::int64_t* yp = y.data_ptr<std::int64_t>();
  for (std::int64_t i = 0; i < count; ++i) yp[i] = split.labels[std::size_t(idx[i])];
  return y;
}

/// Predicted classes of every image of `split`.
std::vector<int> predict(nn::ResNet& model, const Split& split, const nn::Runtime& rt) {
  torch::NoGradGuard guard;
  model->eval();
  std::vector<int> out;
  const std::int64_t n = static_cast<std::int64_t>(split.count()), b = 256;
  std::vector<std::int64_t> idx(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) idx[std::size_t(i)] = i;
  for (std::int64_t s = 0; s < n; s += b) {
    const std::int64_t m = std::min(b, n - s);
    torch::Tensor x = nn::makeBatch(split, idx.data() + s, m, {}, false).to(rt.device);
    torch::Tensor p = model->forward(x).argmax(1).to(torch::kCPU).contiguous();
    const std::int64_t* pp = p.data_ptr<std::int64_t>();
    for (std::int64_t i = 0; i < m; ++i) out.push_back(static_cast<int>(pp[i]));
  }
  model->train();
  return out;
}

/// The start points: for each pass, (expert, epoch, iteration) drawn as the reference's
/// extract_experts: expert ~ U{0..E-1}, epoch ~ U{min+1..max}, iteration ~ the multiples of
/// checkpointEvery in an epoch.
std::vector<FlipStartPoint> drawStarts(const FlipConfig& c, std::int64_t stepsPerEpoch) {
  std::vector<int> iters;
  for (std::int64_t it = c.checkpointEvery; it <= stepsPerEpoch; it += c.checkpointEvery)
    iters.push_back(static_cast<int>(it));
  if (iters.empty())
    throw Error("checkpoint-every: " + std::to_string(c.checkpointEvery) + " is more than the " +
                    std::to_string(stepsPerEpoch) + " iterations of an expert's epoch",
                "flip.checkpoint-every");
  Rng rng(c.seed * 0x9E3779B97F4A7C15ULL + 0xf11b5ULL);
  std::vector<FlipStartPoint> s;
  for (int p = 0; p < c.passes; ++p) {
    FlipStartPoint sp;
    sp.expert = static_cast<int>(rng.below(std::uint64_t(c.experts)));
    sp.epoch =
        c.minEpoch + 1 + static_cast<int>(rng.below(std::uint64_t(c.lastEpoch() - c.minEpoch)));
    sp.iteration = iters[rng.below(iters.size())];
    s.push_back(sp);
  }
  return s;
}

std::string startKey(int expert, int epoch, int iteration) {
  return std::to_string(expert) + "/" + std::to_string(epoch) + "/" + std::to_string(iteration);
}

/// What must match for a resume: every setting that changes the labels, and the data.
std::string configDigest(const FlipConfig& c, const Dataset& ds) {
  json j = json::parse(flipSettingsJson(c));
  j.erase("budgets");  // step 3 only
  j.erase("device");
  j["train_images"] = ds.train.count();
  j["source_path"] = ds.source;
  return j.dump();
}

std::vector<torch::Tensor> cloneAll(const std::vector<torch::Tensor>& v) {
  std::vector<torch::Tensor> out;
  for (const auto& t : v) out.push_back(t.detach().clone().to(torch::kCPU));
  return out;
}

void writeTensors(torch::serialize::OutputArchive& a, const std::string& prefix,
                  const std::vector<torch::Tensor>& v) {
  a.write(prefix + ".n", c10::IValue(static_cast<std::int64_t>(v.size())));
  for (std::size_t i = 0; i < v.size(); ++i) a.write(prefix + "." + std::to_string(i), v[i]);
}

std::vector<torch::Tensor> readTensors(torch::serialize::InputArchive& a, const std::string& prefix,
                                       const std::string& path,
                                       const std::vector<torch::Tensor>& like) {
  c10::IValue n;
  if (!a.try_read(prefix + ".n", n) || !n.isInt() || n.toInt() != std::int64_t(like.size()))
    throw Error(path + ": " + prefix + " does not hold what this network has");
  std::vector<torch::Tensor> out;
  for (std::size_t i = 0; i < like.size(); ++i) {
    torch::Tensor t;
    a.read(prefix + "." + std::to_string(i), t);
    if (t.sizes() != like[i].sizes() || t.dtype() != like[i].dtype())
      throw Error(path + ": " + prefix + "." + std::to_string(i) + " has another shape");
    out.push_back(t);
  }
  return out;
}

void saveArchive(torch::serialize::OutputArchive& a, const std::string& path) {
  std::ostringstream bytes;
  a.save_to(bytes);
  writeFileAtomic(path, bytes.str());
}

std::string readDigest(torch::serialize::InputArchive& a, const std::string& path) {
  c10::IValue d;
  if (!a.try_read("config", d) || !d.isString()) throw Error(path + ": not a FLIP state file");
  return d.toStringRef();
}

}  // namespace

FlipResult computeFlipLabels(const Dataset& ds, const FlipConfig& configIn,
                             const std::string& stateDir, const FlipCallbacks& cb,
                             const CancelToken* cancel, bool resume) {
  FlipConfig c = configIn;
  c.model.numClasses = ds.numClasses();
  c.validate(ds);
  const nn::Runtime rt = nn::chooseRuntime(c.device, Precision::Fp32, c.threads);
  const FlipData d = makeFlipData(ds, c);
  const int k = ds.numClasses();
  const std::int64_t items = static_cast<std::int64_t>(d.items.count());
  const std::int64_t batch = std::min<std::int64_t>(c.batch, items);
  const std::int64_t steps = std::max<std::int64_t>(1, items / batch);  // drop_last
  const std::string digest = configDigest(c, ds);
  const std::string expertsPath = stateDir.empty() ? "" : stateDir + "/experts.pt";
  const std::string statePath = stateDir.empty() ? "" : stateDir + "/flip-state.pt";
  if (!stateDir.empty()) {
    std::error_code ec;
    fs::create_directories(stateDir, ec);
    if (ec) throw Error(stateDir + ": cannot create the folder: " + ec.message());
  }

  FlipResult result;
  result.computedRows = d.computed;
  result.starts = drawStarts(c, steps);
  std::map<std::string, Snapshot> wanted;
  for (const auto& s : result.starts) wanted[startKey(s.expert, s.epoch, s.iteration)];

  // Work units for the progress fraction: an expert step 1, a label step about 4.5.
  const double expertWork = double(c.experts) * c.expertEpochs * steps;
  const double totalWork = expertWork + 4.5 * double(c.passes) * steps;
  const SgdHyper expertHyper{c.expertLr, c.expertMomentum, c.expertWeightDecay, true};

  nn::ResNet model = nullptr;
  // Step 1: experts (or their start points from an earlier run of the same settings).
  bool haveExperts = false;
  torch::manual_seed(c.seed);
  model = nn::prepare(nn::makeModel(c.model), rt);
  if (resume && !expertsPath.empty() && fs::exists(expertsPath)) {
    torch::serialize::InputArchive a;
    nn::readingTorchFile(expertsPath, "not a readable FLIP experts file", [&] {
      a.load_from(expertsPath);
      if (readDigest(a, expertsPath) != digest)
        throw Error(expertsPath +
                    ": was made with other FLIP settings or data; run afresh without --resume");
      for (auto& [key, snap] : wanted) {
        snap.params = readTensors(a, key + "/params", expertsPath, model->parameters());
        snap.buffers = readTensors(a, key + "/buffers", expertsPath, model->buffers());
        snap.momentum = readTensors(a, key + "/momentum", expertsPath, model->parameters());
      }
      torch::Tensor acc;
      a.read("expert_accuracy", acc);
      for (std::int64_t e = 0; e < acc.size(0); ++e) {
        result.expertCta.push_back(acc[e][0].item<double>());
        result.expertPta.push_back(acc[e][1].item<double>());
      }
    });
    haveExperts = true;
  }
  const auto expertStart = Clock::now();
  for (int e = 0; e < c.experts && !haveExperts; ++e) {
    torch::manual_seed(c.seed * 1000003ULL + std::uint64_t(e));
    model = nn::prepare(nn::makeModel(c.model), rt);
    model->train();
    std::vector<torch::Tensor> params = model->parameters(), bufs;
    std::vector<std::int64_t> all(static_cast<std::size_t>(items));
    for (std::int64_t i = 0; i < items; ++i) all[std::size_t(i)] = i;
    for (int epoch = 1; epoch <= c.expertEpochs; ++epoch) {
      const std::uint64_t es =
          (c.seed * 131ULL + std::uint64_t(e)) * 0x9E3779B97F4A7C15ULL + std::uint64_t(epoch);
      Rng orderRng(es ^ 0x0de7ULL), augRng(es ^ 0xa06ULL);
      const auto order = sampleWithoutReplacement(all, all.size(), orderRng);
      SgdHyper h = expertHyper;
      for (int m : c.expertMilestones)
        if (m <= epoch - 1) h.lr *= c.expertGamma;
      for (std::int64_t b = 0; b < steps; ++b) {
        if (cancel) cancel->throwIfCancelled();
        const std::int64_t* idx = order.data() + b * batch;
        torch::Tensor x = nn::makeBatch(d.items, idx, batch,
                                        nn::drawAugmentation(batch, true, true, augRng), false)
                              .to(rt.device);
        torch::Tensor y = itemLabels(d.items, idx, batch).to(rt.device);
        torch::Tensor loss = torch::nn::functional::cross_entropy(model->forward(x), y);
        const auto g = torch::autograd::grad({loss}, params);
        {
          torch::NoGradGuard guard;
          std::vector<torch::Tensor> newBufs;
          const auto next = nn::flip::sgdStep(params, g, bufs, h, &newBufs);
          for (std::size_t i = 0; i < params.size(); ++i) params[i].copy_(next[i]);
          bufs = newBufs;
        }
        const int iteration = static_cast<int>(b + 1);
        if (iteration % c.checkpointEvery == 0) {
          auto it = wanted.find(startKey(e, epoch, iteration));
          if (it != wanted.end())
            it->second = Snapshot{cloneAll(params), cloneAll(model->buffers()), cloneAll(bufs)};
        }
        if (cb.onBatch) {
          FlipProgress p;
          p.stage = "experts";
          p.expert = e + 1;
          p.epoch = epoch;
          p.batch = iteration;
          p.batches = static_cast<int>(steps);
          p.loss = loss.item<double>();
          p.fraction =
              (double(e) * c.expertEpochs * steps + double(epoch - 1) * steps + b + 1) / totalWork;
          cb.onBatch(p);
        }
      }
    }
    // The expert's own accuracy: a dirty-label expert should reach near-100 % PTA.
    const auto clean = predict(model, ds.test, rt);
    const auto trig = predict(model, d.triggeredTest, rt);
    double right = 0, hit = 0;
    for (std::size_t i = 0; i < clean.size(); ++i) right += clean[i] == ds.test.labels[i];
    for (int p : trig) hit += p == c.target;
    result.expertCta.push_back(clean.empty() ? 0 : right / double(clean.size()));
    result.expertPta.push_back(trig.empty() ? 0 : hit / double(trig.size()));
    if (cb.onExpert) cb.onExpert(e + 1, result.expertCta.back(), result.expertPta.back());
  }
  if (!haveExperts) {
    result.expertSeconds = since(expertStart);
    if (!expertsPath.empty()) {
      torch::serialize::OutputArchive a;
      a.write("config", c10::IValue(digest));
      for (const auto& [key, snap] : wanted) {
        writeTensors(a, key + "/params", snap.params);
        writeTensors(a, key + "/buffers", snap.buffers);
        writeTensors(a, key + "/momentum", snap.momentum);
      }
      torch::Tensor acc = torch::zeros({std::int64_t(result.expertCta.size()), 2}, torch::kFloat64);
      for (std::size_t e = 0; e < result.expertCta.size(); ++e) {
        acc[std::int64_t(e)][0] = result.expertCta[e];
        acc[std::int64_t(e)][1] = result.expertPta[e];
      }
      a.write("expert_accuracy", acc);
      saveArchive(a, expertsPath);
    }
  }

  // Step 2: the label passes.
  const std::int64_t n = static_cast<std::int64_t>(ds.train.count());
  std::vector<std::int64_t> allRows(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) allRows[std::size_t(i)] = i;
  const torch::Tensor trueAll = itemLabels(ds.train, allRows.data(), n);
  torch::Tensor labels =
      (c.oneHotTemperature * torch::one_hot(trueAll, k).to(torch::kFloat32)).to(rt.device);
  torch::Tensor labelBuf;  // the label optimiser's dense momentum (undefined before step 1)
  int donePasses = 0;
  if (resume && !statePath.empty() && fs::exists(statePath)) {
    torch::serialize::InputArchive a;
    nn::readingTorchFile(statePath, "not a readable FLIP state file", [&] {
      a.load_from(statePath);
      if (readDigest(a, statePath) != digest)
        throw Error(statePath +
                    ": was made with other FLIP settings or data; run afresh without --resume");
      torch::Tensor l, b, losses, passLosses, done;
      a.read("labels", l);
      a.read("label_momentum", b);
      a.read("batch_losses", losses);
      a.read("pass_losses", passLosses);
      a.read("passes_done", done);
      if (l.sizes() != labels.sizes() || b.sizes() != labels.sizes())
        throw Error(statePath + ": its label table does not fit this data set");
      labels = l.to(rt.device);
      labelBuf = b.to(rt.device);
      donePasses = static_cast<int>(done.item<std::int64_t>());
      for (std::int64_t i = 0; i < losses.size(0); ++i)
        result.batchLosses.push_back(losses[i].item<double>());
      for (std::int64_t i = 0; i < passLosses.size(0); ++i)
        result.passLosses.push_back(passLosses[i].item<double>());
    });
    result.resumedFromPass = donePasses;
  }
  const auto labelStart = Clock::now();
  std::vector<std::int64_t> all(static_cast<std::size_t>(items));
  for (std::int64_t i = 0; i < items; ++i) all[std::size_t(i)] = i;
  for (int pass = donePasses; pass < c.passes; ++pass) {
    const FlipStartPoint sp = result.starts[std::size_t(pass)];
    const Snapshot& snap = wanted.at(startKey(sp.expert, sp.epoch, sp.iteration));
    {
      torch::NoGradGuard guard;
      auto params = model->parameters();
      auto buffers = model->buffers();
      for (std::size_t i = 0; i < params.size(); ++i) params[i].copy_(snap.params[i]);
      for (std::size_t i = 0; i < buffers.size(); ++i) buffers[i].copy_(snap.buffers[i]);
    }
    std::vector<torch::Tensor> buf0;
    for (const auto& t : snap.momentum) buf0.push_back(t.to(rt.device));
    // The expert's learning rate at the start point (its milestones passed).
    SgdHyper h = expertHyper;
    for (int m : c.expertMilestones)
      if (m <= sp.epoch - 1) h.lr *= c.expertGamma;
    const std::uint64_t ps = c.seed * 0x9E3779B97F4A7C15ULL + 0x9a55ULL * std::uint64_t(pass + 1);
    Rng orderRng(ps ^ 0x0de7ULL), augRng(ps ^ 0xa06ULL);
    const auto order = sampleWithoutReplacement(all, all.size(), orderRng);
    double sum = 0;
    for (std::int64_t b = 0; b < steps; ++b) {
      if (cancel) cancel->throwIfCancelled();
      const std::int64_t* idx = order.data() + b * batch;
      const auto aug = nn::drawAugmentation(batch, true, true, augRng);
      torch::Tensor xe = nn::makeBatch(d.items, idx, batch, aug, false).to(rt.device);
      std::vector<std::int64_t> studentRows(static_cast<std::size_t>(batch));
      for (std::int64_t i = 0; i < batch; ++i)
        studentRows[std::size_t(i)] = d.rows[std::size_t(idx[i])];
      torch::Tensor ye = itemLabels(d.items, idx, batch).to(rt.device);
      torch::Tensor xs =
          nn::makeBatch(ds.train, studentRows.data(), batch, aug, false).to(rt.device);
      torch::Tensor rowIdx =
          torch::from_blob(studentRows.data(), {batch}, torch::kLong).clone().to(rt.device);
      torch::Tensor leaf = labels.detach().requires_grad_(true);
      torch::Tensor rows = leaf.index_select(0, rowIdx);
      const auto step =
          nn::flip::matchingLoss(model, buf0, h, xe, ye, xs, rows, c.lambda,
                                 trueAll.index_select(0, rowIdx.cpu()).to(rt.device), cancel);
      torch::Tensor grad = torch::autograd::grad({step.loss}, {leaf})[0];
      if (cancel) cancel->throwIfCancelled();
      {
        // SGD on the label table: lr 150, momentum 0.5, no Nesterov, no decay, dense buffer.
        torch::NoGradGuard guard;
        labelBuf = labelBuf.defined() ? c.labelMomentum * labelBuf + grad : grad;
        labels = labels - c.labelLr * labelBuf;
      }
      const double lossValue = step.loss.item<double>();
      result.batchLosses.push_back(lossValue);
      sum += lossValue;
      if (cb.onBatch) {
        FlipProgress p;
        p.stage = "labels";
        p.pass = pass + 1;
        p.passes = c.passes;
        p.batch = static_cast<int>(b + 1);
        p.batches = static_cast<int>(steps);
        p.loss = lossValue;
        p.fraction = (expertWork + 4.5 * (double(pass) * steps + b + 1)) / totalWork;
        cb.onBatch(p);
      }
    }
    result.passLosses.push_back(sum / double(steps));
    if (!statePath.empty()) {
      torch::serialize::OutputArchive a;
      a.write("config", c10::IValue(digest));
      a.write("labels", labels.to(torch::kCPU));
      a.write("label_momentum", labelBuf.to(torch::kCPU));
      a.write("batch_losses", torch::tensor(result.batchLosses, torch::kFloat64));
      a.write("pass_losses", torch::tensor(result.passLosses, torch::kFloat64));
      a.write("passes_done", torch::tensor(std::int64_t(pass + 1)));
      saveArchive(a, statePath);
    }
    if (cb.onPass) cb.onPass(pass + 1, result.passLosses.back());
  }
  result.labelSeconds = since(labelStart);
  const torch::Tensor out = labels.to(torch::kCPU).contiguous();
  result.logits.assign(out.data_ptr<float>(), out.data_ptr<float>() + out.numel());
  return result;
}

}  // namespace poisonlab
