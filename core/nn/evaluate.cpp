// What a model does on clean and triggered inputs: the evaluation of every record.
#include "core/nn/inference_impl.h"

namespace poisonlab {
namespace nn {
namespace {

/// Confusion matrix and per-class accuracy of predictions against labels.
void confusionOf(const std::vector<int>& pred, const std::vector<std::uint8_t>& labels, int classes,
                 std::vector<std::vector<int>>& confusion, std::vector<double>& perClass,
                 double& accuracy) {
  confusion.assign(static_cast<std::size_t>(classes),
                   std::vector<int>(static_cast<std::size_t>(classes), 0));
  std::size_t correct = 0;
  for (std::size_t i = 0; i < pred.size(); ++i) {
    ++confusion[labels[i]][static_cast<std::size_t>(pred[i])];
    correct += pred[i] == labels[i];
  }
  perClass.assign(static_cast<std::size_t>(classes), 0.0);
  for (int c = 0; c < classes; ++c) {
    long total = 0;
    for (int v : confusion[c]) total += v;
    perClass[c] = total ? double(confusion[c][c]) / double(total) : 0.0;
  }
  accuracy = pred.empty() ? 0.0 : double(correct) / double(pred.size());
}

/// Fraction of the images of `split` the model sends to `target`.
double targetRate(ResNet& model, const Split& split, int target, const Runtime& rt,
                  const CancelToken* cancel) {
  const auto pred = predict(model, split, {}, rt, cancel);
  std::size_t hits = 0;
  for (int p : pred) hits += p == target;
  return pred.empty() ? 0.0 : double(hits) / double(pred.size());
}

}  // namespace

EvalReport evaluate(ResNet& model, const PoisonedDataset& d, const Runtime& rt, bool full,
                    const CancelToken* cancel, const std::vector<std::int64_t>& cleanSample) {
  EvalReport r;
  const int classes = d.clean->numClasses();
  const Split& test = d.clean->test;
  if (cleanSample.empty()) {
    confusionOf(predict(model, test, {}, rt, cancel), test.labels, classes, r.confusion,
                r.perClassAcc, r.cleanAcc);
  } else {
    std::vector<std::uint8_t> labels;
    labels.reserve(cleanSample.size());
    for (auto i : cleanSample) labels.push_back(test.labels.at(static_cast<std::size_t>(i)));
    confusionOf(predict(model, test, cleanSample, rt, cancel), labels, classes, r.confusion,
                r.perClassAcc, r.cleanAcc);
  }
  r.asr = targetRate(model, d.triggeredTest, d.spec.target, rt, cancel);
  r.asrMirrored = targetRate(model, d.triggeredTestMirrored, d.spec.target, rt, cancel);
  std::vector<std::int64_t> poisoned(d.poisonedIndices.begin(), d.poisonedIndices.end());
  if (!poisoned.empty()) {
    const auto fit = predict(model, d.train, poisoned, rt, cancel);
    std::size_t fitted = 0;
    for (std::size_t k = 0; k < fit.size(); ++k) fitted += fit[k] == d.train.labels[poisoned[k]];
    r.poisonFit = double(fitted) / double(fit.size());
  }
  if (full) {
    Split triggered = test;
    for (std::size_t i = 0; i < triggered.count(); ++i) d.trigger.apply(triggered.image(i), i);
    const auto pred = predict(model, triggered, {}, rt, cancel);
    double acc = 0;
    confusionOf(pred, test.labels, classes, r.confusionTriggered, r.perClassAccTriggered, acc);
    r.targetRateTriggered.assign(static_cast<std::size_t>(classes), 0.0);
    for (int c = 0; c < classes; ++c) {
      long total = 0;
      for (int v : r.confusionTriggered[c]) total += v;
      r.targetRateTriggered[c] =
          total ? double(r.confusionTriggered[c][d.spec.target]) / double(total) : 0.0;
    }
  }
  return r;
}

}  // namespace nn

namespace {
EvalReport evaluateFile(const std::string& path, const PoisonedDataset& data,
                        const std::string& device, Precision precision, int threads, bool full,
                        const CancelToken* cancel) {
  nn::LoadedModel m = nn::loadForInference(path, device, precision, threads);
  if (m.model->spec().numClasses != data.clean->numClasses())
    throw Error(path + ": the model has " + std::to_string(m.model->spec().numClasses) +
                " classes, the data set " + std::to_string(data.clean->numClasses()));
  return nn::evaluate(m.model, data, m.rt, full, cancel);
}
}  // namespace

EvalReport evaluateModelFile(const std::string& path, const PoisonedDataset& data,
                             const std::string& device, Precision precision, int threads,
                             const CancelToken* cancel) {
  return evaluateFile(path, data, device, precision, threads, /*full=*/true, cancel);
}

EvalReport evaluateModelHeadline(const std::string& path, const PoisonedDataset& data,
                                 const std::string& device, Precision precision, int threads,
                                 const CancelToken* cancel) {
  return evaluateFile(path, data, device, precision, threads, /*full=*/false, cancel);
}

}  // namespace poisonlab
